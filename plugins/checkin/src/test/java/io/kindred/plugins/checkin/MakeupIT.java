package io.kindred.plugins.checkin;

import com.fasterxml.jackson.databind.JsonNode;
import io.kindred.testkit.Http;
import io.kindred.testkit.MutableClock;
import io.kindred.testkit.TestPlatform;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import static io.kindred.plugins.checkin.Fixture.assertLedgerBalanced;
import static io.kindred.plugins.checkin.Fixture.checkInOk;
import static io.kindred.plugins.checkin.Fixture.makeUp;
import static io.kindred.plugins.checkin.Fixture.noonOf;
import static io.kindred.plugins.checkin.Fixture.points;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Make-up check-ins (补签): a missed day of this month, limited per month, possibly paid in points. */
class MakeupIT {

    private static final String UTC = "UTC";
    private static final LocalDate MARCH_10 = LocalDate.of(2026, 3, 10);

    private static Map<String, Object> rules(String streakMilestones, int makeupsPerMonth, int makeupCost) {
        Map<String, Object> rules = new HashMap<>(Fixture.PLAIN_RULES);
        rules.put("streakMilestones", streakMilestones);
        rules.put("makeupsPerMonth", makeupsPerMonth);
        rules.put("makeupCost", makeupCost);
        return rules;
    }

    private static long reasons(Http member, String reason) {
        long n = 0;
        for (JsonNode e : member.get("/api/v1/me/ledger?limit=100").json().path("items")) {
            n += e.path("reason").asText().equals(reason) ? 1 : 0;
        }
        return n;
    }

    @Test
    void makeUpFillsAMissedDayRecomputesTheStreakAndCostsItsPoints() {
        MutableClock clock = Fixture.clockAt(MARCH_10, UTC);
        try (TestPlatform p = Fixture.start(clock, UTC)) {
            Fixture.rules(p, rules("3:5", 2, 4));
            Http alice = p.member("alice@kindred.test", "Alice");
            checkInOk(alice);
            noonOf(clock, MARCH_10.plusDays(2), UTC);
            assertEquals(1, checkInOk(alice), "the 11th was missed");

            Http.Response r = makeUp(alice, MARCH_10.plusDays(1));
            assertEquals(201, r.status(), r.body());
            JsonNode checkin = r.json().path("checkin");
            assertEquals("2026-03-11", checkin.path("day").asText());
            assertEquals(2, checkin.path("streak").asInt());
            assertTrue(checkin.path("makeup").asBoolean());
            assertEquals(15, checkin.path("awarded").path("points").asLong(), "base 10 + the day-3 milestone now reached on the 12th");
            assertEquals(4, checkin.path("cost").path("points").asLong());

            JsonNode me = alice.get("/api/v1/checkins/me").json();
            assertEquals(3, me.path("streak").asInt());
            assertEquals(3, me.path("month").size());
            assertEquals(1, me.path("makeupsLeft").asInt());
            assertEquals(10 + 10 + 15 - 4, points(alice));
            assertEquals(1, reasons(alice, "checkin.makeup"));
            assertLedgerBalanced(p);
        }
    }

    @Test
    void todaysRewardIsWhatTodaysCheckinPaidNotAMilestoneAMakeUpReachedOnIt() {
        MutableClock clock = Fixture.clockAt(MARCH_10, UTC);
        try (TestPlatform p = Fixture.start(clock, UTC)) {
            Fixture.rules(p, rules("3:5", 2, 0));
            Http alice = p.member("today@kindred.test", "Today");
            checkInOk(alice);
            noonOf(clock, MARCH_10.plusDays(2), UTC);
            checkInOk(alice);
            assertEquals(10, alice.get("/api/v1/checkins/me").json().at("/todayReward/points").asLong());

            assertEquals(201, makeUp(alice, MARCH_10.plusDays(1)).status());

            JsonNode me = alice.get("/api/v1/checkins/me").json();
            assertEquals(3, me.path("streak").asInt());
            assertEquals(10, me.at("/todayReward/points").asLong(),
                    "today's check-in paid 10; the day-3 bonus was paid by the make-up");
        }
    }

    @Test
    void makeUpsAreLimitedPerMonthAndTheLimitStartsAgainNextMonth() {
        MutableClock clock = Fixture.clockAt(LocalDate.of(2026, 3, 20), UTC);
        try (TestPlatform p = Fixture.start(clock, UTC)) {
            Fixture.rules(p, rules("", 2, 0));
            Http alice = p.member("alice@kindred.test", "Alice");
            noonOf(clock, LocalDate.of(2026, 3, 31), UTC);
            assertEquals(201, makeUp(alice, LocalDate.of(2026, 3, 20)).status(), "the day she joined counts");
            assertEquals(201, makeUp(alice, LocalDate.of(2026, 3, 21)).status());
            Http.Response third = makeUp(alice, LocalDate.of(2026, 3, 22));
            assertEquals(409, third.status(), third.body());
            assertEquals("makeup_limit", third.errorCode());
            assertEquals(0, alice.get("/api/v1/checkins/me").json().path("makeupsLeft").asInt());

            noonOf(clock, LocalDate.of(2026, 4, 3), UTC);
            assertEquals(2, alice.get("/api/v1/checkins/me").json().path("makeupsLeft").asInt());
            assertEquals(201, makeUp(alice, LocalDate.of(2026, 4, 1)).status());
        }
    }

    @Test
    void makeUpWithoutEnoughPointsIs409InsufficientPointsAndRecordsNothing() {
        MutableClock clock = Fixture.clockAt(MARCH_10.withDayOfMonth(1), UTC);
        try (TestPlatform p = Fixture.start(clock, UTC)) {
            Fixture.rules(p, rules("", 2, 50));
            Http alice = p.member("alice@kindred.test", "Alice");
            noonOf(clock, MARCH_10, UTC);
            checkInOk(alice);

            Http.Response r = makeUp(alice, MARCH_10.minusDays(1));
            assertEquals(409, r.status(), r.body());
            assertEquals("insufficient_points", r.errorCode());
            JsonNode me = alice.get("/api/v1/checkins/me").json();
            assertEquals(1, me.path("month").size());
            assertEquals(2, me.path("makeupsLeft").asInt());
            assertEquals(10, points(alice));

            Fixture.give(p, alice, 40);
            assertEquals(201, makeUp(alice, MARCH_10.minusDays(1)).status());
            assertEquals(10 + 40 - 50 + 10, points(alice));
            assertLedgerBalanced(p);
        }
    }

    @Test
    void todayTheFutureAnotherMonthAndACheckedInDayAreNotAllowed() {
        MutableClock clock = Fixture.clockAt(LocalDate.of(2026, 4, 1), UTC);
        try (TestPlatform p = Fixture.start(clock, UTC)) {
            Fixture.rules(p, rules("", 5, 0));
            Http alice = p.member("alice@kindred.test", "Alice");
            noonOf(clock, LocalDate.of(2026, 4, 2), UTC);
            assertEquals(201, makeUp(alice, LocalDate.of(2026, 4, 1)).status());
            for (LocalDate day : new LocalDate[]{LocalDate.of(2026, 4, 2), LocalDate.of(2026, 4, 3),
                    LocalDate.of(2026, 3, 31), LocalDate.of(2025, 4, 1), LocalDate.of(2026, 4, 1)}) {
                Http.Response r = makeUp(alice, day);
                assertEquals(409, r.status(), day + ": " + r.body());
                assertEquals("not_allowed", r.errorCode(), day.toString());
            }
            assertEquals(4, alice.get("/api/v1/checkins/me").json().path("makeupsLeft").asInt());
        }
    }

    @Test
    void makeUpJoiningTwoRunsNeverPaysAStreakMilestoneTwice() {
        MutableClock clock = Fixture.clockAt(MARCH_10, UTC);
        try (TestPlatform p = Fixture.start(clock, UTC)) {
            Fixture.rules(p, rules("3:5,6:9", 2, 0));
            Http alice = p.member("alice@kindred.test", "Alice");
            checkInOk(alice);                                  // 10th
            noonOf(clock, MARCH_10.plusDays(1), UTC);
            checkInOk(alice);                                  // 11th; the 12th is missed
            for (int d = 3; d <= 5; d++) {                     // 13th, 14th, 15th: a new run reaching 3
                noonOf(clock, MARCH_10.plusDays(d), UTC);
                checkInOk(alice);
            }
            assertEquals(1, reasons(alice, "checkin.streak"));

            Http.Response r = makeUp(alice, MARCH_10.plusDays(2));
            assertEquals(201, r.status(), r.body());
            assertEquals(3, r.json().path("checkin").path("streak").asInt());
            assertEquals(10 + 9, r.json().path("checkin").path("awarded").path("points").asLong(),
                    "day 3 of the joined run was paid already; day 6 (the 15th) is new");
            assertEquals(6, alice.get("/api/v1/checkins/me").json().path("streak").asInt());

            Http.Response retry = makeUp(alice, MARCH_10.plusDays(2));
            assertEquals(409, retry.status());
            assertEquals("not_allowed", retry.errorCode());
            assertEquals(2, reasons(alice, "checkin.streak"), "one day-3 bonus and one day-6 bonus");
            assertEquals(6 * 10 + 5 + 9, points(alice));
            assertLedgerBalanced(p);
        }
    }

    @Test
    void makeUpRepeatedWithTheSameIdempotencyKeyAnswersTheFirstResultAndChargesOnce() {
        MutableClock clock = Fixture.clockAt(MARCH_10.withDayOfMonth(1), UTC);
        try (TestPlatform p = Fixture.start(clock, UTC)) {
            Fixture.rules(p, rules("", 2, 4));
            Http alice = p.member("alice@kindred.test", "Alice");
            noonOf(clock, MARCH_10, UTC);
            Fixture.give(p, alice, 20);
            Map<String, String> key = Map.of("Idempotency-Key", "makeup-9th");
            Map<String, String> body = Map.of("day", "2026-03-09");

            Http.Response first = alice.post("/api/v1/checkins/makeup", body, key);
            Http.Response repeat = alice.post("/api/v1/checkins/makeup", body, key);
            assertEquals(201, first.status(), first.body());
            assertEquals(201, repeat.status(), repeat.body());
            assertEquals(first.json(), repeat.json());
            assertEquals(4, repeat.json().path("checkin").path("cost").path("points").asLong());
            assertEquals(20 - 4 + 10, points(alice));
            assertEquals(1, alice.get("/api/v1/checkins/me").json().path("makeupsLeft").asInt());
        }
    }

    @Test
    void makeUpPublishesCheckinRecordedMarkedAsMakeup() {
        MutableClock clock = Fixture.clockAt(MARCH_10.withDayOfMonth(1), UTC);
        try (TestPlatform p = Fixture.start(clock, UTC)) {
            Fixture.rules(p, rules("", 2, 0));
            Http alice = p.member("alice@kindred.test", "Alice");
            noonOf(clock, MARCH_10, UTC);
            assertEquals(201, makeUp(alice, MARCH_10.minusDays(3)).status());
            String payload = p.kindred().database.read(h -> h.createQuery(
                    "SELECT payload FROM events WHERE type = 'checkin.recorded'").mapTo(String.class).one());
            assertTrue(payload.contains("\"day\":\"2026-03-07\""), payload);
            assertTrue(payload.contains("\"makeup\":true"), payload);
            assertFalse(alice.get("/api/v1/checkins/me").json().path("checkedInToday").asBoolean());
        }
    }
}
