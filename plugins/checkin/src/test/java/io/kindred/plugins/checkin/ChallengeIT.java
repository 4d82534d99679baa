package io.kindred.plugins.checkin;

import com.fasterxml.jackson.databind.JsonNode;
import io.kindred.testkit.Http;
import io.kindred.testkit.MutableClock;
import io.kindred.testkit.TestPlatform;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.kindred.plugins.checkin.Fixture.assertLedgerBalanced;
import static io.kindred.plugins.checkin.Fixture.checkIn;
import static io.kindred.plugins.checkin.Fixture.checkInOk;
import static io.kindred.plugins.checkin.Fixture.nextDay;
import static io.kindred.plugins.checkin.Fixture.points;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Check-in challenges (打卡活动): created by operators, joined by members, paid once on completion. */
class ChallengeIT {

    private static final String UTC = "UTC";
    private static final LocalDate MARCH_10 = LocalDate.of(2026, 3, 10);

    private static Map<String, Object> challenge(int daysRequired, boolean consecutive, boolean autoJoin) {
        Map<String, Object> c = new HashMap<>();
        c.put("title", "Check in " + daysRequired + " days this week");
        c.put("description", "一周打卡活动");
        c.put("startDay", "2026-03-10");
        c.put("endDay", "2026-03-16");
        c.put("daysRequired", daysRequired);
        c.put("consecutive", consecutive);
        c.put("rewardPoints", 100);
        c.put("badge", "Early bird");
        c.put("autoJoin", autoJoin);
        return c;
    }

    private static long create(TestPlatform p, Map<String, Object> challenge) {
        Http.Response r = p.admin().post("/api/v1/admin/checkins/challenges", challenge);
        assertEquals(201, r.status(), r.body());
        return r.json().path("challenge").path("id").asLong();
    }

    private static JsonNode view(Http member, long id) {
        Http.Response r = member.get("/api/v1/checkins/challenges/" + id);
        assertEquals(200, r.status(), r.body());
        return r.json().path("challenge");
    }

    private static long reasons(Http member, String reason) {
        long n = 0;
        for (JsonNode e : member.get("/api/v1/me/ledger?limit=100").json().path("items")) {
            n += e.path("reason").asText().equals(reason) ? 1 : 0;
        }
        return n;
    }

    /** Sends the same check-in five times at once. @return how many answered 201 with points awarded */
    private static List<Http.Response> burst(Http member, Map<String, String> headers) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(5);
        try {
            List<Future<Http.Response>> fs = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                fs.add(pool.submit(() -> member.post("/api/v1/checkins", Map.of(), headers)));
            }
            List<Http.Response> out = new ArrayList<>();
            for (Future<Http.Response> f : fs) {
                out.add(f.get());
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void challengeCompletedByTwoMembersPaysEachOnceEvenWhenTheCompletingCheckInIsRetried() throws Exception {
        MutableClock clock = Fixture.clockAt(MARCH_10, UTC);
        try (TestPlatform p = Fixture.start(clock, UTC)) {
            Fixture.rules(p, Fixture.PLAIN_RULES);
            long id = create(p, challenge(3, false, false));
            Http alice = p.member("alice@kindred.test", "Alice");
            Http bob = p.member("bob@kindred.test", "Bob");
            for (Http m : List.of(alice, bob)) {
                Http.Response joined = m.post("/api/v1/checkins/challenges/" + id + "/join", Map.of());
                assertEquals(200, joined.status(), joined.body());
                assertTrue(joined.json().path("challenge").path("joined").asBoolean());
                checkInOk(m);
            }
            nextDay(clock);
            alice.post("/api/v1/checkins", Map.of());
            bob.post("/api/v1/checkins", Map.of());
            nextDay(clock);

            List<Http.Response> aliceTries = burst(alice, Map.of("Idempotency-Key", "alice-day-3"));
            List<Http.Response> bobTries = burst(bob, Map.of());
            assertEquals(5, aliceTries.stream().filter(r -> r.status() == 201).count(), "a repeated key replays the first result");
            assertEquals(1, aliceTries.stream().map(r -> r.json().path("checkin")).distinct().count());
            assertEquals(110, aliceTries.get(0).json().path("checkin").path("awarded").path("points").asLong());
            assertEquals(1, bobTries.stream().filter(r -> r.status() == 201).count());
            assertEquals(4, bobTries.stream().filter(r -> "already_checked_in".equals(r.errorCode())).count());
            assertEquals(409, checkIn(alice).status(), "a retry without the key");

            for (Http m : List.of(alice, bob)) {
                assertEquals(30 + 100, points(m));
                assertEquals(1, reasons(m, "checkin.challenge"));
                JsonNode v = view(m, id);
                assertTrue(v.path("completed").asBoolean(), v.toString());
                assertEquals(3, v.path("progress").asInt());
                assertEquals("2026-03-12", v.path("completedDay").asText());
            }
            JsonNode counts = p.admin().get("/api/v1/admin/checkins/challenges/" + id).json().path("challenge");
            assertEquals(2, counts.path("participants").asLong());
            assertEquals(2, counts.path("completed").asLong());
            assertLedgerBalanced(p);
        }
    }

    @Test
    void membersWhoDidNotJoinAreNotPaidAndJoiningLaterCompletesAtOnce() {
        MutableClock clock = Fixture.clockAt(MARCH_10, UTC);
        try (TestPlatform p = Fixture.start(clock, UTC)) {
            Fixture.rules(p, Fixture.PLAIN_RULES);
            long id = create(p, challenge(2, false, false));
            Http alice = p.member("alice@kindred.test", "Alice");
            checkInOk(alice);
            nextDay(clock);
            checkInOk(alice);
            JsonNode before = view(alice, id);
            assertFalse(before.path("joined").asBoolean());
            assertFalse(before.path("completed").asBoolean());
            assertEquals(2, before.path("progress").asInt());
            assertEquals(20, points(alice));

            JsonNode joined = alice.post("/api/v1/checkins/challenges/" + id + "/join", Map.of()).json().path("challenge");
            assertTrue(joined.path("completed").asBoolean(), joined.toString());
            assertEquals(120, points(alice));
            alice.post("/api/v1/checkins/challenges/" + id + "/join", Map.of());
            assertEquals(120, points(alice), "joining twice pays nothing more");
        }
    }

    @Test
    void autoJoinChallengeCountsEveryMemberWithoutJoining() {
        MutableClock clock = Fixture.clockAt(MARCH_10, UTC);
        try (TestPlatform p = Fixture.start(clock, UTC)) {
            Fixture.rules(p, Fixture.PLAIN_RULES);
            long id = create(p, challenge(1, false, true));
            Http alice = p.member("alice@kindred.test", "Alice");
            assertTrue(view(alice, id).path("joined").asBoolean());
            Http.Response r = checkIn(alice);
            assertEquals(110, r.json().path("checkin").path("awarded").path("points").asLong(), r.body());
            assertTrue(view(alice, id).path("completed").asBoolean());
        }
    }

    @Test
    void consecutiveChallengeNeedsDaysInARow() {
        MutableClock clock = Fixture.clockAt(MARCH_10, UTC);
        try (TestPlatform p = Fixture.start(clock, UTC)) {
            Fixture.rules(p, Fixture.PLAIN_RULES);
            long id = create(p, challenge(2, true, true));
            Http alice = p.member("alice@kindred.test", "Alice");
            checkInOk(alice);
            nextDay(clock);
            nextDay(clock);
            checkInOk(alice);
            JsonNode v = view(alice, id);
            assertFalse(v.path("completed").asBoolean());
            assertEquals(1, v.path("progress").asInt());
            nextDay(clock);
            checkInOk(alice);
            assertTrue(view(alice, id).path("completed").asBoolean());
            assertEquals(130, points(alice));
        }
    }

    @Test
    void anEndedChallengeCannotBeJoinedNorCompleted() {
        MutableClock clock = Fixture.clockAt(LocalDate.of(2026, 3, 17), UTC);
        try (TestPlatform p = Fixture.start(clock, UTC)) {
            long id = create(p, challenge(1, false, false));
            Http alice = p.member("alice@kindred.test", "Alice");
            Http.Response r = alice.post("/api/v1/checkins/challenges/" + id + "/join", Map.of());
            assertEquals(409, r.status(), r.body());
            assertEquals("challenge_ended", r.errorCode());
            assertEquals("ended", view(alice, id).path("status").asText());
        }
    }

    @Test
    void operatorsCreateEditListAndDeleteChallengesWithValidation() {
        try (TestPlatform p = Fixture.start(Fixture.clockAt(MARCH_10, UTC), UTC)) {
            Http admin = p.admin();
            Http alice = p.member("alice@kindred.test", "Alice");
            assertEquals(403, alice.post("/api/v1/admin/checkins/challenges", challenge(3, false, false)).status());

            Map<String, Object> noTitle = challenge(3, false, false);
            noTitle.remove("title");
            assertEquals("missing_field", admin.post("/api/v1/admin/checkins/challenges", noTitle).errorCode());
            for (Map.Entry<String, Object> bad : List.of(Map.entry("startDay", (Object) "10/03/2026"),
                    Map.entry("endDay", (Object) "2026-03-01"), Map.entry("daysRequired", (Object) 8),
                    Map.entry("daysRequired", (Object) "three"), Map.entry("rewardPoints", (Object) (-5)),
                    Map.entry("consecutive", (Object) "maybe"), Map.entry("title", (Object) 42))) {
                Map<String, Object> c = challenge(3, false, false);
                c.put(bad.getKey(), bad.getValue());
                Http.Response r = admin.post("/api/v1/admin/checkins/challenges", c);
                assertEquals(400, r.status(), bad + " → " + r.body());
                assertEquals("invalid_field", r.errorCode(), bad.toString());
            }
            assertEquals(400, admin.raw("POST", "/api/v1/admin/checkins/challenges", "application/json", "{").status());

            long first = create(p, challenge(3, false, false));
            long second = create(p, challenge(5, true, false));
            Http.Response page = admin.get("/api/v1/admin/checkins/challenges?limit=1");
            assertEquals(second, page.json().path("items").get(0).path("id").asLong());
            String cursor = page.json().path("nextCursor").asText();
            JsonNode rest = admin.get("/api/v1/admin/checkins/challenges?limit=1&cursor=" + cursor).json();
            assertEquals(first, rest.path("items").get(0).path("id").asLong());

            Http.Response edited = admin.patch("/api/v1/admin/checkins/challenges/" + first, Map.of("rewardPoints", 70,
                    "badge", ""));
            assertEquals(200, edited.status(), edited.body());
            assertEquals(70, edited.json().path("challenge").path("rewardPoints").asLong());
            assertNull(edited.json().path("challenge").path("badge").textValue());
            assertEquals(3, edited.json().path("challenge").path("daysRequired").asInt(), "fields not sent are kept");

            assertEquals(204, admin.delete("/api/v1/admin/checkins/challenges/" + first).status());
            assertEquals(404, admin.get("/api/v1/admin/checkins/challenges/" + first).status());
            assertEquals(404, alice.get("/api/v1/checkins/challenges/" + first).status());
            assertEquals(404, admin.delete("/api/v1/admin/checkins/challenges/" + first).status());
            JsonNode list = alice.get("/api/v1/checkins/challenges").json();
            assertEquals(1, list.path("items").size());
            assertTrue(list.path("nextCursor").isNull());
        }
    }
}
