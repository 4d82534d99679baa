package io.kindred.plugins.activities.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import io.kindred.testkit.Http;
import io.kindred.testkit.MutableClock;
import io.kindred.testkit.TestPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A plugin-declared task, "check in 3 days in a row", read from the real check-in plugin's {@code checkin.recorded}
 * events: activities starts before check-ins (alphabetical order), yet sees the kind and hears its events.
 */
class CheckinStreakTaskIT {

    private static final MutableClock CLOCK = new MutableClock(TaskFixture.START);
    private static TestPlatform p;

    @BeforeAll
    static void start() {
        p = TaskFixture.withCheckins(CLOCK);
    }

    @AfterAll
    static void stop() {
        p.close();
    }

    private static void checkInOnDays(Http member, int days) {
        for (int i = 0; i < days; i++) {
            if (i > 0) {
                TaskFixture.nextDay(CLOCK);
            }
            Http.Response r = member.post("/api/v1/checkins", Map.of());
            assertEquals(201, r.status(), r.body());
        }
        p.awaitEvents();
    }

    @Test
    void theStreakKindIsOfferedInBothLanguages() {
        JsonNode kinds = p.admin().get("/api/v1/admin/tasks/kinds").json().path("items");
        assertTrue(kinds.toString().contains("\"checkin.streak\""), kinds.toString());
        Http zh = p.admin().header("Accept-Language", "zh-CN");
        assertTrue(zh.get("/api/v1/admin/tasks/kinds").body().contains("连续签到 {target} 天"));
    }

    @Test
    void threeCheckinsInARowCompleteTheTaskAndPayOnceEvenWhenTheEventsAreDeliveredAgain() {
        long task = TaskFixture.task(p, "checkin.streak", 3, 100, "once", Map.of());
        Http amy = p.member("amy@tasks.test", "Amy");
        long amyId = TaskFixture.userId(amy);

        checkInOnDays(amy, 2);
        JsonNode halfway = TaskFixture.mine(amy, task);
        assertEquals(2, halfway.path("progress").asLong(), halfway.toString());
        assertFalse(halfway.path("completed").asBoolean());

        TaskFixture.nextDay(CLOCK);
        checkInOnDays(amy, 1);
        JsonNode done = TaskFixture.mine(amy, task);
        assertTrue(done.path("completed").asBoolean(), done.toString());
        assertEquals(3, done.path("progress").asLong());
        assertEquals(30 + 100, TaskFixture.points(amy));

        Http.Response replay = p.admin().post(
                "/api/v1/admin/events/subscribers/activities:progress.checkin.recorded/replay", Map.of());
        assertEquals(200, replay.status(), replay.body());
        p.awaitEvents();
        TaskFixture.nextDay(CLOCK);
        checkInOnDays(amy, 1);

        assertEquals(40 + 100, TaskFixture.points(amy), "the fourth check-in pays its 10, the task nothing more");
        assertEquals(1, TaskFixture.completedEvents(p, amyId));
        TaskFixture.ledgerHolds(p);
    }

    @Test
    void aBrokenStreakStartsTheProgressOver() {
        long task = TaskFixture.task(p, "checkin.streak", 5, 50, "once", Map.of());
        Http bob = p.member("bob@tasks.test", "Bob");
        checkInOnDays(bob, 2);
        TaskFixture.nextDay(CLOCK);
        TaskFixture.nextDay(CLOCK);
        checkInOnDays(bob, 1);
        assertEquals(1, TaskFixture.mine(bob, task).path("progress").asLong());
    }

    @Test
    void withCheckinsDisabledTheTaskIsHiddenAndComesBackWhenEnabled() {
        long task = TaskFixture.task(p, "checkin.streak", 7, 70, "once", Map.of());
        Http cat = p.member("cat@tasks.test", "Cat");
        assertEquals(task, TaskFixture.mine(cat, task).path("id").asLong());

        assertEquals(200, p.admin().post("/api/v1/admin/plugins/checkin/disable", Map.of()).status());
        try {
            assertTrue(TaskFixture.mine(cat, task).isMissingNode(), "hidden from the list");
            assertEquals(404, cat.get("/api/v1/tasks/" + task).status());
            assertFalse(cat.get("/activities/tasks").body().contains("Check in 7 days in a row"));
            assertFalse(cat.get("/").body().contains("Check in 7 days in a row"), "hidden from the home widget");
            JsonNode admin = p.admin().get("/api/v1/admin/tasks/" + task).json().path("task");
            assertFalse(admin.path("available").asBoolean(), admin.toString());
            assertEquals(400, p.admin().post("/api/v1/admin/tasks", Map.of("kind", "checkin.streak", "reward", 1))
                    .status(), "no new task of a kind whose plugin is off");
            Http.Response paused = p.admin().put("/api/v1/admin/tasks/" + task, Map.of("reward", 80, "target", 7,
                    "status", "paused"));
            assertEquals(200, paused.status(), "a hidden task can still be changed: " + paused.body());
            assertEquals(200, p.admin().put("/api/v1/admin/tasks/" + task, Map.of("reward", 70, "target", 7)).status());
        } finally {
            assertEquals(200, p.admin().post("/api/v1/admin/plugins/checkin/enable", Map.of()).status());
        }
        assertEquals(task, TaskFixture.mine(cat, task).path("id").asLong());
        assertTrue(cat.get("/activities/tasks").body().contains("Check in 7 days in a row"));
        assertTrue(cat.get("/").body().contains("Check in 7 days in a row"));
    }

    @Test
    void afterARestartProgressIsStillReadFromCheckins() {
        long task = TaskFixture.task(p, "checkin.streak", 2, 20, "once", Map.of());
        p.restart();
        Http dan = p.member("dan@tasks.test", "Dan");
        Http.Response first = dan.post("/api/v1/checkins", Map.of());
        assertEquals(201, first.status(), first.body());
        // The subscription comes back with the job a little after the start; the outbox keeps the event meanwhile.
        Http.Response run = p.admin().post("/api/v1/admin/jobs/activities/task-subscriptions/run", Map.of());
        assertEquals(200, run.status(), run.body());
        p.awaitEvents();
        assertEquals(1, TaskFixture.mine(dan, task).path("progress").asLong());
    }
}
