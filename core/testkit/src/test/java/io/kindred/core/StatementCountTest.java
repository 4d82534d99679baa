package io.kindred.core;

import io.kindred.testkit.Http;
import io.kindred.testkit.SqlWatch;
import io.kindred.testkit.TestPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * No N+1 on the member's pages: the statements the core runs to answer one page stay under a documented budget
 * (docs/performance.md) and do not grow when the member has more history, notifications and sessions. Statements of
 * the platform's own threads ({@code kindred-*}: events, jobs, mail) are not the request's and are not counted.
 */
class StatementCountTest {

    /** The most statements the core may run for each page; the figures are in docs/performance.md. */
    static final Map<String, Integer> BUDGET = budget();
    private static TestPlatform platform;
    private static SqlWatch sql;

    private static Map<String, Integer> budget() {
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put("/", 8);
        m.put("/me", 8);
        m.put("/points", 8);
        m.put("/account", 8);
        m.put("/notifications", 6);
        m.put("/api/v1/me/ledger", 4);
        m.put("/api/v1/me/balances", 4);
        m.put("/api/v1/me/notifications", 4);
        return m;
    }

    @BeforeAll
    static void start() {
        platform = TestPlatform.builder().start();
        sql = SqlWatch.on(platform);
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    @Test
    void eachPageRunsAFewStatementsHoweverMuchTheMemberHas() {
        Http member = platform.member("counted@count.test", "Counted");
        long id = member.get("/api/v1/me").json().at("/user/id").asLong();
        // One entry first: the history reads each of the member's accounts (one per asset), not each entry.
        assertEquals(201, platform.admin().post("/api/v1/admin/ledger/adjustments", Map.of("userId", id, "asset",
                "points", "amount", 1, "reason", "count"), Map.of("Idempotency-Key", "count-first")).status());
        Map<String, Integer> small = counts(member);
        for (int i = 0; i < 25; i++) {
            assertEquals(201, platform.admin().post("/api/v1/admin/ledger/adjustments", Map.of("userId", id, "asset",
                    "points", "amount", 1 + i, "reason", "count"), Map.of("Idempotency-Key", "count-" + i)).status());
            platform.kindred().notifications.send(id, "core.announcement", Map.of("title", "News " + i, "body", "Body"),
                    "/", "count-" + i);
        }
        for (int i = 0; i < 4; i++) {
            platform.http().post("/api/v1/auth/login", Map.of("email", "counted@count.test", "password", "member-password-1"));
        }
        Map<String, Integer> large = counts(member);
        for (Map.Entry<String, Integer> page : BUDGET.entrySet()) {
            String path = page.getKey();
            assertTrue(large.get(path) <= page.getValue(), path + " ran " + large.get(path) + " statements, over its budget of "
                    + page.getValue() + " (" + large + ")");
            assertEquals(small.get(path), large.get(path), path + " runs more statements for a member with more history: "
                    + small + " then " + large);
        }
    }

    /** @return the statements each page ran, after the platform's own work settled */
    private static Map<String, Integer> counts(Http member) {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (String path : List.of(BUDGET.keySet().toArray(String[]::new))) {
            member.get(path); // warm: first visits fill caches (settings, templates)
            out.put(path, sql.count(() -> assertEquals(200, member.get(path).status(), path)));
        }
        return out;
    }
}
