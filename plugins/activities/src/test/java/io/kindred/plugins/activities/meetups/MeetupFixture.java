package io.kindred.plugins.activities.meetups;

import com.fasterxml.jackson.databind.JsonNode;
import io.kindred.testkit.Http;
import io.kindred.testkit.MutableClock;
import io.kindred.testkit.TestPlatform;

import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the meet-up tests share: the plugin jar, a clock on 10 March 2026, events, members with points, the ledger check. */
final class MeetupFixture {

    static final Path JAR = Path.of(System.getProperty("kindred.plugin.jar"));
    static final Path IT_PLUGINS = Path.of(System.getProperty("kindred.it.plugins"));
    static final Instant START = Instant.parse("2026-03-10T04:00:00Z");
    static final String STARTS_AT = "2026-03-20T10:00:00Z";
    static final String ENDS_AT = "2026-03-20T13:00:00Z";

    private MeetupFixture() {
    }

    static TestPlatform.Builder platform(MutableClock clock) {
        return TestPlatform.builder().plugin(JAR).clock(clock).setting("site.timezone", "UTC");
    }

    static Map<String, Object> event(String title, int capacity, long pricePoints) {
        Map<String, Object> e = new HashMap<>();
        e.put("title", title);
        e.put("description", "Tea tasting by the lake.");
        e.put("city", "Hangzhou");
        e.put("address", "1 West Lake Road");
        e.put("startsAt", STARTS_AT);
        e.put("endsAt", ENDS_AT);
        e.put("capacity", capacity);
        e.put("pricePoints", pricePoints);
        return e;
    }

    static long create(Http admin, Map<String, Object> event) {
        Http.Response r = admin.post("/api/v1/admin/activities/events", event);
        assertEquals(201, r.status(), r.body());
        return r.json().path("event").path("id").asLong();
    }

    static Http memberWithPoints(TestPlatform p, Http admin, String email, long points) {
        Http m = p.member(email, email.substring(0, email.indexOf('@')));
        if (points > 0) {
            Http.Response r = admin.post("/api/v1/admin/ledger/adjustments", Map.of("userId", userId(m), "asset", "points",
                    "amount", points, "reason", "adjustment"));
            assertEquals(201, r.status(), r.body());
        }
        return m;
    }

    static JsonNode join(Http member, long eventId) {
        Http.Response r = member.post("/api/v1/activities/events/" + eventId + "/join", Map.of());
        assertEquals(201, r.status(), r.body());
        return r.json().path("ticket");
    }

    static JsonNode ticket(Http member, long eventId) {
        return member.get("/api/v1/activities/events/" + eventId).json().path("ticket");
    }

    static long points(Http member) {
        return member.get("/api/v1/me/balances").json().path("balances").path("points").asLong();
    }

    static long userId(Http member) {
        return member.get("/api/v1/me").json().path("user").path("id").asLong();
    }

    static long runJob(Http admin, String job) {
        Http.Response r = admin.post("/api/v1/admin/jobs/activities/" + job + "/run", Map.of());
        assertEquals(200, r.status(), r.body());
        assertTrue(r.json().path("job").path("ok").asBoolean(), r.body());
        return r.json().path("job").path("count").asLong();
    }

    static int events(TestPlatform p, String type) {
        return p.kindred().database.read(h -> h.createQuery("SELECT COUNT(*) FROM events WHERE type = :t")
                .bind("t", type).mapTo(Integer.class).one());
    }

    /** @return how many ledger transfers of a reason were posted for an event */
    static int transfers(TestPlatform p, String reason, long eventId) {
        return p.kindred().database.read(h -> h.createQuery(
                        "SELECT COUNT(*) FROM ledger_transfers WHERE reason = :r AND reference = :ref")
                .bind("r", reason).bind("ref", "meetup:" + eventId).mapTo(Integer.class).one());
    }

    static void ledgerHolds(Http admin) {
        Http.Response check = admin.get("/api/v1/admin/ledger/check");
        assertTrue(check.json().path("ok").asBoolean(), check.body());
    }
}
