package io.kindred.server.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.kindred.api.db.Database;
import org.jdbi.v3.core.ConnectionFactory;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.extension.HandleSupplier;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.DefaultStatementBuilder;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The platform's connection pool and its write discipline.
 *
 * <p>On SQLite the process has one writer connection and writes take turns on it ({@link GroupCommit}): writes
 * that queue behind each other share one transaction, each in a savepoint, and all return once it is committed.
 * Its transactions start with {@code BEGIN IMMEDIATE} (so a read-then-write never fails on a lock upgrade);
 * another process (the {@code backup} command) is covered by the busy timeout. Reads use the pool. On
 * PostgreSQL each write is a transaction of its own; one the server rolls back to break a deadlock (or a
 * serialization conflict) runs again, a few times. A write or read started inside a write on the same thread joins
 * it.
 */
public final class Db implements AutoCloseable {

    private final HikariDataSource dataSource;
    private final String dialect;
    private final GroupCommit writer;
    private final ThreadLocal<Handle> currentWrite = new ThreadLocal<>();
    /** PostgreSQL: commits of this process that carried a write (SQLite: the writer counts). */
    private final java.util.concurrent.atomic.AtomicLong changes = new java.util.concurrent.atomic.AtomicLong();
    /** The writer connection while a unit of work runs on this thread: its handles open on it, and never close it. */
    private final ThreadLocal<Connection> pinned = new ThreadLocal<>();
    /** PostgreSQL: what runs once the write in hand on this thread commits. */
    private final ThreadLocal<List<Runnable>> afterCommit = new ThreadLocal<>();
    private final Jdbi coreJdbi;

    public Db(String url, String synchronous, int poolSize, int busyTimeoutMs) {
        this(url, null, null, synchronous, poolSize, busyTimeoutMs);
    }

    /**
     * @param user     PostgreSQL: the role to connect as ({@code kindred.db.user}); null keeps what the URL says
     * @param password PostgreSQL: its password ({@code kindred.db.password}); null keeps what the URL says
     */
    public Db(String url, String user, String password, String synchronous, int poolSize, int busyTimeoutMs) {
        this.dialect = dialectOf(url);
        HikariConfig hc = new HikariConfig();
        hc.setPoolName("kindred-db");
        hc.setMaximumPoolSize(poolSize);
        hc.setMinimumIdle(1);
        hc.setConnectionTimeout(30_000);
        SQLiteDataSource writerSource = null;
        if (dialect.equals("sqlite")) {
            SQLiteConfig sc = new SQLiteConfig();
            sc.setJournalMode(SQLiteConfig.JournalMode.WAL);
            sc.setSynchronous(SQLiteConfig.SynchronousMode.valueOf(synchronous.toUpperCase()));
            sc.enforceForeignKeys(true);
            sc.setBusyTimeout(busyTimeoutMs);
            sc.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
            // Savepoints' sub-journals and temporary sorts stay in memory: on disk, every unit of the group commit
            // wrote the original of each page it touched to a temporary file first.
            sc.setTempStore(SQLiteConfig.TempStore.MEMORY);
            // Deleted and overwritten rows are zeroed, not left in free pages: an erased member's data leaves the file.
            sc.setPragma(SQLiteConfig.Pragma.SECURE_DELETE, "true");
            SQLiteDataSource sds = new SQLiteDataSource(sc);
            sds.setUrl(url);
            hc.setDataSource(sds);
            writerSource = sds;
        } else {
            hc.setJdbcUrl(url);
            if (user != null) {
                hc.setUsername(user);
            }
            if (password != null) {
                hc.setPassword(password);
            }
        }
        this.dataSource = new HikariDataSource(hc);
        SQLiteDataSource source = writerSource;
        this.writer = source == null ? null : new GroupCommit(() -> writerConnection(source));
        this.coreJdbi = newJdbi();
    }

    /** Size of the writer connection's page cache (KiB): a shared transaction's dirty pages stay in memory until it commits. */
    private static final int WRITER_CACHE_KIB = 16_384;

    /** The writer connection: the pool's settings, and a larger page cache of its own. */
    private static Connection writerConnection(SQLiteDataSource source) throws SQLException {
        Connection c = source.getConnection();
        try (java.sql.Statement s = c.createStatement()) {
            s.execute("PRAGMA cache_size = -" + WRITER_CACHE_KIB);
        }
        return c;
    }

    /** A Jdbi on the pool that opens its handle on the writer connection when a unit of work asks for it. */
    private Jdbi newJdbi() {
        Jdbi jdbi = Jdbi.create(new ConnectionFactory() {
            @Override
            public Connection openConnection() throws SQLException {
                Connection writerConnection = pinned.get();
                return writerConnection != null ? writerConnection : dataSource.getConnection();
            }

            @Override
            public void closeConnection(Connection connection) throws SQLException {
                if (connection != pinned.get()) {
                    connection.close();
                }
            }
        });
        if (dialect.equals("postgresql")) {
            // Instants are BIGINT epoch milliseconds in both dialects; SQLite's driver reads such a column as a
            // timestamp by itself, PostgreSQL's refuses ("Bad value for type timestamp"), so map them here the same way.
            jdbi.registerColumnMapper(java.time.Instant.class, (rs, column, ctx) -> {
                if (rs.getMetaData().getColumnType(column) == java.sql.Types.BIGINT
                        || rs.getMetaData().getColumnType(column) == java.sql.Types.INTEGER) {
                    long millis = rs.getLong(column);
                    return rs.wasNull() ? null : java.time.Instant.ofEpochMilli(millis);
                }
                java.sql.Timestamp t = rs.getTimestamp(column);
                return t == null ? null : t.toInstant();
            });
        }
        // The writer connection keeps its prepared statements; pooled readers prepare theirs. (Readers kept theirs for
        // a while on 2026-12-08: a reader then failed with "cannot commit transaction - SQL statements in progress",
        // a kept statement not reset while the connection had a transaction open; see docs/performance.md.)
        jdbi.setStatementBuilderFactory(connection -> writer != null && connection == pinned.get()
                ? writer.statements() : DefaultStatementBuilder.FACTORY.createStatementBuilder(connection));
        return jdbi;
    }

    public static String dialectOf(String url) {
        if (url.startsWith("jdbc:sqlite:")) {
            return "sqlite";
        }
        if (url.startsWith("jdbc:postgresql:")) {
            return "postgresql";
        }
        throw new IllegalArgumentException("unsupported database URL (jdbc:sqlite: or jdbc:postgresql:): " + url);
    }

    public String dialect() {
        return dialect;
    }

    /** @return the core's own database view */
    public Database core() {
        return view(coreJdbi);
    }

    /**
     * @return a database view with its own Jdbi instance (its own mapper caches), for one plugin run; drop
     * it when the plugin stops and its caches go with it
     */
    public Database forPlugin() {
        return view(newJdbi());
    }

    public Jdbi coreJdbi() {
        return coreJdbi;
    }

    private Database view(Jdbi jdbi) {
        return new Database() {
            @Override
            public <R> R write(HandleCallback<R, RuntimeException> work) {
                return Db.this.write(jdbi, work);
            }

            @Override
            public <R> R read(HandleCallback<R, RuntimeException> work) {
                Handle joined = currentWrite.get();
                if (joined != null) {
                    return work.withHandle(joined);
                }
                return jdbi.withHandle(work);
            }

            @Override
            public String dialect() {
                return dialect;
            }

            @Override
            public void afterCommit(Runnable action) {
                Db.this.afterCommit(action);
            }
        };
    }

    private <R> R write(Jdbi jdbi, HandleCallback<R, RuntimeException> work) {
        Handle joined = currentWrite.get();
        if (joined != null) {
            return work.withHandle(joined);
        }
        if (writer != null) {
            return writer.run(connection -> {
                pinned.set(connection);
                HandleSupplier outer = hideOuterHandle();
                try (Handle h = jdbi.open()) {
                    currentWrite.set(h);
                    return work.withHandle(h);
                } finally {
                    currentWrite.remove();
                    pinned.remove();
                    restoreOuterHandle(outer);
                }
            });
        }
        for (int attempt = 1; ; attempt++) {
            List<Runnable> actions = new ArrayList<>();
            afterCommit.set(actions);
            R result;
            HandleSupplier outer = hideOuterHandle();
            try {
                result = jdbi.inTransaction(h -> {
                    currentWrite.set(h);
                    try {
                        return work.withHandle(h);
                    } finally {
                        currentWrite.remove();
                    }
                });
            } catch (RuntimeException e) {
                if (attempt < PG_ATTEMPTS && rolledBackByServer(e)) {
                    pause(attempt);
                    continue; // nothing of the attempt was committed: the work runs again from the start
                }
                throw e;
            } finally {
                afterCommit.remove();
                restoreOuterHandle(outer);
            }
            changes.incrementAndGet();
            actions.forEach(Runnable::run);
            return result;
        }
    }

    /**
     * Hides, for the write about to run on this thread, a handle that an enclosing {@code coreJdbi().withHandle} holds:
     * Jdbi lends a thread's open handle to every {@code withHandle} nested in it, so a store method called inside the
     * write would otherwise run on that outer (reader) connection, outside the write's transaction.
     *
     * @return the hidden handle, for {@link #restoreOuterHandle}
     */
    private HandleSupplier hideOuterHandle() {
        HandleSupplier outer = coreJdbi.getHandleScope().get();
        if (outer != null) {
            coreJdbi.getHandleScope().clear();
        }
        return outer;
    }

    private void restoreOuterHandle(HandleSupplier outer) {
        if (outer != null) {
            coreJdbi.getHandleScope().set(outer);
        }
    }

    /** PostgreSQL: how often a write the server chose as a deadlock's victim (or a serialization failure) is run. */
    private static final int PG_ATTEMPTS = 5;

    /** @return whether PostgreSQL rolled the transaction back to break a deadlock or a serialization conflict */
    private static boolean rolledBackByServer(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && ("40P01".equals(sql.getSQLState()) || "40001".equals(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(java.util.concurrent.ThreadLocalRandom.current().nextLong(5, 20L * attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying a write", e);
        }
    }

    /**
     * Runs {@code action} once the write in hand on this thread is committed, or at once outside a write: how
     * a background loop is woken for rows it can only read after the commit.
     */
    public void afterCommit(Runnable action) {
        if (currentWrite.get() == null) {
            action.run();
        } else if (writer != null) {
            writer.afterCommit(action);
        } else {
            afterCommit.get().add(action);
        }
    }

    /**
     * @return a number that grows after every commit of this process that wrote something: a value computed from the
     * database while it stays the same is still current (as far as this process's writes go)
     */
    public long changes() {
        return writer != null ? writer.changes() : changes.get();
    }

    /** Successful writes so far and the commits that carried them: more writes than commits is group commit at work. */
    public record WriteStats(long writes, long commits) {
    }

    /** @return on SQLite, the write statistics of this process; empty on PostgreSQL (a commit per write) */
    public Optional<WriteStats> writeStats() {
        return Optional.ofNullable(writer).map(GroupCommit::stats);
    }

    @Override
    public void close() {
        if (writer != null) {
            writer.close();
        }
        dataSource.close();
    }
}
