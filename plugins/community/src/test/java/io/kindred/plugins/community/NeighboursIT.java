package io.kindred.plugins.community;

import io.kindred.testkit.Http;
import io.kindred.testkit.TestPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The community next to membership and the points shop, as the single jar runs them: a post earns growth once,
 * the author line shows the tier and the shop's badges, and a tier-only category follows the member's tier.
 */
class NeighboursIT {

    static final Path MEMBERSHIP = Path.of(System.getProperty("kindred.membership.jar"));
    static final Path SHOP = Path.of(System.getProperty("kindred.shop.jar"));
    static TestPlatform platform;

    @BeforeAll
    static void boot() {
        platform = Fixture.relaxed(TestPlatform.builder().plugin(Fixture.JAR).plugin(MEMBERSHIP).plugin(SHOP)).start();
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    @Test
    void aPublishedPostEarnsGrowthOnceEvenWhenEventsAreDeliveredAgain() {
        Http writer = platform.member("grower@n.test", "Grower");
        Fixture.postOk(writer, "First", "one");
        Fixture.postOk(writer, "Second", "two");
        platform.awaitEvents();
        assertEquals(10, growth(writer), "5 growth per post by default");
        long events = platform.kindred().database.read(h -> h.createQuery(
                "SELECT COUNT(*) FROM events WHERE type = 'post.published' AND user_id = :u")
                .bind("u", Fixture.userId(writer)).mapTo(Long.class).one());
        assertEquals(2, events);
        int rewound = platform.kindred().database.write(h -> h.createUpdate(
                "UPDATE event_subscribers SET cursor_id = 0 WHERE name LIKE '%growth-for-posts%'").execute());
        assertEquals(1, rewound, "membership's subscriber to post.published");
        platform.awaitEvents();
        assertEquals(10, growth(writer), "delivering every post.published again earns nothing twice");
    }

    @Test
    void theAuthorLineShowsTierAndShopBadges() {
        Http collector = platform.member("collector@n.test", "Collector");
        Http.Response item = platform.admin().post("/api/v1/admin/shop/items", Map.of("name", "Founding member",
                "pricePoints", 10, "kind", "badge"));
        assertEquals(201, item.status(), item.body());
        platform.admin().post("/api/v1/admin/ledger/adjustments", Map.of("userId", Fixture.userId(collector),
                "asset", "points", "amount", 10, "reason", "adjustment"));
        Http.Response redeemed = collector.post("/api/v1/shop/redemptions", Map.of("itemId",
                item.json().path("item").path("id").asLong(), "quantity", 1));
        assertEquals(201, redeemed.status(), redeemed.body());
        long id = Fixture.postOk(collector, "With a badge", "Look");
        var author = platform.http().get("/api/v1/community/posts/" + id).json().path("post").path("author");
        assertEquals("V1", author.path("tier").asText(), author.toString());
        assertEquals("Founding member", author.path("badges").get(0).path("name").asText(), author.toString());
        String page = platform.http().get("/community/posts/" + id).body();
        assertTrue(page.contains("title=\"Founding member\""), "the badge is on the post page");
    }

    @Test
    void aTierOnlyCategoryRefusesLowerTiersAndWelcomesOperators() {
        Http.Response vip = platform.admin().post("/api/v1/admin/community/categories", Map.of("slug", "vip-lounge",
                "name", "VIP lounge", "postAccess", "tier", "minTier", 3));
        assertEquals(201, vip.status(), vip.body());
        long vipId = vip.json().path("category").path("id").asLong();
        Http rookie = platform.member("rookie@n.test", "Rookie");
        Http.Response refused = rookie.post("/api/v1/community/posts", Map.of("categoryId", vipId, "title", "Hi", "body", "x"));
        assertEquals("category_restricted", refused.json().path("error").path("code").asText(), refused.body());
        Http.Response operator = platform.admin().post("/api/v1/community/posts", Map.of("categoryId", vipId,
                "title", "Welcome", "body", "The lounge is open"));
        assertEquals(201, operator.status(), operator.body());
        assertTrue(operator.json().path("post").path("official").asBoolean(), "an operator's post is official");
    }

    private static long growth(Http member) {
        return member.get("/api/v1/me/balances").json().path("balances").path("growth").asLong();
    }
}
