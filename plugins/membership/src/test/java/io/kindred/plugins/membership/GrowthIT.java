package io.kindred.plugins.membership;

import com.fasterxml.jackson.databind.JsonNode;
import io.kindred.testkit.Http;
import io.kindred.testkit.TestPlatform;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.kindred.plugins.membership.Fixture.assertLedgerBalanced;
import static io.kindred.plugins.membership.Fixture.balance;
import static io.kindred.plugins.membership.Fixture.me;
import static io.kindred.plugins.membership.Fixture.purchase;
import static io.kindred.plugins.membership.Fixture.refund;
import static io.kindred.plugins.membership.Fixture.tierChangedEvents;
import static io.kindred.plugins.membership.Fixture.userId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Growth, tiers and points for purchases through PF4J with purchases posted to the core endpoint. Defaults:
 * 1 growth and 1 point per currency unit; V2 at 500 growth with a ×1.1 multiplier.
 */
class GrowthIT {

    @Test
    void aNewMemberIsV1WithTheWayToV2() {
        try (TestPlatform p = Fixture.start()) {
            Http alice = p.member("alice@kindred.test", "Alice");
            JsonNode me = me(alice);
            assertEquals("V1", me.path("tier").path("code").asText());
            assertEquals("Community rookie", me.path("tier").path("name").asText());
            assertEquals(1, me.path("tier").path("rank").asInt());
            assertEquals(0, me.path("growth").asLong());
            assertEquals("V2", me.path("next").path("code").asText());
            assertEquals(500, me.path("next").path("growthNeeded").asLong());
            assertTrue(me.path("plans").isArray());
            assertTrue(me.path("benefits").isArray());

            JsonNode tiers = alice.get("/api/v1/membership/tiers").json().path("items");
            assertEquals(5, tiers.size());
            assertEquals("V5", tiers.get(4).path("code").asText());
            assertEquals("Community leader", tiers.get(4).path("name").asText());
            JsonNode plans = alice.get("/api/v1/membership/plans").json().path("items");
            assertEquals(6, plans.size());
            assertEquals("Annual card Plus", plans.get(5).path("name").asText());
            assertFalse(plans.toString().contains("distribution.rights"), "no started plugin offers it: " + plans);
            assertTrue(plans.get(5).path("benefits").toString().contains("points.multiplier"), plans.toString());
        }
    }

    @Test
    void tierAndCardNamesFollowTheReadersLanguageAndOperatorsEditBoth() {
        try (TestPlatform p = Fixture.start()) {
            Http alice = p.member("zh@kindred.test", "Zh");
            alice.header("Accept-Language", "zh-CN");
            assertEquals("社区菜鸟", me(alice).path("tier").path("name").asText());
            assertEquals("社区领袖", alice.get("/api/v1/membership/tiers").json().at("/items/4/name").asText());
            assertEquals("高级年卡", alice.get("/api/v1/membership/plans").json().at("/items/5/name").asText());

            Http.Response renamed = p.admin().put("/api/v1/admin/membership/tiers/V1",
                    Map.of("name", "Newcomer", "nameZh", "新人"));
            assertEquals(200, renamed.status(), renamed.body());
            assertEquals("Newcomer", renamed.json().at("/tier/names/en").asText());
            assertEquals("新人", renamed.json().at("/tier/names/zh-CN").asText());
            assertEquals("新人", me(alice).path("tier").path("name").asText());
            alice.header("Accept-Language", "en");
            assertEquals("Newcomer", me(alice).path("tier").path("name").asText());

            Http.Response noZh = p.admin().put("/api/v1/admin/membership/plans/monthly", Map.of("nameZh", " "));
            assertEquals(200, noZh.status(), noZh.body());
            alice.header("Accept-Language", "zh-CN");
            assertEquals("Monthly card", alice.get("/api/v1/membership/plans").json().at("/items/0/name").asText(),
                    "without a Chinese name the English one shows");
        }
    }

    @Test
    void aPurchaseGivesGrowthAndPointsPromotesOnceAndTheMultiplierAppliesAfter() {
        try (TestPlatform p = Fixture.start()) {
            Http alice = p.member("alice@kindred.test", "Alice");
            purchase(p, alice, "A-1", 500_00, null);

            assertEquals(500, balance(alice, "growth"));
            assertEquals(500, balance(alice, "points"), "500.00 at V1: ×1");
            JsonNode me = me(alice);
            assertEquals("V2", me.path("tier").path("code").asText());
            assertEquals("V3", me.path("next").path("code").asText());
            assertEquals(1500, me.path("next").path("growthNeeded").asLong());
            assertEquals(1, tierChangedEvents(p, userId(alice)));

            purchase(p, alice, "A-2", 100_00, null);
            assertEquals(600, balance(alice, "growth"));
            assertEquals(500 + 110, balance(alice, "points"), "100.00 at V2: ×1.1");
            assertEquals(1, tierChangedEvents(p, userId(alice)), "no second promotion inside V2");

            // the shop sends the same order again: nothing changes
            purchase(p, alice, "A-2", 100_00, null);
            assertEquals(600, balance(alice, "growth"));
            assertEquals(610, balance(alice, "points"));
            assertLedgerBalanced(p);
        }
    }

    @Test
    void aMemberWhoGoesUpATierIsNotifiedOnce() {
        try (TestPlatform p = Fixture.start()) {
            Http alice = p.member("alice@kindred.test", "Alice");
            purchase(p, alice, "A-1", 500_00, null);
            purchase(p, alice, "A-2", 100_00, null);
            p.awaitEvents();
            JsonNode items = alice.get("/api/v1/me/notifications").json().path("items");
            assertEquals(1, items.size(), items.toString());
            assertEquals("membership.tier_up", items.get(0).path("type").asText());
            assertTrue(items.get(0).path("title").asText().startsWith("You reached "), items.toString());
            assertEquals("/membership", items.get(0).path("link").asText());
        }
    }

    @Test
    void aRefundTakesBackGrowthAndPoints() {
        try (TestPlatform p = Fixture.start()) {
            Http alice = p.member("alice@kindred.test", "Alice");
            purchase(p, alice, "A-1", 200_00, null);
            assertEquals(200, balance(alice, "growth"));
            assertEquals(200, balance(alice, "points"));

            refund(p, "A-1");
            assertEquals(0, balance(alice, "growth"));
            assertEquals(0, balance(alice, "points"));
            refund(p, "A-1");
            assertEquals(0, balance(alice, "points"));
            assertEquals(0, me(alice).path("pointsDebt").asLong());
            assertLedgerBalanced(p);
        }
    }

    @Test
    void pointsSpentBeforeTheRefundBecomeADebtPaidFromLaterPurchasePoints() {
        try (TestPlatform p = Fixture.start()) {
            Http alice = p.member("alice@kindred.test", "Alice");
            purchase(p, alice, "A-1", 100_00, null);
            Http.Response spend = p.admin().post("/api/v1/admin/ledger/adjustments", Map.of("userId", userId(alice),
                    "asset", "points", "amount", -80, "reason", "adjustment"));
            assertEquals(201, spend.status(), spend.body());
            assertEquals(20, balance(alice, "points"));

            refund(p, "A-1");
            assertEquals(0, balance(alice, "points"), "what was there is taken back, never below zero");
            assertEquals(80, me(alice).path("pointsDebt").asLong());

            purchase(p, alice, "A-2", 50_00, null);
            assertEquals(0, balance(alice, "points"), "the 50 points of A-2 pay the debt");
            assertEquals(30, me(alice).path("pointsDebt").asLong());
            purchase(p, alice, "A-3", 100_00, null);
            assertEquals(70, balance(alice, "points"));
            assertEquals(0, me(alice).path("pointsDebt").asLong());
            assertEquals(150, balance(alice, "growth"));
            assertLedgerBalanced(p);
        }
    }
}
