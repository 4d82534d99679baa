package io.kindred.plugins.checkin;

import com.fasterxml.jackson.databind.JsonNode;
import io.kindred.testkit.Http;
import io.kindred.testkit.MutableClock;
import io.kindred.testkit.TestPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The check-in reminders, run now as an operator can: a challenge a member joined starts tomorrow (once per member
 * and challenge), and a streak that breaks tonight (only for members who turned that reminder on).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RemindersIT {

    private static final String ZONE = "Asia/Shanghai";
    private static final LocalDate MARCH_9 = LocalDate.of(2026, 3, 9);

    private static MutableClock clock;
    private static TestPlatform p;

    @BeforeAll
    static void start() {
        clock = Fixture.clockAt(MARCH_9, ZONE);
        p = Fixture.start(clock, ZONE);
    }

    @AfterAll
    static void stop() {
        p.close();
    }

    private static long run(String job) {
        Http.Response r = p.admin().post("/api/v1/admin/jobs/checkin/" + job + "/run", Map.of());
        assertEquals(200, r.status(), r.body());
        assertTrue(r.json().path("job").path("ok").asBoolean(), r.body());
        return r.json().path("job").path("count").asLong();
    }

    private static JsonNode notifications(Http member) {
        return member.get("/api/v1/me/notifications").json().path("items");
    }

    @Test
    @Order(1)
    void membersWhoJoinedAChallengeStartingTomorrowAreRemindedOnce() {
        Map<String, Object> c = new HashMap<>(Map.of("title", "March week", "description", "一周打卡", "startDay", "2026-03-10",
                "endDay", "2026-03-16", "daysRequired", 5, "consecutive", false, "rewardPoints", 50, "autoJoin", false));
        Http.Response created = p.admin().post("/api/v1/admin/checkins/challenges", c);
        assertEquals(201, created.status(), created.body());
        long id = created.json().path("challenge").path("id").asLong();
        Http joined = p.member("joined@checkin.test", "Joined");
        Http other = p.member("other@checkin.test", "Other");
        assertEquals(200, joined.post("/api/v1/checkins/challenges/" + id + "/join", Map.of()).status());

        assertEquals(1, run("remind-challenges"));
        assertEquals(0, run("remind-challenges"), "run again, nobody is reminded twice");
        JsonNode mine = notifications(joined);
        assertEquals(1, mine.size(), mine.toString());
        assertEquals("March week starts tomorrow", mine.path(0).path("title").asText(), mine.toString());
        assertEquals("/checkin/challenges/" + id, mine.path(0).path("link").asText());
        assertEquals(0, notifications(other).size(), "a member who did not join");
        Http zh = joined.header("Accept-Language", "zh-CN");
        assertEquals("March week明天开始", notifications(zh).path(0).path("title").asText());
    }

    @Test
    @Order(2)
    void aStreakAboutToBreakRemindsOnlyMembersWhoTurnedTheReminderOn() {
        Http keen = p.member("keen@checkin.test", "Keen");
        Http quiet = p.member("quiet@checkin.test", "Quiet");
        Http.Response optIn = keen.submitForm("/account", "/account/notifications", "channel", "checkin-streak_at_risk/in_site");
        assertTrue(optIn.status() < 400, optIn.body());
        for (int day = 0; day < 2; day++) {
            Fixture.checkInOk(keen);
            Fixture.checkInOk(quiet);
            Fixture.nextDay(clock);
        }
        // The third day: neither has checked in yet.
        assertEquals(1, run("remind-streaks"));
        assertEquals(0, run("remind-streaks"));
        JsonNode reminders = notifications(keen);
        assertEquals("Your 2-day streak ends tonight", reminders.path(0).path("title").asText(), reminders.toString());
        assertTrue(notifications(quiet).findValuesAsText("title").stream().noneMatch(t -> t.contains("streak")),
                "the reminder is opt-in");

        Fixture.checkInOk(keen);
        Fixture.nextDay(clock);
        Fixture.nextDay(clock);
        assertEquals(0, run("remind-streaks"), "a streak that already broke is not reminded");
    }
}
