package io.kindred.plugins.shop;

import com.fasterxml.jackson.databind.JsonNode;
import io.kindred.testkit.Http;
import io.kindred.testkit.TestPlatform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.kindred.plugins.shop.Fixture.assertLedgerBalanced;
import static io.kindred.plugins.shop.Fixture.give;
import static io.kindred.plugins.shop.Fixture.item;
import static io.kindred.plugins.shop.Fixture.points;
import static io.kindred.plugins.shop.Fixture.redeem;
import static io.kindred.plugins.shop.Fixture.stock;
import static io.kindred.plugins.shop.Fixture.submit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Exclusive items (会员专享) and the benefit {@code shop.exclusive} the shop offers, against the membership service
 * of a test plugin ({@code fake.FakeMembershipPlugin}: an email ending in {@code -perks@…} holds every benefit).
 */
class ExclusiveIT {

    private static final String REFUSAL = "This item is reserved for members with the exclusive points-shop benefit.";

    @TempDir
    Path dir;

    private TestPlatform withMembership() {
        return TestPlatform.builder().plugin(Fixture.JAR).plugin(Fixture.fakeMembershipJar(dir)).start();
    }

    @Test
    void exclusiveItemIsRefusedToAMemberWithoutTheBenefitAndNothingMoves() {
        try (TestPlatform p = withMembership()) {
            long polo = item(p, Map.of("name", "Limited polo", "exclusive", true, "stock", 5));
            // the top tier, but no benefit: only the benefit opens an exclusive item
            Http plain = p.member("v5-plain@kindred.test", "Plain");
            give(p, plain, 500);

            Http.Response refused = redeem(plain, polo, 1, "here");
            assertEquals(409, refused.status(), refused.body());
            assertEquals("benefit_required", refused.errorCode());
            assertEquals(REFUSAL, refused.json().path("error").path("message").asText());
            assertEquals(500, points(plain));
            assertEquals(5, stock(p, polo));
            assertEquals(0, plain.get("/api/v1/shop/redemptions/me").json().path("items").size());
            assertEquals(201, redeem(plain, item(p, Map.of("name", "Doll")), 1, "here").status(), "other items stay open");
            assertLedgerBalanced(p);
        }
    }

    @Test
    void memberWithTheBenefitRedeemsAnExclusiveItem() {
        try (TestPlatform p = withMembership()) {
            long polo = item(p, Map.of("name", "Limited polo", "exclusive", true, "stock", 5));
            Http vip = p.member("ann-perks@kindred.test", "Ann");
            give(p, vip, 500);

            Http.Response allowed = redeem(vip, polo, 1, "8 West Lake Rd");
            assertEquals(201, allowed.status(), allowed.body());
            assertEquals(400, points(vip));
            assertEquals(4, stock(p, polo));
            assertLedgerBalanced(p);
        }
    }

    @Test
    void exclusiveItemIsRefusedWhileMembershipIsDisabledAndOpensAgainWhenItIsBack() {
        try (TestPlatform p = withMembership()) {
            long polo = item(p, Map.of("name", "Limited polo", "exclusive", true, "stock", 5));
            Http vip = p.member("ann-perks@kindred.test", "Ann");
            give(p, vip, 500);
            Http admin = p.admin();

            Http.Response off = admin.post("/api/v1/admin/plugins/membership-fake/disable", Map.of());
            assertEquals(200, off.status(), off.body());
            Http.Response refused = redeem(vip, polo, 1, "here");
            assertEquals(409, refused.status(), refused.body());
            assertEquals("benefit_required", refused.errorCode());
            assertEquals(500, points(vip));
            assertEquals(5, stock(p, polo));

            Http.Response on = admin.post("/api/v1/admin/plugins/membership-fake/enable", Map.of());
            assertEquals(200, on.status(), on.body());
            assertEquals(201, redeem(vip, polo, 1, "here").status());
            assertEquals(400, points(vip));
        }
    }

    @Test
    void operatorSetsAndClearsTheExclusiveFlagThroughTheAdminApi() {
        try (TestPlatform p = Fixture.start()) {
            Http admin = p.admin();
            long plain = item(p, Map.of("name", "Doll"));
            long polo = item(p, Map.of("name", "Limited polo", "exclusive", true));
            assertFalse(itemJson(admin, plain).path("exclusive").asBoolean(true), "items are open to everyone by default");
            assertTrue(itemJson(admin, polo).path("exclusive").asBoolean());

            Http.Response cleared = admin.patch("/api/v1/admin/shop/items/" + polo, Map.of("exclusive", false));
            assertEquals(200, cleared.status(), cleared.body());
            assertFalse(cleared.json().path("item").path("exclusive").asBoolean(true));
            Http.Response set = admin.patch("/api/v1/admin/shop/items/" + plain, Map.of("exclusive", true));
            assertEquals(200, set.status(), set.body());
            assertTrue(set.json().path("item").path("exclusive").asBoolean());

            Http alice = p.member("alice@kindred.test", "Alice");
            JsonNode seen = alice.get("/api/v1/shop/items/" + plain).json().path("item");
            assertTrue(seen.path("exclusive").asBoolean(), "members see the flag too: " + seen);
        }
    }

    @Test
    void exclusiveThatIsNotTrueOrFalseIsRefusedWith400AndChangesNothing() {
        try (TestPlatform p = Fixture.start()) {
            Http admin = p.admin();
            long polo = item(p, Map.of("name", "Limited polo", "exclusive", true));
            List<Object> badValues = new ArrayList<>(List.of("yes", "true", 1, "", List.of(true)));
            badValues.add(null);
            for (Object bad : badValues) {
                Map<String, Object> body = new HashMap<>(Map.of("name", "Another polo", "pricePoints", 100));
                body.put("exclusive", bad);
                assertInvalidExclusive(admin.post("/api/v1/admin/shop/items", body), "create with " + bad);
                Map<String, Object> patch = new HashMap<>();
                patch.put("exclusive", bad);
                assertInvalidExclusive(admin.patch("/api/v1/admin/shop/items/" + polo, patch), "update with " + bad);
            }
            assertEquals(1, admin.get("/api/v1/admin/shop/items").json().path("items").size(), "nothing was created");
            assertTrue(itemJson(admin, polo).path("exclusive").asBoolean(), "nothing was changed");
        }
    }

    private static void assertInvalidExclusive(Http.Response r, String what) {
        assertEquals(400, r.status(), what + ": " + r.body());
        assertEquals("invalid_field", r.errorCode(), what);
        assertEquals("The field 'exclusive' must be true or false.", r.json().path("error").path("message").asText(), what);
    }

    @Test
    void pagesTagExclusiveItemsAndTellAMemberWithoutTheBenefitWhyTheyCannotRedeem() {
        try (TestPlatform p = withMembership()) {
            long polo = item(p, Map.of("name", "Limited polo", "exclusive", true));
            long doll = item(p, Map.of("name", "Brand doll"));
            Http plain = p.member("bob@kindred.test", "Bob");
            Http vip = p.member("ann-perks@kindred.test", "Ann");
            give(p, plain, 500);
            give(p, vip, 500);

            String grid = plain.get("/shop").body();
            assertEquals(1, count(grid, "class=\"badge shop-exclusive\">Exclusive</span>"), "only the exclusive item is tagged");
            assertTrue(grid.contains("For members with the exclusive benefit"), grid);
            String page = plain.get("/shop/items/" + polo).body();
            assertTrue(page.contains("class=\"badge shop-exclusive\">Exclusive</span>"), page);
            assertTrue(page.contains("only members whose tier or membership card includes the benefit"), page);
            assertFalse(page.contains("id=\"shop-redeem\""), "no redeem button without the benefit");
            assertTrue(plain.get("/shop/items/" + doll).body().contains("id=\"shop-redeem\""), "other items keep theirs");

            plain.header("Accept-Language", "zh-CN");
            String zh = plain.get("/shop/items/" + polo).body();
            assertTrue(zh.contains(">会员专享</span>"), zh);
            assertTrue(zh.contains("仅限所在等级或会员卡包含"), zh);
            plain.header("Accept-Language", "en");

            String open = vip.get("/shop/items/" + polo).body();
            assertTrue(open.contains("class=\"badge shop-exclusive\">Exclusive</span>"), open);
            assertTrue(open.contains("id=\"shop-redeem\""), "a member with the benefit gets the button");
            assertFalse(vip.get("/shop").body().contains("For members with the exclusive benefit"));

            Http.Response tried = submit(plain, "/shop/items/" + polo, "/shop/items/" + polo + "/redeem",
                    Map.of("quantity", "1", "shippingAddress", "here"));
            assertEquals(303, tried.status(), tried.body());
            assertEquals("/shop/items/" + polo + "?notice=shop.benefit_required", tried.headers().get("location"));
            assertTrue(plain.get("/shop/items/" + polo + "?notice=shop.benefit_required").body().contains(REFUSAL));
            assertEquals(500, points(plain));
        }
    }

    @Test
    void consoleMarksExclusiveItemsAndItsFormSetsAndClearsTheFlag() {
        try (TestPlatform p = Fixture.start()) {
            Http admin = p.admin();
            Http.Response created = submit(admin, "/console/shop/items/new", "/console/shop/items", Map.of("name", "Limited polo",
                    "pricePoints", "300", "kind", "physical", "category", "polo", "exclusive", "on", "active", "on"));
            assertEquals(303, created.status(), created.body());
            String location = created.headers().get("location");
            long polo = Long.parseLong(location.replaceAll("^/console/shop/items/(\\d+)\\?.*$", "$1"));
            assertTrue(itemJson(admin, polo).path("exclusive").asBoolean());
            assertTrue(admin.get("/console/shop").body().contains("class=\"tag role shop-exclusive\""));
            String form = admin.get("/console/shop/items/" + polo).body();
            assertTrue(form.contains("name=\"exclusive\" value=\"on\" checked"), form);
            assertTrue(form.contains("carries the benefit shop.exclusive"), form);

            Http.Response saved = submit(admin, "/console/shop/items/" + polo, "/console/shop/items/" + polo,
                    Map.of("name", "Limited polo", "pricePoints", "300", "active", "on"));
            assertEquals(303, saved.status(), saved.body());
            assertFalse(itemJson(admin, polo).path("exclusive").asBoolean(true), "an unticked box clears the flag");
            assertFalse(admin.get("/console/shop").body().contains("shop-exclusive"));
        }
    }

    @Test
    void theShopOffersItsBenefitWhileItIsStartedOnly() {
        try (TestPlatform p = withMembership()) {
            Http admin = p.admin();
            assertEquals(List.of("shop.exclusive"), offered(admin));

            assertEquals(200, admin.post("/api/v1/admin/plugins/shop/disable", Map.of()).status());
            assertEquals(List.of(), offered(admin));
            assertEquals(200, admin.post("/api/v1/admin/plugins/shop/enable", Map.of()).status());
            assertEquals(List.of("shop.exclusive"), offered(admin));
        }
    }

    /** @return the benefit codes offered on the platform, as the test plugin reads them from {@code ctx.benefits()} */
    private static List<String> offered(Http admin) {
        Http.Response r = admin.get("/api/v1/membership-fake/benefits");
        assertEquals(200, r.status(), r.body());
        List<String> codes = new ArrayList<>();
        r.json().path("items").forEach(c -> codes.add(c.asText()));
        return codes;
    }

    private static JsonNode itemJson(Http admin, long id) {
        Http.Response r = admin.get("/api/v1/admin/shop/items/" + id);
        assertEquals(200, r.status(), r.body());
        return r.json().path("item");
    }

    private static int count(String text, String part) {
        return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }
}
