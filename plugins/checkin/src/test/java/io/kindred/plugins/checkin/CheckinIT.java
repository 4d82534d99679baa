package io.kindred.plugins.checkin;

import com.fasterxml.jackson.databind.JsonNode;
import io.kindred.testkit.Http;
import io.kindred.testkit.MutableClock;
import io.kindred.testkit.TestPlatform;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.kindred.plugins.checkin.Fixture.assertLedgerBalanced;
import static io.kindred.plugins.checkin.Fixture.checkIn;
import static io.kindred.plugins.checkin.Fixture.checkInOk;
import static io.kindred.plugins.checkin.Fixture.points;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The daily check-in through the API, with the plugin loaded through PF4J from its jar. */
class CheckinIT {

    private static final String UTC = "UTC";
    private static final LocalDate DAY = LocalDate.of(2026, 3, 10);

    @Test
    void pluginIsStartedFromItsJarAndMigrated() {
        try (TestPlatform p = Fixture.start(Fixture.clockAt(DAY, UTC), UTC)) {
            JsonNode plugins = p.http().get("/healthz").json().path("plugins");
            boolean started = false;
            for (JsonNode n : plugins) {
                started |= n.path("id").asText().equals("checkin") && n.path("state").asText().equals("STARTED");
            }
            assertTrue(started, plugins.toString());
            List<String> tables = p.tables("checkin");
            assertEquals(List.of("checkin_challenge_members", "checkin_challenges", "checkin_reminders", "checkin_rewards", "checkins"), tables);
        }
    }

    @Test
    void checkInAnswers201WithDayStreakAndPointsAndCreditsTheLedger() {
        try (TestPlatform p = Fixture.start(Fixture.clockAt(DAY, UTC), UTC)) {
            Fixture.rules(p, Fixture.PLAIN_RULES);
            Http alice = p.member("alice@kindred.test", "Alice");

            Http.Response r = checkIn(alice);
            assertEquals(201, r.status(), r.body());
            JsonNode checkin = r.json().path("checkin");
            assertEquals("2026-03-10", checkin.path("day").asText());
            assertEquals(1, checkin.path("streak").asInt());
            assertEquals(10, checkin.path("awarded").path("points").asLong());

            assertEquals(10, points(alice));
            JsonNode entry = alice.get("/api/v1/me/ledger").json().path("items").get(0);
            assertEquals("checkin", entry.path("reason").asText());
            assertEquals(10, entry.path("amount").asLong());
            assertLedgerBalanced(p);
        }
    }

    @Test
    void secondCheckInTheSameDayIs409AlreadyCheckedInAndPaysNothing() {
        try (TestPlatform p = Fixture.start(Fixture.clockAt(DAY, UTC), UTC)) {
            Fixture.rules(p, Fixture.PLAIN_RULES);
            Http alice = p.member("alice@kindred.test", "Alice");
            checkInOk(alice);

            Http.Response again = checkIn(alice);
            assertEquals(409, again.status(), again.body());
            assertEquals("already_checked_in", again.errorCode());
            assertFalse(again.json().path("error").path("message").asText().isBlank());
            assertEquals(10, points(alice));
        }
    }

    @Test
    void twentyParallelCheckinsByOneMemberGiveOne201AndCreditPointsOnce() throws Exception {
        try (TestPlatform p = Fixture.start(Fixture.clockAt(DAY, UTC), UTC)) {
            Fixture.rules(p, Fixture.PLAIN_RULES);
            Http alice = p.member("alice@kindred.test", "Alice");
            int parallel = 20;
            CountDownLatch go = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(parallel);
            List<Future<Http.Response>> answers = new ArrayList<>();
            try {
                for (int i = 0; i < parallel; i++) {
                    answers.add(pool.submit(() -> {
                        go.await();
                        return checkIn(alice);
                    }));
                }
                go.countDown();
                int created = 0;
                int conflicts = 0;
                for (Future<Http.Response> f : answers) {
                    Http.Response r = f.get();
                    if (r.status() == 201) {
                        created++;
                    } else {
                        assertEquals(409, r.status(), r.body());
                        assertEquals("already_checked_in", r.errorCode());
                        conflicts++;
                    }
                }
                assertEquals(1, created);
                assertEquals(19, conflicts);
            } finally {
                pool.shutdownNow();
            }
            assertEquals(10, points(alice));
            assertEquals(1, alice.get("/api/v1/me/ledger").json().path("items").size());
            assertLedgerBalanced(p);
        }
    }

    @Test
    void checkInPublishesCheckinRecordedWithMemberDayAndStreak() {
        try (TestPlatform p = Fixture.start(Fixture.clockAt(DAY, UTC), UTC)) {
            Http alice = p.member("alice@kindred.test", "Alice");
            checkInOk(alice);
            long aliceId = Fixture.userId(alice);

            Map<String, Object> event = p.kindred().database.read(h -> h.createQuery(
                    "SELECT user_id, payload FROM events WHERE type = 'checkin.recorded'")
                    .map((rs, c) -> Map.<String, Object>of("userId", rs.getLong(1), "payload", rs.getString(2))).one());
            assertEquals(aliceId, event.get("userId"));
            String payload = (String) event.get("payload");
            assertTrue(payload.contains("\"day\":\"2026-03-10\""), payload);
            assertTrue(payload.contains("\"streak\":1"), payload);
            assertTrue(payload.contains("\"userId\":" + aliceId), payload);
            assertTrue(payload.contains("\"makeup\":false"), payload);
        }
    }

    @Test
    void repeatWithTheSameIdempotencyKeyAnswersTheFirstResult() {
        try (TestPlatform p = Fixture.start(Fixture.clockAt(DAY, UTC), UTC)) {
            Fixture.rules(p, Fixture.PLAIN_RULES);
            Http alice = p.member("alice@kindred.test", "Alice");
            Map<String, String> key = Map.of("Idempotency-Key", "tap-1");

            Http.Response first = alice.post("/api/v1/checkins", Map.of(), key);
            Http.Response repeat = alice.post("/api/v1/checkins", Map.of(), key);
            assertEquals(201, first.status(), first.body());
            assertEquals(201, repeat.status(), repeat.body());
            assertEquals(first.json().path("checkin"), repeat.json().path("checkin"));
            assertEquals(409, alice.post("/api/v1/checkins", Map.of(), Map.of("Idempotency-Key", "tap-2")).status());
            assertEquals(10, points(alice));
        }
    }

    @Test
    void meShowsTodayStreakMonthAndMakeupsLeft() {
        MutableClock clock = Fixture.clockAt(DAY, UTC);
        try (TestPlatform p = Fixture.start(clock, UTC)) {
            Fixture.rules(p, Fixture.PLAIN_RULES);
            Http alice = p.member("alice@kindred.test", "Alice");
            JsonNode before = alice.get("/api/v1/checkins/me").json();
            assertFalse(before.path("checkedInToday").asBoolean());
            assertEquals(0, before.path("streak").asInt());
            assertEquals(0, before.path("month").size());
            assertEquals(2, before.path("makeupsLeft").asInt());

            checkInOk(alice);
            Fixture.nextDay(clock);
            JsonNode nextMorning = alice.get("/api/v1/checkins/me").json();
            assertFalse(nextMorning.path("checkedInToday").asBoolean());
            assertEquals(1, nextMorning.path("streak").asInt(), "yesterday's streak is alive until today ends");
            checkInOk(alice);

            JsonNode after = alice.get("/api/v1/checkins/me").json();
            assertTrue(after.path("checkedInToday").asBoolean());
            assertEquals(2, after.path("streak").asInt());
            assertEquals("2026-03-10", after.path("month").get(0).asText());
            assertEquals("2026-03-11", after.path("month").get(1).asText());
        }
    }

    @Test
    void anonymousCallersGet401AndBadInputGets400NeverA500() {
        try (TestPlatform p = Fixture.start(Fixture.clockAt(DAY, UTC), UTC)) {
            assertEquals(401, p.http().post("/api/v1/checkins", Map.of()).status());
            assertEquals("unauthenticated", p.http().get("/api/v1/checkins/me").errorCode());
            Http alice = p.member("alice@kindred.test", "Alice");

            assertBadRequest(alice.raw("POST", "/api/v1/checkins/makeup", "application/json", "{not json"));
            assertBadRequest(alice.raw("POST", "/api/v1/checkins/makeup", "application/json", "[1,2]"));
            assertBadRequest(alice.post("/api/v1/checkins/makeup", Map.of()));
            assertBadRequest(alice.post("/api/v1/checkins/makeup", Map.of("day", "yesterday")));
            assertBadRequest(alice.post("/api/v1/checkins/makeup", Map.of("day", "2026-02-30")));
            assertBadRequest(alice.post("/api/v1/checkins/makeup", Map.of("day", 20260309)));
            assertBadRequest(alice.get("/api/v1/checkins/leaderboard?month=March"));
            assertBadRequest(alice.get("/api/v1/checkins/challenges?limit=0"));
            assertBadRequest(alice.get("/api/v1/checkins/challenges?cursor=abc"));
            assertEquals(404, alice.get("/api/v1/checkins/challenges/abc").status());
            assertEquals(404, alice.post("/api/v1/checkins/challenges/999/join", Map.of()).status());
        }
    }

    private static void assertBadRequest(Http.Response r) {
        assertEquals(400, r.status(), r.body());
        assertNotNull(r.errorCode(), r.body());
        assertFalse(r.json().path("error").path("message").asText().isBlank(), r.body());
    }
}
