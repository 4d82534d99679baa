package io.kindred.core;

import com.fasterxml.jackson.databind.JsonNode;
import io.kindred.testkit.Http;
import io.kindred.testkit.TestPlatform;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.StatementContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every statement the core runs while a member opens Home, My points, their account and notifications, and while the
 * operator reads the API's lists, is planned by SQLite without reading a whole table that grows with members or
 * entries and without sorting one in a temporary B-tree: each has an index (issue 21). The statements are caught by
 * a Jdbi {@link SqlLogger} on the core's Jdbi and explained, parameters unbound, on a second connection.
 */
class QueryPlanTest {

    /** Tables whose size is set by the operator, not by the number of members or entries; all others grow. */
    private static final Set<String> BOUNDED = Set.of("settings", "ledger_assets", "api_keys", "webhook_endpoints",
            "webhook_cursor", "rfm_boundaries", "segments", "connectors", "event_subscribers", "broadcasts", "setup_tokens",
            "schema_version", "flyway_schema_history", "legal_texts");
    /**
     * Routes that read a whole table or period on purpose, not a page or a list: the ledger's full consistency check,
     * and the KPI report (aggregates over a period, measured by {@code dist/bench/kpi-bench.sh}).
     */
    private static final Set<String> WHOLE_READS = Set.of("/api/v1/admin/ledger/check", "/api/v1/admin/kpis");
    private static final Pattern SCAN = Pattern.compile("^SCAN (\\w+)");
    private static final Pattern SOURCE = Pattern.compile("(?i)\\b(?:FROM|JOIN)\\s+(\\w+)(?:\\s+(?:AS\\s+)?(\\w+))?");

    private static TestPlatform platform;
    private static final Set<String> statements = java.util.Collections.synchronizedSet(new LinkedHashSet<>());

    @BeforeAll
    static void start() {
        platform = TestPlatform.builder().start();
        platform.kindred().db.coreJdbi().setSqlLogger(new SqlLogger() {
            @Override
            public void logAfterExecution(StatementContext ctx) {
                statements.add(ctx.getParsedSql().getSql());
            }
        });
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    @Test
    void noPageOrListAMemberOrOperatorOpensScansOrSortsAGrowingTable() throws SQLException {
        Http member = platform.member("planned@plan.test", "Planned");
        long id = member.get("/api/v1/me").json().at("/user/id").asLong();
        Http admin = platform.admin();
        assertEquals(201, admin.post("/api/v1/admin/ledger/adjustments",
                Map.of("userId", id, "asset", "points", "amount", 5, "reason", "plan"), Map.of("Idempotency-Key", "plan")).status());
        statements.clear();
        for (String page : List.of("/", "/me", "/points", "/account", "/notifications", "/api/v1/me/ledger",
                "/api/v1/me/balances", "/api/v1/me/notifications", "/api/v1/me/notifications/unread-count")) {
            assertEquals(200, member.get(page).status(), page);
        }
        for (String path : listRoutes()) {
            assertEquals(200, admin.get(path).status(), path);
        }
        for (String path : List.of("/api/v1/admin/users/" + id, "/api/v1/admin/users/" + id + "/ledger", "/console/members/" + id)) {
            assertEquals(200, admin.get(path).status(), path);
        }
        List<String> found = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + platform.dataDir().resolve("kindred.db"))) {
            Set<String> growingTables = growingTables(c);
            for (String sql : List.copyOf(statements)) {
                found.addAll(problems(c, growingTables, sql));
            }
        }
        assertTrue(statements.size() > 20, "caught only " + statements.size() + " statements");
        assertTrue(found.isEmpty(), String.join("\n\n", found));
    }

    /** Every GET of the served description without a path parameter. */
    private static List<String> listRoutes() {
        JsonNode paths = platform.http().get("/api/v1/openapi.json").json().path("paths");
        List<String> out = new ArrayList<>();
        for (Iterator<String> it = paths.fieldNames(); it.hasNext(); ) {
            String p = it.next();
            if (paths.path(p).has("get") && !p.contains("{") && p.startsWith("/api/v1/") && !WHOLE_READS.contains(p)) {
                out.add(p);
            }
        }
        return out;
    }

    private static Set<String> growingTables(Connection c) throws SQLException {
        Set<String> out = new java.util.HashSet<>();
        try (ResultSet rs = c.createStatement().executeQuery("SELECT name FROM sqlite_master WHERE type = 'table'")) {
            while (rs.next()) {
                out.add(rs.getString(1).toLowerCase(java.util.Locale.ROOT));
            }
        }
        out.removeAll(BOUNDED);
        return out;
    }

    private static List<String> problems(Connection c, Set<String> growingTables, String sql) throws SQLException {
        String head = sql.stripLeading().toUpperCase(java.util.Locale.ROOT);
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
                    String table = m.find() ? tables.get(m.group(1).toLowerCase(java.util.Locale.ROOT)) : null;
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

    /** Alias (or name) to table, for the tables of the core's schema a statement reads. */
    private static Map<String, String> sources(String sql) {
        Map<String, String> out = new java.util.HashMap<>();
        Matcher m = SOURCE.matcher(sql);
        while (m.find()) {
            String table = m.group(1).toLowerCase(java.util.Locale.ROOT);
            out.put(table, table);
            String alias = m.group(2);
            if (alias != null && !KEYWORDS.contains(alias.toUpperCase(java.util.Locale.ROOT))) {
                out.put(alias.toLowerCase(java.util.Locale.ROOT), table);
            }
        }
        return out;
    }

    private static final Set<String> KEYWORDS = Set.of("WHERE", "ON", "JOIN", "LEFT", "INNER", "CROSS", "ORDER", "GROUP",
            "LIMIT", "USING", "AND", "OR", "SET", "VALUES", "UNION", "HAVING", "NATURAL", "OUTER", "WINDOW");
}
