package io.kindred.plugins.checkin;

import com.fasterxml.jackson.databind.JsonNode;
import io.kindred.testkit.Http;
import io.kindred.testkit.MutableClock;
import io.kindred.testkit.TestPlatform;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;

import static io.kindred.plugins.checkin.Fixture.assertLedgerBalanced;
import static io.kindred.plugins.checkin.Fixture.noonOf;
import static io.kindred.plugins.checkin.Fixture.points;
import static io.kindred.plugins.checkin.Fixture.userId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The check-ins' part of a member's export and of the erasure of their account (section {@code checkin}). */
class CheckinPersonalDataIT {

    private static final String UTC = "UTC";
    private static final LocalDate MARCH_9 = LocalDate.of(2026, 3, 9);

    @Test
    void exportShowsCheckinsChallengesAndRemindersAndErasureKeepsOnlyWhatCreditedPoints() {
        MutableClock clock = Fixture.clockAt(MARCH_9, UTC);
        try (TestPlatform p = Fixture.start(clock, UTC)) {
            Fixture.rules(p, Fixture.PLAIN_RULES);
            long challenge = challengeStartingOn(p, "2026-03-10");
            Http member = p.member("lin@kindred.test", "Lin");
            long id = userId(member);
            assertEquals(200, member.post("/api/v1/checkins/challenges/" + challenge + "/join", Map.of()).status());
            assertEquals(200, p.admin().post("/api/v1/admin/jobs/checkin/remind-challenges/run", Map.of()).status());
            assertEquals(201, member.post("/api/v1/checkins", Map.of(), Map.of("Idempotency-Key", "zq7x-checkin")).status());
            noonOf(clock, MARCH_9.plusDays(2), UTC);
            Fixture.checkInOk(member);
            Http.Response makeUp = member.post("/api/v1/checkins/makeup", Map.of("day", "2026-03-10"),
                    Map.of("Idempotency-Key", "zq7x-makeup"));
            assertEquals(201, makeUp.status(), makeUp.body());

            JsonNode before = section(p, id);
            assertEquals(3, before.path("checkins").size(), before.toString());
            assertEquals("makeup", before.path("checkins").get(1).path("kind").asText(), before.toString());
            assertEquals("2026-03-10", before.path("checkins").get(1).path("day").asText());
            assertEquals(10, before.path("checkins").get(0).path("pointsAwarded").asLong());
            assertTrue(before.path("checkins").get(0).path("checkedInAt").asText().startsWith("2026-03-09T"));
            assertEquals("March week", before.path("challenges").get(0).path("title").asText());
            assertEquals("challenge-starts", before.path("reminders").get(0).path("type").asText(), before.toString());
            assertEquals(3, before.path("rewards").size(), before.toString());
            long balance = points(member);

            erase(p, id);
            JsonNode after = section(p, id);
            assertEquals(before.path("checkins"), after.path("checkins"), "check-ins credited points: they stay as they were");
            assertEquals(before.path("rewards"), after.path("rewards"));
            assertEquals(0, after.path("challenges").size(), "a challenge joined and not completed is the member's own");
            assertEquals(0, after.path("reminders").size());
            assertEquals(balance, p.kindred().ledger.balance(id, "points"));
            assertLedgerBalanced(p);

            erase(p, id);
            assertEquals(after, section(p, id), "a second erasure changes nothing");
            assertFalse(databaseText(p).toLowerCase(Locale.ROOT).contains("zq7x"), "the member's request keys are gone");
        }
    }

    private static long challengeStartingOn(TestPlatform p, String day) {
        Http.Response r = p.admin().post("/api/v1/admin/checkins/challenges", Map.of("title", "March week",
                "description", "一周打卡", "startDay", day, "endDay", "2026-03-16", "daysRequired", 5,
                "consecutive", false, "rewardPoints", 50, "autoJoin", false));
        assertEquals(201, r.status(), r.body());
        return r.json().path("challenge").path("id").asLong();
    }

    private static JsonNode section(TestPlatform p, long userId) {
        return p.exportOf(userId).path("plugins").path("checkin");
    }

    private static void erase(TestPlatform p, long userId) {
        p.erase(userId);
    }

    /** @return the database file and its write-ahead log, after a checkpoint, as text (ASCII values show as they are) */
    private static String databaseText(TestPlatform p) {
        return p.databaseText();
    }
}
