package io.kindred.plugins.shop;

import com.fasterxml.jackson.databind.JsonNode;
import io.kindred.testkit.Bundles;
import io.kindred.testkit.Http;
import io.kindred.testkit.TestPlatform;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static io.kindred.plugins.shop.Fixture.assertLedgerBalanced;
import static io.kindred.plugins.shop.Fixture.give;
import static io.kindred.plugins.shop.Fixture.item;
import static io.kindred.plugins.shop.Fixture.points;
import static io.kindred.plugins.shop.Fixture.redeem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Coupon pools, badges and tier-only items. */
class CouponBadgeTierIT {

    @Test
    void eachCouponCodeIsHandedOutOnceAndAnEmptyPoolIsOutOfStock() {
        try (TestPlatform p = Fixture.start()) {
            long coupon = item(p, Map.of("kind", "coupon", "name", "10% off", "pricePoints", 10));
            Http admin = p.admin();
            assertFalse(admin.get("/api/v1/admin/shop/items/" + coupon).json().path("item").path("available").asBoolean(),
                    "a coupon item without codes cannot be redeemed");
            String list = admin.get("/console/shop").body();
            assertTrue(list.contains("Needs codes") && !list.contains("Low stock"), "the console says what is missing: " + list);
            assertTrue(admin.get("/console/shop/items/" + coupon).body().contains("Needs codes"), "and so does its form");
            Http.Response up = p.admin().post("/api/v1/admin/shop/items/" + coupon + "/coupons",
                    Map.of("codes", "CODE-A,first\nCODE-B\n\nCODE-A\n"));
            assertEquals(201, up.status(), up.body());
            assertEquals(2, up.json().path("added").asInt());
            assertEquals(1, up.json().path("duplicates").asInt(), "CODE-A twice in one upload: " + up.body());
            Http.Response again = p.admin().post("/api/v1/admin/shop/items/" + coupon + "/coupons",
                    Map.of("codes", java.util.List.of("CODE-B", "CODE-B")));
            assertEquals(0, again.json().path("added").asInt(), again.body());
            assertEquals(2, again.json().path("duplicates").asInt(), "already in the pool, then repeated: " + again.body());
            Http.Response gen = p.admin().post("/api/v1/admin/shop/items/" + coupon + "/coupons", Map.of("generate", 2));
            assertEquals(4, gen.json().path("couponsLeft").asInt());
            assertFalse(admin.get("/console/shop").body().contains("Needs codes"), "codes added");
            assertTrue(admin.get("/api/v1/admin/shop/items/" + coupon).json().path("item").path("available").asBoolean());

            Set<String> codes = new HashSet<>();
            for (int i = 0; i < 5; i++) {
                Http m = p.member("c" + i + "@kindred.test", "C" + i);
                give(p, m, 10);
                Http.Response r = redeem(m, coupon, 1, null);
                if (i < 4) {
                    assertEquals(201, r.status(), r.body());
                    JsonNode red = r.json().path("redemption");
                    assertEquals("completed", red.path("status").asText());
                    assertTrue(codes.add(red.path("coupon").path("code").asText()), "a code handed out twice");
                } else {
                    assertEquals(409, r.status(), r.body());
                    assertEquals("out_of_stock", r.errorCode());
                    assertEquals(10, points(m));
                }
            }
            assertTrue(codes.containsAll(Set.of("CODE-A", "CODE-B")), codes.toString());
            assertLedgerBalanced(p);
        }
    }

    @Test
    void badgeItemGrantsABadgeAtOnce() {
        try (TestPlatform p = Fixture.start()) {
            long badge = item(p, Map.of("kind", "badge", "name", "Founding member", "pricePoints", 50));
            Http alice = p.member("alice@kindred.test", "Alice");
            give(p, alice, 50);
            Http.Response r = redeem(alice, badge, 1, null);
            assertEquals(201, r.status(), r.body());
            assertEquals("completed", r.json().path("redemption").path("status").asText());
            long count = p.kindred().database.read(h -> h.createQuery("SELECT COUNT(*) FROM shop_badges")
                    .mapTo(Long.class).one());
            assertEquals(1, count);
            String home = alice.get("/").body();
            assertTrue(home.contains("class=\"badge\" title=\"Founding member\""), "the badge is shown next to the member's name");
            assertTrue(alice.get("/account").body().contains("Founding member"), "and on the profile");
        }
    }

    @Test
    void tierOnlyItemIsRefusedWithTierRequiredWhenNoMembershipServiceIsProvided() {
        try (TestPlatform p = Fixture.start()) {
            long vip = item(p, Map.of("minTier", 3, "name", "Polo shirt"));
            long open = item(p, Map.of("name", "Doll"));
            Http alice = p.member("alice@kindred.test", "Alice");
            give(p, alice, 500);
            Http.Response r = redeem(alice, vip, 1, "here");
            assertEquals(409, r.status(), r.body());
            assertEquals("tier_required", r.errorCode());
            assertEquals(201, redeem(alice, open, 1, "here").status());
            assertEquals(400, points(alice));
        }
    }

    @Test
    void bundlesHaveTheSameKeysInEveryLanguage() {
        Bundles.assertSameKeys(getClass().getClassLoader(), "messages/shop");
        assertFalse(Bundles.load(getClass().getClassLoader(), "messages/shop_zh_CN.properties").isEmpty());
    }
}
