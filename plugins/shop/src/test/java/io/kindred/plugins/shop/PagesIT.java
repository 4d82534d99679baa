package io.kindred.plugins.shop;

import io.kindred.testkit.Http;
import io.kindred.testkit.TestPlatform;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.kindred.plugins.shop.Fixture.give;
import static io.kindred.plugins.shop.Fixture.item;
import static io.kindred.plugins.shop.Fixture.points;
import static io.kindred.plugins.shop.Fixture.submit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The member and console pages: rendered in both languages, and a redeem → ship flow through forms. */
class PagesIT {

    @Test
    void everyPageRendersInEnglishAndChineseWithoutMissingTexts() {
        try (TestPlatform p = Fixture.start()) {
            long doll = item(p, Map.of("name", "Doll <b>big</b>", "category", "dolls", "stock", 2));
            long coupon = item(p, Map.of("kind", "coupon", "name", "Coupon", "pricePoints", 10));
            p.admin().post("/api/v1/admin/shop/items/" + coupon + "/coupons", Map.of("generate", 3));
            long exclusive = item(p, Map.of("name", "Limited polo", "exclusive", true));
            Http alice = p.member("alice@kindred.test", "Alice");
            give(p, alice, 500);
            assertEquals(201, Fixture.redeem(alice, doll, 1, "1 Main St").status());
            assertEquals(201, Fixture.redeem(alice, coupon, 1, null).status());
            Http admin = p.admin();
            List<String> memberPages = List.of("/", "/shop", "/shop?category=dolls", "/shop/items/" + doll,
                    "/shop/items/" + coupon, "/shop/items/" + exclusive, "/shop/redemptions");
            List<String> consolePages = List.of("/console/shop", "/console/shop/items/new", "/console/shop/items/" + doll,
                    "/console/shop/items/" + coupon, "/console/shop/items/" + exclusive, "/console/shop/redemptions", "/console/shop/redemptions?status=pending");
            for (String lang : List.of("en", "zh-CN")) {
                String word = lang.equals("en") ? "Points shop" : "积分商城";
                alice.header("Accept-Language", lang);
                admin.header("Accept-Language", lang);
                for (String path : memberPages) {
                    assertRendered(alice.get(path), lang + " " + path, word);
                }
                for (String path : consolePages) {
                    assertRendered(admin.get(path), lang + " " + path, word);
                }
            }
            assertFalse(alice.get("/shop").body().contains("<b>big</b>"), "names are escaped");
        }
    }

    /** Asserts a page rendered with no message key left untranslated (the benefit code shop.exclusive is text). */
    private static void assertRendered(Http.Response r, String what, String word) {
        assertEquals(200, r.status(), what + ": " + r.body());
        assertTrue(r.body().contains(word), what + " shows '" + word + "'");
        String text = r.body().replaceAll("shop\\.exclusive(?![\\w.])", "");
        assertFalse(text.contains("shop."), what + " has a missing text: " + r.body());
    }

    @Test
    void memberRedeemsAPhysicalItemByFormAndTheOperatorShipsIt() {
        try (TestPlatform p = Fixture.start()) {
            long doll = item(p, Map.of("name", "Brand doll", "stock", 1));
            Http alice = p.member("alice@kindred.test", "Alice");
            give(p, alice, 150);
            assertTrue(alice.get("/shop").body().contains("You can afford it"));

            Http.Response done = submit(alice, "/shop/items/" + doll, "/shop/items/" + doll + "/redeem",
                    Map.of("quantity", "1", "shippingAddress", "8 West Lake Rd, Hangzhou"));
            assertEquals(303, done.status(), done.body());
            assertEquals("/shop/redemptions?notice=shop.redeemed", done.headers().get("location"));
            assertEquals(50, points(alice));
            String mine = alice.get("/shop/redemptions").body();
            assertTrue(mine.contains("Brand doll") && mine.contains("Waiting to ship"), mine);
            assertTrue(alice.get("/shop").body().contains(">General</a>"), "the default category has a name");
            alice.header("Accept-Language", "zh-CN");
            assertTrue(alice.get("/shop").body().contains(">综合</a>"), "and a Chinese one");
            alice.header("Accept-Language", "en");
            String when = mine.substring(mine.indexOf("<time"), mine.indexOf("</time>"));
            assertTrue(when.matches("<time datetime=\"[^\"]+Z\" title=\"[A-Z][a-z]{2} \\d{1,2}, \\d{4}, \\d{1,2}:\\d{2}.(AM|PM)\">just now"),
                    "the redemption time is shown as a member says it, with the local time in full: " + when);

            Http.Response sold = submit(alice, "/shop/items/" + doll, "/shop/items/" + doll + "/redeem",
                    Map.of("quantity", "1", "shippingAddress", "here"));
            assertEquals("/shop/items/" + doll + "?notice=shop.out_of_stock", sold.headers().get("location"));

            long id = alice.get("/api/v1/shop/redemptions/me").json().path("items").get(0).path("id").asLong();
            Http admin = p.admin();
            assertTrue(admin.get("/console/shop").body().contains("Low stock"));
            Http.Response shipped = submit(admin, "/console/shop/redemptions", "/console/shop/redemptions/" + id + "/ship",
                    Map.of("carrier", "SF Express", "trackingNumber", "SF0001"));
            assertEquals(303, shipped.status(), shipped.body());
            String after = alice.get("/shop/redemptions").body();
            assertTrue(after.contains("SF0001") && after.contains("Shipped"), after);
        }
    }
}
