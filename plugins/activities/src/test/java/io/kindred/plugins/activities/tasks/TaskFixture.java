package io.kindred.plugins.activities.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import io.kindred.testkit.Http;
import io.kindred.testkit.MutableClock;
import io.kindred.testkit.TestPlatform;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the task centre's tests share: the activities jar with the real check-in plugin next to it, tasks, points. */
final class TaskFixture {

    static final Path JAR = Path.of(System.getProperty("kindred.plugin.jar"));
    static final Path IT_PLUGINS = Path.of(System.getProperty("kindred.it.plugins"));
    static final Instant START = Instant.parse("2026-03-10T04:00:00Z");
    static final String BROWSER = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148";

    private TaskFixture() {
    }

    /** Activities and check-ins, on a clock the test moves; check-ins pay 10 points and nothing else. */
    static TestPlatform withCheckins(MutableClock clock) {
        TestPlatform p = TestPlatform.builder().plugin(JAR).clock(clock).setting("site.timezone", "UTC")
                .plugin(IT_PLUGINS.resolve("kindred-plugin-checkin.jar")).start();
        Http.Response r = p.admin().put("/api/v1/admin/checkins/rules", Map.of("pointsPerCheckin", 10,
                "streakMilestones", "", "monthlyMilestones", "", "cycle", "never", "makeupsPerMonth", 2, "makeupCost", 0));
        assertEquals(200, r.status(), r.body());
        return p;
    }

    /** Activities alone. */
    static TestPlatform alone(MutableClock clock) {
        return TestPlatform.builder().plugin(JAR).clock(clock).setting("site.timezone", "UTC").start();
    }

    /** Makes a task and expects a 201. @return its id */
    static long task(TestPlatform p, String kind, long target, long reward, String period, Map<String, String> params) {
        Map<String, Object> body = new HashMap<>();
        body.put("kind", kind);
        body.put("target", target);
        body.put("reward", reward);
        body.put("period", period);
        body.put("params", params);
        Http.Response r = p.admin().post("/api/v1/admin/tasks", body);
        assertEquals(201, r.status(), r.body());
        return r.json().path("task").path("id").asLong();
    }

    /** @return the member's view of the task in {@code GET /api/v1/tasks}, or a missing node when hidden */
    static JsonNode mine(Http member, long taskId) {
        Http.Response r = member.get("/api/v1/tasks");
        assertEquals(200, r.status(), r.body());
        for (JsonNode t : r.json().path("items")) {
            if (t.path("id").asLong() == taskId) {
                return t;
            }
        }
        return r.json().path("none");
    }

    static void nextDay(MutableClock clock) {
        clock.advance(Duration.ofDays(1));
    }

    static long points(Http member) {
        return member.get("/api/v1/me/balances").json().path("balances").path("points").asLong();
    }

    static long userId(Http member) {
        return member.get("/api/v1/me").json().path("user").path("id").asLong();
    }

    /** @return how many {@code task.completed} events were written for this member */
    static long completedEvents(TestPlatform p, long userId) {
        JsonNode events = p.admin().get("/api/v1/admin/events?type=task.completed&limit=200").json().path("items");
        long n = 0;
        for (JsonNode e : events) {
            if (e.path("type").asText().equals("task.completed") && e.path("userId").asLong() == userId) {
                n++;
            }
        }
        return n;
    }

    static void ledgerHolds(TestPlatform p) {
        Http.Response check = p.admin().get("/api/v1/admin/ledger/check");
        assertTrue(check.json().path("ok").asBoolean(), check.body());
    }
}
