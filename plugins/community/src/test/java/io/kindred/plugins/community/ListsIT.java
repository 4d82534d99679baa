package io.kindred.plugins.community;

import io.kindred.testkit.Http;
import io.kindred.testkit.MutableClock;
import io.kindred.testkit.TestPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Latest, hot (the documented score), featured, per category and tag, search and paging. */
class ListsIT {

    static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-11-02T04:00:00Z"));
    static TestPlatform platform;

    @BeforeAll
    static void boot() {
        platform = Fixture.relaxed(TestPlatform.builder().plugin(Fixture.JAR)).clock(CLOCK).start();
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    @Test
    void hotFollowsTheDocumentedScore() {
        Http w = platform.member("hot@lists.test", "Hot");
        long old = Fixture.postOk(w, "Old but loved", "hot-test", List.of("hottest"));
        like(old, 12);
        CLOCK.advance(Duration.ofHours(24));
        long fresh = Fixture.postOk(w, "Fresh and quiet", "hot-test", List.of("hottest"));
        CLOCK.advance(Duration.ofHours(1));
        long newest = Fixture.postOk(w, "Newest, one like", "hot-test", List.of("hottest"));
        like(newest, 1);
        // score = log10(max(1, likes + 2c + 3s)) + createdAt/45000 s: 12 likes a day earlier lose to freshness
        Map<Long, Double> scores = Map.of(old, score(12, 0), fresh, score(0, 24), newest, score(1, 25));
        List<Long> expected = scores.entrySet().stream().sorted(Map.Entry.<Long, Double>comparingByValue().reversed())
                .map(Map.Entry::getKey).toList();
        Http.Response hot = platform.http().get("/api/v1/community/posts?sort=hot&tag=hottest");
        List<Long> order = new java.util.ArrayList<>();
        hot.json().path("items").forEach(item -> order.add(item.path("id").asLong()));
        assertEquals(expected, order, hot.body());
        for (var item : hot.json().path("items")) {
            assertEquals(scores.get(item.path("id").asLong()), item.path("hotScore").asDouble(), 1e-6);
        }
    }

    @Test
    void featuredListsOperatorPicksAndThePinnedOnesReachTheHomePage() {
        Http w = platform.member("feat@lists.test", "Feat");
        long picked = Fixture.postOk(w, "Picked by the team", "Great content");
        long pinned = Fixture.postOk(w, "Pinned to home", "Even better");
        assertEquals(200, platform.admin().post("/api/v1/admin/community/posts/" + picked + "/feature", Map.of()).status());
        assertEquals(200, platform.admin().post("/api/v1/admin/community/posts/" + pinned + "/feature", Map.of("pinHome", true)).status());
        List<String> featured = platform.http().get("/api/v1/community/posts?sort=featured").json().path("items").findValuesAsText("title");
        assertEquals(List.of("Pinned to home", "Picked by the team"), featured);
        String home = platform.http().get("/").body();
        assertTrue(home.contains("Pinned to home"), home);
        assertFalse(home.contains("Picked by the team"), "only pinned posts are on the home page");
        long later = Fixture.postOk(w, "Pinned later", "Newer still");
        assertEquals(200, platform.admin().post("/api/v1/admin/community/posts/" + later + "/feature", Map.of("pinHome", true)).status());
        assertTrue(platform.http().get("/").body().contains("Pinned later"), "the visitor's home page, kept until something changes");
        assertEquals(403, w.post("/api/v1/admin/community/posts/" + picked + "/feature", Map.of()).status());
    }

    @Test
    void searchFindsAPostByAWordInItsBodyInEnglishAndChinese() {
        Http w = platform.member("search@lists.test", "Searcher");
        Fixture.postOk(w, "Winter routine", "My routine uses a hyaluronic serum every night.");
        Fixture.postOk(w, "冬季护肤", "这款精华液真的很好用，保湿效果明显。");
        Fixture.postOk(w, "Unrelated", "Nothing to see");
        assertEquals(List.of("Winter routine"), search("hyaluronic"));
        assertEquals(List.of("Winter routine"), search("HYALURONIC serum"));
        assertEquals(List.of("冬季护肤"), search("精华液"));
        assertEquals(List.of("冬季护肤"), search("保湿"));
        assertEquals(List.of(), search("\"unbalanced AND OR ("));
    }

    @Test
    void listsArePagedByCategoryAndTag() {
        Http w = platform.member("pages@lists.test", "Pager");
        for (int i = 0; i < 5; i++) {
            Fixture.postOk(w, "Paged " + i, "paging body", List.of("paging"));
        }
        Http.Response first = platform.http().get("/api/v1/community/posts?tag=paging&limit=3");
        assertEquals(List.of("Paged 4", "Paged 3", "Paged 2"), first.json().path("items").findValuesAsText("title"));
        String cursor = first.json().path("nextCursor").asText();
        Http.Response second = platform.http().get("/api/v1/community/posts?tag=paging&limit=3&cursor=" + cursor);
        assertEquals(List.of("Paged 1", "Paged 0"), second.json().path("items").findValuesAsText("title"));
        assertTrue(second.json().path("nextCursor").isNull());
        Http.Response hot = platform.http().get("/api/v1/community/posts?tag=paging&sort=hot&limit=3");
        Http.Response hot2 = platform.http().get("/api/v1/community/posts?tag=paging&sort=hot&limit=3&cursor="
                + hot.json().path("nextCursor").asText());
        assertEquals(5, hot.json().path("items").size() + hot2.json().path("items").size());
        assertEquals(0, platform.http().get("/api/v1/community/posts?category=share-to-earn&tag=paging").json().path("items").size());
        assertEquals(5, platform.http().get("/api/v1/community/posts?category=recommendations&tag=paging&limit=10")
                .json().path("items").size());
        assertEquals(404, platform.http().get("/api/v1/community/posts?category=nope").status());
        assertEquals(400, platform.http().get("/api/v1/community/posts?cursor=abc").status());
    }

    @Test
    void aSubCategoryListsInItsParent() {
        Http.Response sub = platform.admin().post("/api/v1/admin/community/categories", Map.of("slug", "skin-care",
                "name", "Skin care", "nameZh", "护肤", "parentId", 1, "icon", "🧴"));
        assertEquals(201, sub.status(), sub.body());
        long subId = sub.json().path("category").path("id").asLong();
        Http w = platform.member("sub@lists.test", "Sub");
        w.post("/api/v1/community/posts", Map.of("categoryId", subId, "title", "In the sub-category", "body", "x"));
        assertTrue(platform.http().get("/api/v1/community/posts?category=recommendations&limit=50").json().path("items")
                .findValuesAsText("title").contains("In the sub-category"));
        var tree = platform.http().get("/api/v1/community/categories").json().path("items").get(0);
        assertEquals("skin-care", tree.path("children").get(0).path("slug").asText());
        Http.Response third = platform.admin().post("/api/v1/admin/community/categories", Map.of("slug", "deeper",
                "name", "Deeper", "parentId", subId));
        assertEquals("category_depth", third.json().path("error").path("code").asText());
        assertEquals(409, platform.admin().delete("/api/v1/admin/community/categories/" + subId).status());
    }

    private static List<String> search(String q) {
        Http.Response r = platform.http().get("/api/v1/community/posts?q=" + java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(200, r.status(), r.body());
        return r.json().path("items").findValuesAsText("title");
    }

    private static double score(long likes, long hoursAfterStart) {
        long created = Instant.parse("2026-11-02T04:00:00Z").plus(Duration.ofHours(hoursAfterStart)).toEpochMilli();
        return Math.log10(Math.max(1, likes)) + (created / 1000.0) / 45000;
    }

    private static void like(long postId, int times) {
        for (int i = 0; i < times; i++) {
            Http m = platform.member("l" + postId + "-" + i + "@lists.test", "L" + i);
            assertEquals(200, m.post("/api/v1/community/posts/" + postId + "/like", Map.of()).status());
        }
    }
}
