package io.kindred.plugins.community;

import io.kindred.testkit.Http;
import io.kindred.testkit.MutableClock;
import io.kindred.testkit.TestPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import static io.kindred.plugins.community.ContestFixture.contest;
import static io.kindred.plugins.community.ContestFixture.create;
import static io.kindred.plugins.community.ContestFixture.entry;
import static io.kindred.plugins.community.ContestFixture.points;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Badge prizes, granted through the points shop's BadgeService with the shop loaded from its jar next to community. */
class ContestBadgesIT {

    static final Path SHOP_JAR = Path.of(System.getProperty("kindred.shop.jar"));
    static MutableClock clock = ContestFixture.clock();
    static TestPlatform platform;
    static Http admin;

    @BeforeAll
    static void boot() {
        platform = Fixture.relaxed(TestPlatform.builder().plugin(Fixture.JAR).plugin(SHOP_JAR)).clock(clock)
                .setting("site.timezone", "UTC").start();
        admin = platform.admin();
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    private static long badgeItem(String name) {
        Http.Response r = admin.post("/api/v1/admin/shop/items", Map.of("kind", "badge", "name", name, "pricePoints", 1000));
        assertEquals(201, r.status(), r.body());
        return r.json().path("item").path("id").asLong();
    }

    private static Map<String, Object> withBadgePrize(String tag, long item) {
        Map<String, Object> body = new HashMap<>(contest(clock, tag, 3));
        body.put("prizes", List.of(Map.of("rank", 1, "points", 100, "badge", "shop:" + item)));
        return body;
    }

    private static Http.Response award(long contest, long post) {
        return admin.post("/api/v1/admin/community/contests/" + contest + "/winners",
                Map.of("winners", List.of(Map.of("postId", post, "rank", 1))));
    }

    private static void end(long contest) {
        clock.advance(Duration.ofMinutes(1));
        assertEquals(200, admin.patch("/api/v1/admin/community/contests/" + contest, Map.of("ended", true)).status());
    }

    private static long grants() {
        return platform.kindred().database.read(h -> h.createQuery("SELECT COUNT(*) FROM shop_badge_grants")
                .mapTo(Long.class).one());
    }

    @Test
    void theWinnerGetsTheBadgeOnceWhenTheAwardIsSentInParallel() throws Exception {
        long item = badgeItem("Contest champion");
        long contest = create(admin, withBadgePrize("champion", item));
        Http winner = platform.member("winner@badges.test", "Champion");
        long post = entry(winner, "Champion entry", "champion");
        end(contest);
        long before = grants();
        List<Callable<Integer>> tasks = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            tasks.add(() -> award(contest, post).status());
        }
        assertEquals(List.of(200), ContestFixture.parallel(tasks).stream().distinct().toList());
        assertEquals(before + 1, grants());
        assertEquals(100, points(winner));
        var author = platform.http().get("/api/v1/community/posts/" + post).json().path("post").path("author");
        assertEquals(List.of("Contest champion"), author.path("badges").findValuesAsText("name"), author.toString());
        var results = ContestFixture.contestOf(admin, contest).json().path("contest").path("results");
        assertEquals("Contest champion", results.get(0).path("prizeTitle").asText(), results.toString());
        assertEquals("shop:" + item, results.get(0).path("badge").asText());
        assertTrue(platform.kindred().invariants.check().isEmpty());
    }

    @Test
    void aBadgeTheShopCannotGrantIsRefusedAndTheAwardPaysNothing() {
        Map<String, Object> unknown = withBadgePrize("nobadge", 999_999);
        assertEquals("invalid_field", admin.post("/api/v1/admin/community/contests", unknown).errorCode());

        long item = badgeItem("Retired badge");
        long contest = create(admin, withBadgePrize("retired", item));
        Http winner = platform.member("winner@retired.test", "Retired");
        long post = entry(winner, "Retired entry", "retired");
        end(contest);
        assertEquals(200, admin.patch("/api/v1/admin/shop/items/" + item, Map.of("active", false)).status());
        Http.Response r = award(contest, post);
        assertEquals(409, r.status(), r.body());
        assertEquals("badge_unavailable", r.errorCode());
        assertEquals(0, points(winner));
        assertEquals("ended", ContestFixture.contestOf(admin, contest).json().path("contest").path("status").asText());
    }
}
