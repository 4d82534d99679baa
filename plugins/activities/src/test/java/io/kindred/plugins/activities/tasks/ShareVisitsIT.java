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

/**
 * A daily share task: the member's link counts a visit once per visitor (cookie id or IP + user agent) and day, never
 * the sharer's own nor a bot's, up to the day's target; with distribution on, the link carries the invite code.
 */
class ShareVisitsIT {

    private static final MutableClock CLOCK = new MutableClock(TaskFixture.START);
    private static TestPlatform p;

    @BeforeAll
    static void start() {
        p = TestPlatform.builder().plugin(TaskFixture.JAR).clock(CLOCK).setting("site.timezone", "UTC")
                .plugin(TaskFixture.IT_PLUGINS.resolve("kindred-plugin-distribution.jar")).start();
    }

    @AfterAll
    static void stop() {
        p.close();
    }

    private static Http visitor(String userAgent) {
        return new Http(p.baseUrl()).header("User-Agent", userAgent);
    }

    private static String link(Http member, long task) {
        Http.Response r = member.post("/api/v1/tasks/" + task + "/share", Map.of());
        assertEquals(200, r.status(), r.body());
        String path = r.json().path("share").path("path").asText();
        assertTrue(r.json().path("share").path("link").asText().endsWith(path));
        return path;
    }

    private static long progress(Http member, long task) {
        return TaskFixture.mine(member, task).path("progress").asLong();
    }

    @Test
    void visitsCountOncePerVisitorAndDayNeverForTheSharerOrABotAndPayAtTheTarget() {
        long task = TaskFixture.task(p, "tasks.share", 3, 5, "daily", Map.of("url", "/shop/items/3"));
        Http amy = p.member("amy@shares.test", "Amy");
        String link = link(amy, task);

        Http.Response first = visitor(TaskFixture.BROWSER + " A").get(link);
        assertEquals(303, first.status(), first.body());
        String code = amy.get("/api/v1/me").json().path("user").path("referralCode").asText();
        assertTrue(first.headers().get("location").startsWith("/shop/items/3?ref="), first.headers().toString());
        assertTrue(code.isEmpty() || first.headers().get("location").endsWith("ref=" + code), first.headers().toString());
        assertEquals(1, progress(amy, task));

        Http a = visitor(TaskFixture.BROWSER + " B");
        a.get(link);
        a.get(link);
        visitor(TaskFixture.BROWSER + " B").get(link);
        assertEquals(2, progress(amy, task), "the same visitor again, with or without the cookie, counts once");

        amy.header("User-Agent", TaskFixture.BROWSER + " Amy").get(link);
        visitor("Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)").get(link);
        visitor("").get(link);
        assertEquals(2, progress(amy, task), "neither the sharer nor bots count");

        visitor(TaskFixture.BROWSER + " C").get(link);
        assertTrue(TaskFixture.mine(amy, task).path("completed").asBoolean());
        visitor(TaskFixture.BROWSER + " D").get(link);
        assertEquals(3, progress(amy, task));
        assertEquals(5, TaskFixture.points(amy));

        TaskFixture.nextDay(CLOCK);
        assertEquals(0, progress(amy, task), "a daily task starts again");
        visitor(TaskFixture.BROWSER + " A").get(link);
        assertEquals(1, progress(amy, task), "yesterday's visitor counts again today");
        TaskFixture.ledgerHolds(p);
    }

    @Test
    void twentyVisitorsAtOnceCompleteATargetOfThreeAndPayOnce() throws Exception {
        long task = TaskFixture.task(p, "tasks.share", 3, 7, "daily", Map.of("url", "/"));
        Http eve = p.member("eve@shares.test", "Eve");
        String link = link(eve, task);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(10);
        try {
            java.util.List<java.util.concurrent.Callable<Integer>> calls = new java.util.ArrayList<>();
            for (int i = 0; i < 20; i++) {
                String agent = TaskFixture.BROWSER + " crowd-" + i;
                calls.add(() -> visitor(agent).get(link).status());
            }
            for (java.util.concurrent.Future<Integer> f : pool.invokeAll(calls)) {
                assertEquals(303, f.get());
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(3, progress(eve, task));
        assertEquals(7, TaskFixture.points(eve));
        assertEquals(1, TaskFixture.completedEvents(p, TaskFixture.userId(eve)));
        TaskFixture.ledgerHolds(p);
    }

    @Test
    void theSharersOwnDeviceDoesNotCountSignedOut() {
        long task = TaskFixture.task(p, "tasks.share", 2, 5, "once", Map.of("url", "/"));
        Http bob = p.member("bob@shares.test", "Bob").header("User-Agent", TaskFixture.BROWSER + " Bob");
        String link = link(bob, task);
        visitor(TaskFixture.BROWSER + " Bob").get(link);
        assertEquals(0, progress(bob, task));
    }

    @Test
    void anUnknownLinkIs404AndTheMemberPageShowsTheLink() {
        assertEquals(404, visitor(TaskFixture.BROWSER).get("/activities/tasks/s/0123456789abcdef01234567").status());
        long task = TaskFixture.task(p, "tasks.share", 1, 5, "daily", Map.of("url", "/"));
        Http cat = p.member("cat@shares.test", "Cat");
        assertFalse(cat.get("/activities/tasks").body().contains("/activities/tasks/s/"));
        String link = link(cat, task);
        assertTrue(cat.get("/activities/tasks").body().contains(link));
    }
}
