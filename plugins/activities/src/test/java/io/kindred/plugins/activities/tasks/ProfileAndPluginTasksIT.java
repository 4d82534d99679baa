package io.kindred.plugins.activities.tasks;

import io.kindred.testkit.Http;
import io.kindred.testkit.MutableClock;
import io.kindred.testkit.TestPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Profile and phone tasks checked against the profile; the community's "publish N posts [in a category]" and
 * distribution's "invite N friends" kinds, added to by their events, counted once even when delivered again.
 */
class ProfileAndPluginTasksIT {

    private static TestPlatform p;

    @BeforeAll
    static void start() {
        p = TestPlatform.builder().plugin(TaskFixture.JAR).clock(new MutableClock(TaskFixture.START))
                .setting("site.timezone", "UTC")
                .plugin(TaskFixture.IT_PLUGINS.resolve("kindred-plugin-community.jar"))
                .plugin(TaskFixture.IT_PLUGINS.resolve("kindred-plugin-distribution.jar"))
                .setting("community.newMemberPostsPerDay", "1000").setting("community.postsPerTenMinutes", "1000")
                .start();
    }

    @AfterAll
    static void stop() {
        p.close();
    }

    @Test
    void aProfileTaskIsClaimedOnceTheProfileHasANameAndABirthday() {
        long task = TaskFixture.task(p, "tasks.profile", 1, 20, "once", Map.of());
        Http amy = p.member("amy@profile.test", "Amy");
        assertEquals("task_not_done_yet", amy.post("/api/v1/tasks/" + task + "/claim", Map.of()).errorCode());
        assertEquals(200, amy.patch("/api/v1/me", Map.of("birthday", "1990-04-01")).status());
        Http.Response claimed = amy.post("/api/v1/tasks/" + task + "/claim", Map.of());
        assertEquals(200, claimed.status(), claimed.body());
        assertTrue(claimed.json().path("task").path("completed").asBoolean());
        amy.post("/api/v1/tasks/" + task + "/claim", Map.of());
        assertEquals(20, TaskFixture.points(amy));
    }

    @Test
    void aPhoneTaskNeedsABoundPhone() {
        long task = TaskFixture.task(p, "tasks.phone", 1, 10, "once", Map.of());
        Http bob = p.member("bob@profile.test", "Bob");
        assertEquals(409, bob.post("/api/v1/tasks/" + task + "/claim", Map.of()).status());
        Http.Response phone = bob.patch("/api/v1/me", Map.of("phone", "+8613800138000"));
        assertEquals(200, phone.status(), phone.body());
        assertEquals(200, bob.post("/api/v1/tasks/" + task + "/claim", Map.of()).status());
        assertEquals(10, TaskFixture.points(bob));
    }

    @Test
    void postsInTheTasksCategoryCountOnceEachEvenWhenTheEventsAreDeliveredAgain() {
        List<Long> open = new java.util.ArrayList<>();
        for (var c : p.admin().get("/api/v1/community/categories").json().path("items")) {
            if (c.path("postAccess").asText().equals("everyone")) {
                open.add(c.path("id").asLong());
            }
        }
        assertTrue(open.size() >= 2, open.toString());
        long category = open.get(0);
        long other = open.get(1);
        long task = TaskFixture.task(p, "community.posts", 2, 40, "once", Map.of("category", Long.toString(category)));
        Http cat = p.member("cat@profile.test", "Cat");
        assertEquals(201, post(cat, category, "First").status());
        assertEquals(201, post(cat, other, "Elsewhere").status());
        p.awaitEvents();
        assertEquals(1, TaskFixture.mine(cat, task).path("progress").asLong());

        assertEquals(200, p.admin().post(
                "/api/v1/admin/events/subscribers/activities:progress.post.published/replay", Map.of()).status());
        p.awaitEvents();
        assertEquals(1, TaskFixture.mine(cat, task).path("progress").asLong(), "a replayed event adds nothing");

        assertEquals(201, post(cat, category, "Second").status());
        p.awaitEvents();
        assertTrue(TaskFixture.mine(cat, task).path("completed").asBoolean());
        assertEquals(40, TaskFixture.points(cat));
        TaskFixture.ledgerHolds(p);
    }

    @Test
    void invitedFriendsCountForTheInviter() {
        long task = TaskFixture.task(p, "distribution.invites", 2, 60, "once", Map.of());
        Http dan = p.member("dan@profile.test", "Dan");
        String code = dan.get("/api/v1/me").json().path("user").path("referralCode").asText();
        for (String friend : List.of("f1", "f2")) {
            Http.Response r = p.http().post("/api/v1/auth/register", Map.of("email", friend + "@profile.test",
                    "password", "member-password-1", "displayName", friend, "referralCode", code));
            assertEquals(201, r.status(), r.body());
        }
        p.awaitEvents();
        assertTrue(TaskFixture.mine(dan, task).path("completed").asBoolean(), TaskFixture.mine(dan, task).toString());
        assertEquals(60, TaskFixture.points(dan));
        assertFalse(TaskFixture.mine(p.member("eve@profile.test", "Eve"), task).path("completed").asBoolean());
    }

    private static Http.Response post(Http member, long category, String title) {
        return member.post("/api/v1/community/posts", Map.of("categoryId", category, "title", title,
                "body", "A post for the task centre: " + title));
    }
}
