package io.kindred.core;

import com.fasterxml.jackson.databind.JsonNode;
import io.kindred.testkit.Http;
import io.kindred.testkit.SqlWatch;
import io.kindred.testkit.TestPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every statement the core runs while a member opens Home, My points, their account and notifications, and while the
 * operator reads the API's lists, is planned by SQLite without reading a whole table that grows with members or
 * entries and without sorting one in a temporary B-tree: each has an index (issue 21). The statements are caught by
 * the testkit's {@link SqlWatch} and explained, parameters unbound, on a second connection.
 */
class QueryPlanTest {

    /**
     * Routes that read a whole table or period on purpose, not a page or a list: the ledger's full consistency check,
     * and the KPI report (aggregates over a period, measured by {@code dist/bench/kpi-bench.sh}).
     */
    private static final Set<String> WHOLE_READS = Set.of("/api/v1/admin/ledger/check", "/api/v1/admin/kpis");
    private static TestPlatform platform;
    private static SqlWatch sql;

    @BeforeAll
    static void start() {
        platform = TestPlatform.builder().sqlite().start(); // SQLite's own query plans (EXPLAIN QUERY PLAN)
        sql = SqlWatch.on(platform);
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
        sql.clear();
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
        List<String> found = sql.planProblems(Set.of());
        assertTrue(sql.seen().size() > 20, "caught only " + sql.seen().size() + " statements");
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
}
