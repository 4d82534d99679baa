package io.kindred.testkit;

import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.StatementContext;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The statements a platform runs, the core's and its plugins' (issue 21): counted per request and explained with
 * {@code EXPLAIN QUERY PLAN}. Counts leave out the platform's own threads ({@code kindred-*}: events, jobs, mail),
 * so a count is what a request itself costs; the plans cover every statement seen. One watch per platform, made after it started.
 */
public final class SqlWatch {

    /** Tables of the core whose size is set by the operator, not by the number of members or entries. */
    public static final Set<String> CORE_BOUNDED = Set.of("settings", "ledger_assets", "api_keys", "webhook_endpoints",
            "webhook_cursor", "rfm_boundaries", "segments", "connectors", "event_subscribers", "broadcasts", "setup_tokens",
            "schema_version", "flyway_schema_history", "legal_texts");
    private static final Pattern SCAN = Pattern.compile("^SCAN (\\w+)");
    private static final Pattern SOURCE = Pattern.compile("(?i)\\b(?:FROM|JOIN)\\s+(\\w+)(?:\\s+(?:AS\\s+)?(\\w+))?");
    private static final Set<String> KEYWORDS = Set.of("WHERE", "ON", "JOIN", "LEFT", "INNER", "CROSS", "ORDER", "GROUP",
            "LIMIT", "USING", "AND", "OR", "SET", "VALUES", "UNION", "HAVING", "NATURAL", "OUTER", "WINDOW");

    private final TestPlatform platform;
    private final Set<String> statements = Collections.synchronizedSet(new LinkedHashSet<>());
    private final AtomicInteger counted = new AtomicInteger();

    private SqlWatch(TestPlatform platform) {
        this.platform = platform;
    }

    /** Starts watching the core's Jdbi and every plugin's database. */
    public static SqlWatch on(TestPlatform platform) {
        SqlWatch w = new SqlWatch(platform);
        SqlLogger logger = new SqlLogger() {
            @Override
            public void logAfterExecution(StatementContext ctx) {
                w.statements.add(ctx.getParsedSql().getSql());
                if (!Thread.currentThread().getName().startsWith("kindred-")) {
                    w.counted.incrementAndGet();
                }
            }
        };
        platform.kindred().db.coreJdbi().setSqlLogger(logger);
        platform.kindred().pluginStatements.set(logger);
        return w;
    }

    /** Forgets what was seen so far. */
    public void clear() {
        statements.clear();
        counted.set(0);
    }

    /** @return how many statements the work ran (after the platform's events settled) */
    public int count(Runnable work) {
        platform.awaitEvents();
        counted.set(0);
        work.run();
        return counted.get();
    }

    /** @return the distinct statements seen since the last {@link #clear()} */
    public List<String> seen() {
        synchronized (statements) {
            return List.copyOf(statements);
        }
    }

    /**
     * @param bounded tables that do not grow with members or entries (besides {@link #CORE_BOUNDED})
     * @return each full scan of, or temporary B-tree over, a growing table in the statements seen, with the statement
     */
    public List<String> planProblems(Set<String> bounded) throws SQLException {
        List<String> found = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + platform.dataDir().resolve("kindred.db"))) {
            Set<String> growing = tables(c);
            growing.removeAll(CORE_BOUNDED);
            growing.removeAll(bounded);
            for (String sql : seen()) {
                found.addAll(problems(c, growing, sql));
            }
        }
        return found;
    }

    private static Set<String> tables(Connection c) throws SQLException {
        Set<String> out = new HashSet<>();
        try (ResultSet rs = c.createStatement().executeQuery("SELECT name FROM sqlite_master WHERE type = 'table'")) {
            while (rs.next()) {
                out.add(rs.getString(1).toLowerCase(Locale.ROOT));
            }
        }
        return out;
    }

    private static List<String> problems(Connection c, Set<String> growingTables, String sql) throws SQLException {
        String head = sql.stripLeading().toUpperCase(Locale.ROOT);
        if (!(head.startsWith("SELECT") || head.startsWith("WITH") || head.startsWith("UPDATE") || head.startsWith("DELETE")
                || head.startsWith("INSERT"))) {
            return List.of();
        }
        Map<String, String> tables = sources(sql);
        boolean growing = tables.values().stream().anyMatch(growingTables::contains);
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("EXPLAIN QUERY PLAN " + sql)) {
            for (int i = 1; i <= ps.getParameterMetaData().getParameterCount(); i++) {
                ps.setNull(i, Types.NULL);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String detail = rs.getString(4);
                    Matcher m = SCAN.matcher(detail);
                    String table = m.find() ? tables.get(m.group(1).toLowerCase(Locale.ROOT)) : null;
                    if (table != null && growingTables.contains(table)) {
                        out.add(detail + " (" + table + ") in:\n" + sql.strip());
                    } else if (growing && detail.startsWith("USE TEMP B-TREE")) {
                        out.add(detail + " in:\n" + sql.strip());
                    }
                }
            }
        }
        return out;
    }

    /** Alias (or name) to table, for the tables a statement reads. */
    private static Map<String, String> sources(String sql) {
        Map<String, String> out = new HashMap<>();
        Matcher m = SOURCE.matcher(sql);
        while (m.find()) {
            String table = m.group(1).toLowerCase(Locale.ROOT);
            out.put(table, table);
            String alias = m.group(2);
            if (alias != null && !KEYWORDS.contains(alias.toUpperCase(Locale.ROOT))) {
                out.put(alias.toLowerCase(Locale.ROOT), table);
            }
        }
        return out;
    }
}
