package io.kindred.plugins.checkin;

import io.kindred.testkit.Http;
import io.kindred.testkit.MutableClock;
import io.kindred.testkit.TestPlatform;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.kindred.plugins.checkin.Fixture.assertLedgerBalanced;
import static io.kindred.plugins.checkin.Fixture.checkIn;
import static io.kindred.plugins.checkin.Fixture.nextDay;
import static io.kindred.plugins.checkin.Fixture.points;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Streaks, streak milestones, monthly milestones and the cycle after which the streak starts again. */
class StreakIT {

    private static final String UTC = "UTC";
    private static final LocalDate TUESDAY = LocalDate.of(2026, 3, 10);

    /** Checks in on each of {@code days} consecutive days. @return the awarded points of each day */
    private static List<Long> checkInDays(Http member, MutableClock clock, int days) {
        List<Long> awarded = new ArrayList<>();
        for (int i = 0; i < days; i++) {
            if (i > 0) {
                nextDay(clock);
            }
            Http.Response r = checkIn(member);
            assertEquals(201, r.status(), r.body());
            awarded.add(r.json().path("checkin").path("awarded").path("points").asLong());
        }
        return awarded;
    }

    private static Map<String, Object> rules(String streakMilestones, String monthlyMilestones, String cycle) {
        Map<String, Object> rules = new HashMap<>(Fixture.PLAIN_RULES);
        rules.put("streakMilestones", streakMilestones);
        rules.put("monthlyMilestones", monthlyMilestones);
        rules.put("cycle", cycle);
        return rules;
    }

    @Test
    void streakMilestonesPayOnTheDayTheStreakReachesThemAndOnlyOnce() {
        MutableClock clock = Fixture.clockAt(TUESDAY, UTC);
        try (TestPlatform p = Fixture.start(clock, UTC)) {
            Fixture.rules(p, rules("3:5,7:20", "", "never"));
            Http alice = p.member("alice@kindred.test", "Alice");

            List<Long> awarded = checkInDays(alice, clock, 9);
            assertEquals(List.of(10L, 10L, 15L, 10L, 10L, 10L, 30L, 10L, 10L), awarded);
            assertEquals(9, alice.get("/api/v1/checkins/me").json().path("streak").asInt());
            assertEquals(115, points(alice));
            assertLedgerBalanced(p);
        }
    }

    @Test
    void aMissedDayStartsTheStreakAgainAndItsMilestonesPayAgain() {
        MutableClock clock = Fixture.clockAt(TUESDAY, UTC);
        try (TestPlatform p = Fixture.start(clock, UTC)) {
            Fixture.rules(p, rules("3:5", "", "never"));
            Http alice = p.member("alice@kindred.test", "Alice");
            checkInDays(alice, clock, 3);
            nextDay(clock);
            nextDay(clock);

            Http.Response restarted = checkIn(alice);
            assertEquals(1, restarted.json().path("checkin").path("streak").asInt());
            nextDay(clock);
            checkIn(alice);
            nextDay(clock);
            Http.Response third = checkIn(alice);
            assertEquals(3, third.json().path("checkin").path("streak").asInt());
            assertEquals(15, third.json().path("checkin").path("awarded").path("points").asLong());
        }
    }

    @Test
    void weeklyCycleStartsTheStreakAgainOnMonday() {
        LocalDate friday = TUESDAY.plusDays(3);
        assertEquals(DayOfWeek.FRIDAY, friday.getDayOfWeek());
        MutableClock clock = Fixture.clockAt(friday, UTC);
        try (TestPlatform p = Fixture.start(clock, UTC)) {
            Fixture.rules(p, rules("3:5", "", "weekly"));
            Http alice = p.member("alice@kindred.test", "Alice");
            List<Long> awarded = checkInDays(alice, clock, 6);
            assertEquals(List.of(10L, 10L, 15L, 10L, 10L, 15L), awarded, "Fri Sat Sun(3) | Mon Tue Wed(3)");
            assertEquals(3, alice.get("/api/v1/checkins/me").json().path("streak").asInt());
        }
    }

    @Test
    void monthlyCycleStartsTheStreakAgainOnTheFirst() {
        MutableClock clock = Fixture.clockAt(LocalDate.of(2026, 3, 30), UTC);
        try (TestPlatform p = Fixture.start(clock, UTC)) {
            Fixture.rules(p, rules("", "", "monthly"));
            Http alice = p.member("alice@kindred.test", "Alice");
            assertEquals(1, Fixture.checkInOk(alice));
            nextDay(clock);
            assertEquals(2, Fixture.checkInOk(alice));
            nextDay(clock);
            assertEquals(1, Fixture.checkInOk(alice), "April 1st");
        }
    }

    @Test
    void afterLastMilestoneCycleStartsAgainAndPaysTheMilestonesAgain() {
        MutableClock clock = Fixture.clockAt(TUESDAY, UTC);
        try (TestPlatform p = Fixture.start(clock, UTC)) {
            Fixture.rules(p, rules("2:5,3:20", "", "after_last_milestone"));
            Http alice = p.member("alice@kindred.test", "Alice");
            List<Integer> streaks = new ArrayList<>();
            List<Long> awarded = new ArrayList<>();
            for (int day = 0; day < 7; day++) {
                if (day > 0) {
                    nextDay(clock);
                }
                Http.Response r = checkIn(alice);
                streaks.add(r.json().path("checkin").path("streak").asInt());
                awarded.add(r.json().path("checkin").path("awarded").path("points").asLong());
            }
            assertEquals(List.of(1, 2, 3, 1, 2, 3, 1), streaks);
            assertEquals(List.of(10L, 15L, 30L, 10L, 15L, 30L, 10L), awarded);
            assertLedgerBalanced(p);
        }
    }

    @Test
    void monthlyMilestonePaysTheNthCheckInOfEachMonth() {
        MutableClock clock = Fixture.clockAt(LocalDate.of(2026, 3, 29), UTC);
        try (TestPlatform p = Fixture.start(clock, UTC)) {
            Fixture.rules(p, rules("", "2:7", "never"));
            Http alice = p.member("alice@kindred.test", "Alice");
            List<Long> awarded = checkInDays(alice, clock, 5);
            assertEquals(List.of(10L, 17L, 10L, 10L, 17L), awarded, "Mar 29, 30(2nd), 31, Apr 1, 2(2nd)");
            Http.Response ledger = alice.get("/api/v1/me/ledger?limit=50");
            long monthly = 0;
            for (var e : ledger.json().path("items")) {
                monthly += e.path("reason").asText().equals("checkin.monthly") ? 1 : 0;
            }
            assertEquals(2, monthly, ledger.body());
        }
    }

    @Test
    void rulesAreReadAndValidatedByTheConsoleApi() {
        try (TestPlatform p = Fixture.start(Fixture.clockAt(TUESDAY, UTC), UTC)) {
            Http admin = p.admin();
            Http.Response rules = admin.get("/api/v1/admin/checkins/rules");
            assertEquals(200, rules.status(), rules.body());
            assertEquals(5, rules.json().path("rules").path("pointsPerCheckin").asInt());
            assertEquals("3:5,7:20", rules.json().path("rules").path("streakMilestones").asText());
            assertEquals("never", rules.json().path("rules").path("cycle").asText());

            for (Map<String, Object> bad : List.of(Map.<String, Object>of("pointsPerCheckin", -1),
                    Map.<String, Object>of("streakMilestones", "3-5"), Map.<String, Object>of("cycle", "daily"),
                    Map.<String, Object>of("makeupsPerMonth", "many"), Map.<String, Object>of("noSuchRule", 1),
                    Map.<String, Object>of("pointsPerCheckin", 20, "monthlyMilestones", "0:5"))) {
                Http.Response r = admin.put("/api/v1/admin/checkins/rules", bad);
                assertEquals(400, r.status(), bad + " → " + r.body());
                assertEquals("invalid_field", r.errorCode());
            }
            assertEquals(5, admin.get("/api/v1/admin/checkins/rules").json().path("rules").path("pointsPerCheckin").asInt(),
                    "a rejected request changes nothing");

            Http.Response saved = admin.patch("/api/v1/admin/checkins/rules", Map.of("pointsPerCheckin", 12,
                    "streakMilestones", "7:20, 3:5"));
            assertEquals(200, saved.status(), saved.body());
            assertEquals(12, saved.json().path("rules").path("pointsPerCheckin").asInt());
            assertEquals("3:5,7:20", saved.json().path("rules").path("streakMilestones").asText());
            Http alice = p.member("alice@kindred.test", "Alice");
            assertEquals(403, alice.get("/api/v1/admin/checkins/rules").status());
            assertEquals(12, checkIn(alice).json().path("checkin").path("awarded").path("points").asLong());
        }
    }
}
