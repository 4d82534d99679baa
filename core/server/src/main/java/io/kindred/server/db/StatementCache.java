package io.kindred.server.db;

import org.jdbi.v3.core.statement.DefaultStatementBuilder;
import org.jdbi.v3.core.statement.StatementBuilder;
import org.jdbi.v3.core.statement.StatementContext;

import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Prepared statements of the SQLite writer connection, kept and reused: the writer runs the same few hundred
 * statements all day, and preparing one costs as much as running it. Only plain statements are kept (not those that return
 * generated keys or are updatable); a statement still in use (the same SQL inside its own iteration) gets a fresh
 * one. At most {@link #CAPACITY}, the least recently used closed first. Used by one thread at a time (the writer's
 * turn), closed with the connection.
 */
final class StatementCache implements StatementBuilder {

    static final int CAPACITY = 256;

    private final StatementBuilder plain = new DefaultStatementBuilder();
    private long prepared;
    private final Set<Statement> inUse = Collections.newSetFromMap(new IdentityHashMap<>());
    /** The kept statements themselves: Jdbi closes a statement with its SQL as written (":name"), not as prepared ("?"). */
    private final Set<Statement> keptStatements = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Map<String, PreparedStatement> kept = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, PreparedStatement> eldest) {
            if (size() <= CAPACITY) {
                return false;
            }
            keptStatements.remove(eldest.getValue());
            if (!inUse.contains(eldest.getValue())) {
                closeQuietly(eldest.getValue());
            }
            return true;
        }
    };

    @Override
    public Statement create(Connection conn, StatementContext ctx) throws SQLException {
        return plain.create(conn, ctx);
    }

    @Override
    public PreparedStatement create(Connection conn, String sql, StatementContext ctx) throws SQLException {
        if (ctx.isReturningGeneratedKeys() || ctx.isConcurrentUpdatable()) {
            return plain.create(conn, sql, ctx);
        }
        PreparedStatement statement = kept.get(sql);
        if (statement != null && !inUse.contains(statement) && !statement.isClosed()) {
            statement.clearParameters();
        } else if (statement != null && inUse.contains(statement)) {
            return plain.create(conn, sql, ctx);
        } else {
            statement = conn.prepareStatement(sql, java.sql.ResultSet.TYPE_FORWARD_ONLY, java.sql.ResultSet.CONCUR_READ_ONLY);
            prepared++;
            PreparedStatement replaced = kept.put(sql, statement);
            if (replaced != null) {
                keptStatements.remove(replaced); // closed already
            }
            keptStatements.add(statement);
        }
        inUse.add(statement);
        return statement;
    }

    @Override
    public CallableStatement createCall(Connection conn, String sql, StatementContext ctx) throws SQLException {
        return plain.createCall(conn, sql, ctx);
    }

    @Override
    public void close(Connection conn, String sql, Statement stmt) throws SQLException {
        if (stmt == null) {
            return;
        }
        if (inUse.remove(stmt) && keptStatements.contains(stmt)) {
            return; // kept for the next time
        }
        stmt.close();
    }

    @Override
    public void close(Connection conn) {
        // the handle closes; the statements stay with the connection
    }

    /** @return how many statements were prepared to be kept so far */
    long prepared() {
        return prepared;
    }

    /** Closes every kept statement (the connection is being closed or replaced). */
    void clear() {
        kept.values().forEach(StatementCache::closeQuietly);
        kept.clear();
        keptStatements.clear();
        inUse.clear();
    }

    private static void closeQuietly(Statement s) {
        try {
            s.close();
        } catch (SQLException ignored) {
            // closing anyway
        }
    }
}
