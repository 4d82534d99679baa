package io.kindred.plugins.activities.tasks;

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

/** Without distribution (nor any plugin declaring kinds), share links still count and carry no invite code. */
class ShareWithoutDistributionIT {

    private static TestPlatform p;

    @BeforeAll
    static void start() {
        p = TaskFixture.alone(new MutableClock(TaskFixture.START));
    }

    @AfterAll
    static void stop() {
        p.close();
    }

    @Test
    void aShareLinkRedirectsWithoutRefAndCountsTheVisit() {
        long task = TaskFixture.task(p, "tasks.share", 1, 5, "daily", Map.of("url", "/activities/tasks"));
        Http amy = p.member("amy@alone.test", "Amy");
        String link = amy.post("/api/v1/tasks/" + task + "/share", Map.of()).json().path("share").path("path").asText();
        Http.Response visit = new Http(p.baseUrl()).header("User-Agent", TaskFixture.BROWSER).get(link);
        assertEquals(303, visit.status());
        assertEquals("/activities/tasks", visit.headers().get("location"));
        assertTrue(TaskFixture.mine(amy, task).path("completed").asBoolean());
        assertEquals(5, TaskFixture.points(amy));
    }

    @Test
    void onlyTheBuiltInKindsAreOffered() {
        String kinds = p.admin().get("/api/v1/admin/tasks/kinds").body();
        assertTrue(kinds.contains("tasks.follow"), kinds);
        assertFalse(kinds.contains("checkin.streak"), kinds);
        assertEquals("unknown_task_kind", p.admin().post("/api/v1/admin/tasks",
                Map.of("kind", "community.posts", "reward", 5)).errorCode());
    }
}
