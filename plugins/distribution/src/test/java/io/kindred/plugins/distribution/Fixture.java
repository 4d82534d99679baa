package io.kindred.plugins.distribution;

import com.fasterxml.jackson.databind.JsonNode;
import io.kindred.testkit.Http;
import io.kindred.testkit.MutableClock;
import io.kindred.testkit.TestPlatform;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the distribution tests share: the plugin jar as the single jar loads it, members, purchases, commission. */
final class Fixture {

    static final Path JAR = Path.of(System.getProperty("kindred.plugin.jar"));
    /** The real check-in and membership plugin jars, copied next to the build by the pom. */
    static final Path IT_PLUGINS = Path.of(System.getProperty("kindred.it.plugins"));
    static final Instant START = Instant.parse("2026-03-10T04:00:00Z");
    static final String PASSWORD = "member-password-1";

    private Fixture() {
    }

    static TestPlatform.Builder platform(MutableClock clock) {
        return TestPlatform.builder().plugin(JAR).clock(clock).setting("site.timezone", "UTC");
    }

    static Path checkinJar() {
        return IT_PLUGINS.resolve("kindred-plugin-checkin.jar");
    }

    static Path membershipJar() {
        return IT_PLUGINS.resolve("kindred-plugin-membership.jar");
    }

    static MutableClock clock() {
        return new MutableClock(START);
    }

    /** Registers a member with a friend's invite code (or none) and returns their signed-in client. */
    static Http member(TestPlatform p, String email, String name, String referralCode) {
        Http h = p.http();
        Map<String, Object> body = new HashMap<>(Map.of("email", email, "password", PASSWORD, "displayName", name));
        if (referralCode != null) {
            body.put("referralCode", referralCode);
        }
        Http.Response r = h.post("/api/v1/auth/register", body);
        assertEquals(201, r.status(), r.body());
        return h;
    }

    static long userId(Http member) {
        return member.get("/api/v1/me").json().path("user").path("id").asLong();
    }

    static JsonNode me(Http member) {
        Http.Response r = member.get("/api/v1/distribution/me");
        assertEquals(200, r.status(), r.body());
        return r.json();
    }

    static String code(Http member) {
        return me(member).path("code").asText();
    }

    static long frozen(Http member) {
        return me(member).path("commission").path("frozen").asLong();
    }

    static long available(Http member) {
        return me(member).path("commission").path("available").asLong();
    }

    /** Records a purchase through the core's purchases endpoint, as the brand's shop does, and waits for listeners. */
    static void purchase(TestPlatform p, Http api, long userId, String order, long amount) {
        purchase(p, api, userId, order, amount, null);
    }

    /** The same, of a product with a sku (e.g. a membership card). */
    static void purchase(TestPlatform p, Http api, long userId, String order, long amount, String sku) {
        Map<String, Object> body = new HashMap<>(Map.of("userId", userId, "externalOrderId", order, "amount", amount,
                "currency", "CNY"));
        if (sku != null) {
            body.put("sku", sku);
        }
        Http.Response r = api.post("/api/v1/admin/purchases", body);
        assertTrue(r.status() == 201 || r.status() == 200, r.body());
        p.awaitEvents();
    }

    static void refund(TestPlatform p, Http api, String order) {
        Http.Response r = api.post("/api/v1/admin/purchases/" + order + "/refund", Map.of());
        assertEquals(200, r.status(), r.body());
        p.awaitEvents();
    }

    static void grant(Http admin, long userId) {
        Http.Response r = admin.post("/api/v1/admin/distribution/distributors", Map.of("userId", userId));
        assertEquals(201, r.status(), r.body());
    }

    /** @return the audit log's entries about exactly this target (the list filters by prefix), newest first */
    static List<JsonNode> audit(Http admin, String target) {
        Http.Response r = admin.get("/api/v1/admin/audit?limit=200&target=" + URLEncoder.encode(target, StandardCharsets.UTF_8));
        assertEquals(200, r.status(), r.body());
        List<JsonNode> entries = new ArrayList<>();
        r.json().path("items").forEach(e -> {
            if (e.path("target").asText().equals(target)) {
                entries.add(e);
            }
        });
        return entries;
    }

    /** @return the actions of {@link #audit}, newest first, e.g. {@code [distribution.withdrawal_paid, ...]} */
    static List<String> auditActions(Http admin, String target) {
        return audit(admin, target).stream().map(e -> e.path("action").asText()).toList();
    }

    /** Asserts an entry names the signed-in operator as the core does: {@code <email> (#<id>)}. */
    static void assertActor(Http operator, JsonNode entry) {
        JsonNode user = operator.get("/api/v1/me").json().path("user");
        assertEquals(user.path("email").asText() + " (#" + user.path("id").asLong() + ")", entry.path("actor").asText(),
                entry.toString());
    }

    static long runJob(Http admin, String job) {
        Http.Response r = admin.post("/api/v1/admin/jobs/distribution/" + job + "/run", Map.of());
        assertEquals(200, r.status(), r.body());
        assertTrue(r.json().path("job").path("ok").asBoolean(), r.body());
        return r.json().path("job").path("count").asLong();
    }

    static void releaseAfterRefundWindow(TestPlatform p, MutableClock clock, Http admin) {
        clock.advance(Duration.ofDays(8));
        runJob(admin, "release-commissions");
        p.awaitEvents();
    }

    static void assertLedgerBalanced(TestPlatform p) {
        assertTrue(p.kindred().invariants.check().isEmpty(), String.valueOf(p.kindred().invariants.check()));
    }

    static void setting(Http admin, String name, String value) {
        Http.Response r = admin.patch("/api/v1/admin/plugins/distribution/settings", Map.of(name, value));
        assertEquals(200, r.status(), r.body());
    }
}
