package io.kindred.plugins.shop;

import io.kindred.testkit.Http;
import io.kindred.testkit.TestPlatform;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.kindred.plugins.shop.Fixture.assertLedgerBalanced;
import static io.kindred.plugins.shop.Fixture.give;
import static io.kindred.plugins.shop.Fixture.item;
import static io.kindred.plugins.shop.Fixture.points;
import static io.kindred.plugins.shop.Fixture.redeem;
import static io.kindred.plugins.shop.Fixture.userId;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@code member.merged}: the merged member's orders are the target's, with what is left of the points. */
class MergeIT {

    @Test
    void aMergeMovesOrdersAndPointsLeft() {
        try (TestPlatform p = Fixture.start()) {
            long doll = item(p, Map.of("name", "Brand doll", "pricePoints", 100));
            Http stays = p.member("stays@shop-merge.test", "Stays");
            Http goes = p.member("goes@shop-merge.test", "Goes");
            give(p, goes, 250);
            give(p, stays, 100);
            assertEquals(201, redeem(goes, doll, 1, "1 Road, Town").status());
            assertEquals(201, redeem(stays, doll, 1, "2 Road, Town").status());

            Http admin = p.admin();
            Http.Response merged = admin.post("/api/v1/admin/users/" + userId(stays) + "/merge", Map.of("from", userId(goes)));
            assertEquals(200, merged.status(), merged.body());
            admin.post("/api/v1/admin/users/" + userId(stays) + "/merge", Map.of("from", userId(goes)));
            p.awaitEvents();

            assertEquals(150, points(stays), "what the merged member had left");
            assertEquals(2, stays.get("/api/v1/shop/redemptions/me").json().path("items").size());
            assertLedgerBalanced(p);
        }
    }
}
