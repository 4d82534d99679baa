package io.kindred.plugins.distribution;

import com.fasterxml.jackson.databind.JsonNode;
import io.kindred.testkit.Http;
import io.kindred.testkit.MutableClock;
import io.kindred.testkit.TestPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static io.kindred.plugins.distribution.Fixture.me;
import static io.kindred.plugins.distribution.Fixture.member;
import static io.kindred.plugins.distribution.Fixture.purchase;
import static io.kindred.plugins.distribution.Fixture.userId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The task unlock path alone, with the real check-ins plugin: 2 check-ins within 7 days and 300.00 spent. */
class UnlockByTasksIT {

    private static MutableClock clock;
    private static TestPlatform p;

    @BeforeAll
    static void start() {
        clock = Fixture.clock();
        p = Fixture.platform(clock).plugin(Fixture.checkinJar())
                .setting("distribution.unlockByTasks", "true").setting("distribution.unlockByOperator", "false")
                .setting("distribution.unlockByMembership", "false")
                .setting("distribution.taskCheckins", "2").setting("distribution.taskWindowDays", "7")
                .setting("distribution.taskSpent", "30000").start();
    }

    @AfterAll
    static void stop() {
        p.close();
    }

    private static void checkIn(Http member) {
        Http.Response r = member.post("/api/v1/checkins", Map.of());
        assertEquals(201, r.status(), r.body());
        p.awaitEvents();
    }

    @Test
    void twoCheckInsAndThreeHundredSpentMakeAMemberADistributor() {
        Http dave = member(p, "dave@kindred.test", "Dave", null);
        Http api = p.apiClient("shop");
        checkIn(dave);
        clock.advance(Duration.ofDays(1));
        checkIn(dave);
        JsonNode tasks = me(dave).path("tasks");
        assertEquals(2, tasks.path("checkins").path("done").asInt(), tasks.toString());
        assertFalse(me(dave).path("isDistributor").asBoolean(), "300.00 not spent yet");

        purchase(p, api, userId(dave), "TASK-1", 299_99);
        assertFalse(me(dave).path("isDistributor").asBoolean(), "one cent short");
        purchase(p, api, userId(dave), "TASK-2", 1);
        JsonNode now = me(dave);
        assertTrue(now.path("isDistributor").asBoolean(), now.toString());
        assertEquals("[\"tasks\"]", now.path("unlocks").toString());
    }

    @Test
    void checkInsOutsideTheWindowDoNotCount() {
        Http erin = member(p, "erin@kindred.test", "Erin", null);
        Http api = p.apiClient("shop2");
        checkIn(erin);
        clock.advance(Duration.ofDays(10));
        checkIn(erin);
        purchase(p, api, userId(erin), "TASK-E", 500_00);
        assertFalse(me(erin).path("isDistributor").asBoolean(), me(erin).toString());
        assertEquals(1, me(erin).path("tasks").path("checkins").path("done").asInt());
    }
}
