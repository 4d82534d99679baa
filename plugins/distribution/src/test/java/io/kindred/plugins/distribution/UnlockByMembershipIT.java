package io.kindred.plugins.distribution;

import io.kindred.testkit.Http;
import io.kindred.testkit.MutableClock;
import io.kindred.testkit.TestPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.kindred.plugins.distribution.Fixture.code;
import static io.kindred.plugins.distribution.Fixture.frozen;
import static io.kindred.plugins.distribution.Fixture.me;
import static io.kindred.plugins.distribution.Fixture.member;
import static io.kindred.plugins.distribution.Fixture.purchase;
import static io.kindred.plugins.distribution.Fixture.userId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The membership unlock path alone, with the real membership plugin: a card carrying the benefit
 * {@code distribution.rights} (registered by this plugin) makes its buyer a distributor; when the benefit goes,
 * new commission stops and what was earned stays.
 */
class UnlockByMembershipIT {

    private static TestPlatform p;

    @BeforeAll
    static void start() {
        MutableClock clock = Fixture.clock();
        p = Fixture.platform(clock).plugin(Fixture.membershipJar()).setting("distribution.unlockByOperator", "false").start();
    }

    @AfterAll
    static void stop() {
        p.close();
    }

    @Test
    void aMembershipCardWithTheBenefitMakesItsHolderADistributorAndLosingItStopsNewCommission() {
        Http admin = p.admin();
        Http api = p.apiClient("shop");
        Http.Response plan = admin.put("/api/v1/admin/membership/plans/sharer_card", Map.of("name", "Sharer card",
                "months", 1, "price", 99_00, "sku", "SHARER", "benefits", List.of("distribution.rights")));
        assertEquals(200, plan.status(), plan.body());
        Http frank = member(p, "frank@kindred.test", "Frank", null);
        Http fan = member(p, "frank-fan@kindred.test", "Fan of Frank", code(frank));
        assertFalse(me(frank).path("isDistributor").asBoolean());

        purchase(p, api, userId(frank), "CARD-1", 99_00, "SHARER");
        assertTrue(me(frank).path("isDistributor").asBoolean(), me(frank).toString());
        assertEquals("[\"membership\"]", me(frank).path("unlocks").toString());
        purchase(p, api, userId(fan), "FAN-1", 100_00);
        assertEquals(10_00, frozen(frank));

        assertEquals(200, admin.post("/api/v1/admin/plugins/membership/disable", Map.of()).status());
        assertFalse(me(frank).path("isDistributor").asBoolean(), "no membership, no benefit");
        purchase(p, api, userId(fan), "FAN-2", 100_00);
        assertEquals(10_00, frozen(frank), "no new commission; the earned one stays");
        assertEquals(200, admin.post("/api/v1/admin/plugins/membership/enable", Map.of()).status());
    }
}
