package io.kindred.plugins.membership;

import com.fasterxml.jackson.databind.JsonNode;
import io.kindred.testkit.Http;
import io.kindred.testkit.TestPlatform;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the membership tests share: the plugin jar as the single jar loads it, purchases, refunds, reads. */
final class Fixture {

    static final Path JAR = Path.of(System.getProperty("kindred.plugin.jar"));

    private Fixture() {
    }

    static TestPlatform start() {
        return TestPlatform.builder().plugin(JAR).start();
    }

    static TestPlatform start(java.time.Clock clock) {
        return TestPlatform.builder().plugin(JAR).clock(clock).start();
    }

    static int events(TestPlatform p, String type, long userId) {
        return p.kindred().database.read(h -> h.createQuery(
                        "SELECT COUNT(*) FROM events WHERE type = :t AND user_id = :u")
                .bind("t", type).bind("u", userId).mapTo(Integer.class).one());
    }

    /** Runs one of the plugin's daily jobs now, as an operator can. @return how many it handled */
    static int runJob(TestPlatform p, String job) {
        Http.Response r = p.admin().post("/api/v1/admin/membership/jobs/" + job + "/run", Map.of());
        assertEquals(200, r.status(), r.body());
        return r.json().path("count").asInt();
    }

    /** Signs a member in again (after the test clock jumped past their session). */
    static Http signIn(TestPlatform p, String email) {
        Http h = p.http();
        Http.Response r = h.post("/api/v1/auth/login", Map.of("email", email, "password", "member-password-1"));
        assertEquals(200, r.status(), r.body());
        return h;
    }

    static long userId(Http member) {
        return member.get("/api/v1/me").json().path("user").path("id").asLong();
    }

    /** Records a purchase through the core endpoint (as the brand's shop does) and waits for the plugin. */
    static Http.Response purchase(TestPlatform p, Http member, String order, long amount, String sku) {
        Map<String, Object> body = new HashMap<>(Map.of("userId", userId(member), "externalOrderId", order,
                "amount", amount, "currency", "CNY"));
        if (sku != null) {
            body.put("sku", sku);
        }
        Http.Response r = p.admin().post("/api/v1/admin/purchases", body);
        assertTrue(r.status() == 201 || r.status() == 200, r.body());
        p.awaitEvents();
        return r;
    }

    static void refund(TestPlatform p, String order) {
        Http.Response r = p.admin().post("/api/v1/admin/purchases/" + order + "/refund", Map.of());
        assertEquals(200, r.status(), r.body());
        p.awaitEvents();
    }

    static long balance(Http member, String asset) {
        Http.Response r = member.get("/api/v1/me/balances");
        assertEquals(200, r.status(), r.body());
        return r.json().path("balances").path(asset).asLong();
    }

    static JsonNode me(Http member) {
        Http.Response r = member.get("/api/v1/membership/me");
        assertEquals(200, r.status(), r.body());
        return r.json();
    }

    static int tierChangedEvents(TestPlatform p, long userId) {
        return p.kindred().database.read(h -> h.createQuery(
                        "SELECT COUNT(*) FROM events WHERE type = 'tier.changed' AND user_id = :u")
                .bind("u", userId).mapTo(Integer.class).one());
    }

    static void assertLedgerBalanced(TestPlatform p) {
        assertTrue(p.kindred().invariants.check().isEmpty(), String.valueOf(p.kindred().invariants.check()));
    }
}
