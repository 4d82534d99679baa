package io.kindred.plugins.creators.agencies;

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

/** What the agencies tests share: the creators jar (and the real distribution jar), members, commission, contracts. */
final class AgencyFixture {

    static final Path JAR = Path.of(System.getProperty("kindred.plugin.jar"));
    static final Path IT_PLUGINS = Path.of(System.getProperty("kindred.it.plugins"));
    static final Instant START = Instant.parse("2026-03-10T04:00:00Z");

    private AgencyFixture() {
    }

    static TestPlatform.Builder platform(MutableClock clock, boolean withDistribution) {
        // The roster part's CreatorService would refuse these uncertified members; the tests sign members as they are.
        TestPlatform.Builder b = TestPlatform.builder().plugin(JAR).clock(clock).setting("site.timezone", "UTC")
                .setting("creators.agencyContractsCertifiedOnly", "false");
        return withDistribution ? b.plugin(IT_PLUGINS.resolve("kindred-plugin-distribution.jar")) : b;
    }

    static Http member(TestPlatform p, String email, String name, String referralCode) {
        Http h = p.http();
        Map<String, Object> body = new HashMap<>(Map.of("email", email, "password", "member-password-1", "displayName", name));
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

    static String inviteCode(Http member) {
        return member.get("/api/v1/distribution/me").json().path("code").asText();
    }

    static long available(Http member) {
        return member.get("/api/v1/distribution/me").json().path("commission").path("available").asLong();
    }

    /** A distributor (the creator) and a fan bound to them. @return {creator, fan} */
    static Http[] creatorWithFan(TestPlatform p, Http admin, String tag) {
        Http creator = member(p, "creator-" + tag + "@kindred.test", "Creator " + tag, null);
        Http.Response g = admin.post("/api/v1/admin/distribution/distributors", Map.of("userId", userId(creator)));
        assertEquals(201, g.status(), g.body());
        Http fan = member(p, "fan-" + tag + "@kindred.test", "Fan " + tag, inviteCode(creator));
        p.awaitEvents();
        return new Http[]{creator, fan};
    }

    static void purchase(TestPlatform p, Http api, long userId, String order, long amount) {
        Http.Response r = api.post("/api/v1/admin/purchases", Map.of("userId", userId, "externalOrderId", order,
                "amount", amount, "currency", "CNY"));
        assertTrue(r.status() == 201 || r.status() == 200, r.body());
        p.awaitEvents();
    }

    static void refund(TestPlatform p, Http api, String order) {
        Http.Response r = api.post("/api/v1/admin/purchases/" + order + "/refund", Map.of());
        assertEquals(200, r.status(), r.body());
        p.awaitEvents();
    }

    static long release(TestPlatform p, MutableClock clock, Http admin) {
        clock.advance(Duration.ofDays(8));
        Http.Response r = admin.post("/api/v1/admin/jobs/distribution/release-commissions/run", Map.of());
        assertEquals(200, r.status(), r.body());
        p.awaitEvents();
        return r.json().path("job").path("count").asLong();
    }

    static long agency(Http admin, String name) {
        Http.Response r = admin.post("/api/v1/admin/creators/agencies", Map.of("name", name, "contactPerson", "Li Lei",
                "contactPhone", "+86 138 0000 0000", "contactEmail", "bd@" + name.toLowerCase().replace(' ', '-') + ".test"));
        assertEquals(201, r.status(), r.body());
        return r.json().path("agency").path("id").asLong();
    }

    static Http.Response sign(Http admin, long agencyId, long userId, String startsOn, String endsOn, Object percent) {
        return admin.post("/api/v1/admin/creators/agencies/" + agencyId + "/contracts", Map.of("userId", userId,
                "startsOn", startsOn, "endsOn", endsOn, "sharePercent", percent));
    }

    static long contract(Http admin, long agencyId, long userId, Object percent) {
        Http.Response r = sign(admin, agencyId, userId, "2026-01-01", "2027-12-31", percent);
        assertEquals(201, r.status(), r.body());
        return r.json().path("contract").path("id").asLong();
    }

    static long balance(Http admin, long agencyId) {
        Http.Response r = admin.get("/api/v1/admin/creators/agencies/" + agencyId);
        assertEquals(200, r.status(), r.body());
        return r.json().path("agency").path("shareBalance").asLong();
    }

    static List<JsonNode> shares(Http admin, long agencyId) {
        Http.Response r = admin.get("/api/v1/admin/creators/agencies/" + agencyId + "/shares?limit=200");
        assertEquals(200, r.status(), r.body());
        List<JsonNode> items = new ArrayList<>();
        r.json().path("items").forEach(items::add);
        return items;
    }

    static void assertLedgerBalanced(Http admin) {
        Http.Response r = admin.get("/api/v1/admin/ledger/check");
        assertEquals(200, r.status(), r.body());
        assertTrue(r.json().path("ok").asBoolean(), r.body());
    }

    /** @return the actions of the audit entries about exactly this target, newest first */
    static List<String> auditActions(Http admin, String target) {
        Http.Response r = admin.get("/api/v1/admin/audit?limit=200&target=" + URLEncoder.encode(target, StandardCharsets.UTF_8));
        assertEquals(200, r.status(), r.body());
        List<String> actions = new ArrayList<>();
        r.json().path("items").forEach(e -> {
            if (e.path("target").asText().equals(target)) {
                actions.add(e.path("action").asText());
            }
        });
        return actions;
    }
}
