package io.kindred.plugins.membership;

import com.fasterxml.jackson.databind.JsonNode;
import io.kindred.testkit.Http;
import io.kindred.testkit.TestPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.kindred.plugins.membership.Fixture.balance;
import static io.kindred.plugins.membership.Fixture.me;
import static io.kindred.plugins.membership.Fixture.purchase;
import static io.kindred.plugins.membership.Fixture.refund;
import static io.kindred.plugins.membership.Fixture.userId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code member.merged}: growth, tier, paid cards and what purchases earned follow the merged member. */
class MergeIT {

    private static TestPlatform platform;

    @BeforeAll
    static void start() {
        platform = Fixture.start();
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    @Test
    void aMergeCarriesGrowthTierAndCardsAndALaterRefundTakesBackFromTheTarget() {
        Http stays = platform.member("stays@membership-merge.test", "Stays");
        Http goes = platform.member("goes@membership-merge.test", "Goes");
        purchase(platform, stays, "MM-1", 30_000, null);
        purchase(platform, goes, "MM-2", 200_000, null);
        purchase(platform, goes, "MM-3", 1_900, "CARD-MONTHLY");
        long growth = balance(stays, "growth") + balance(goes, "growth");
        long points = balance(stays, "points") + balance(goes, "points");
        assertEquals("V3", me(goes).at("/tier/code").asText());

        Http admin = platform.admin();
        Http.Response merged = admin.post("/api/v1/admin/users/" + userId(stays) + "/merge", Map.of("from", userId(goes)));
        assertEquals(200, merged.status(), merged.body());
        admin.post("/api/v1/admin/users/" + userId(stays) + "/merge", Map.of("from", userId(goes)));
        platform.awaitEvents();

        JsonNode me = me(stays);
        assertEquals(growth, balance(stays, "growth"));
        assertEquals(points, balance(stays, "points"));
        assertEquals("V3", me.at("/tier/code").asText(), "the tier the moved growth reaches");
        assertEquals(1, me.path("plans").size(), "the paid card came along: " + me);
        assertEquals(1, Fixture.events(platform, "tier.changed", userId(stays)), "raised once, though asked twice");

        long before = balance(stays, "growth");
        refund(platform, "MM-2");
        assertEquals(before - 2_000, balance(stays, "growth"), "the refund finds the award where it went");
        assertTrue(platform.kindred().invariants.check().isEmpty(), String.valueOf(platform.kindred().invariants.check()));
    }
}
