package io.kindred.plugins.shop;

import com.fasterxml.jackson.databind.JsonNode;
import io.kindred.testkit.Http;
import io.kindred.testkit.TestPlatform;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

import static io.kindred.plugins.shop.Fixture.assertLedgerBalanced;
import static io.kindred.plugins.shop.Fixture.give;
import static io.kindred.plugins.shop.Fixture.item;
import static io.kindred.plugins.shop.Fixture.points;
import static io.kindred.plugins.shop.Fixture.userId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shop's part of a member's export and of the erasure of their account (section {@code shop}). */
class ShopPersonalDataIT {

    private static final String ADDRESS = "Zq7x Lin, 13907770007, 7 Zq7x Road, Shanghai";
    /** Checked too: the audit trail leaves tracking numbers out, so nothing of it stays in the file. */
    private static final String TRACKING = "SF20261207";
    private static final String KEY = "zq7x-key-0007";

    @Test
    void exportShowsRedemptionsAndBadgesAndErasureKeepsTheirPointsWithoutTheAddress() {
        try (TestPlatform p = Fixture.start()) {
            long doll = item(p, Map.of("stock", 5, "name", "Brand doll"));
            long badge = item(p, Map.of("kind", "badge", "name", "Founding member", "pricePoints", 50));
            Http member = p.member("lin@kindred.test", "Lin");
            long id = userId(member);
            give(p, member, 500);
            Http.Response r = member.post("/api/v1/shop/redemptions",
                    Map.of("itemId", doll, "quantity", 2, "shippingAddress", ADDRESS), Map.of("Idempotency-Key", KEY));
            assertEquals(201, r.status(), r.body());
            long redemption = r.json().path("redemption").path("id").asLong();
            assertEquals(200, p.admin().post("/api/v1/admin/shop/redemptions/" + redemption + "/ship",
                    Map.of("carrier", "SF Express", "trackingNumber", TRACKING)).status());
            assertEquals(201, Fixture.redeem(member, badge, 1, null).status());

            JsonNode before = section(p, id);
            JsonNode doll1 = before.path("redemptions").get(0);
            assertEquals(ADDRESS, doll1.path("shippingAddress").asText());
            assertEquals(TRACKING, doll1.path("trackingNumber").asText());
            assertEquals("shipped", doll1.path("status").asText());
            assertEquals(200, doll1.path("pointsSpent").asLong());
            assertEquals("points", doll1.path("asset").asText());
            assertTrue(doll1.path("redeemedAt").asText().endsWith("Z"), doll1.toString());
            assertEquals("Founding member", before.path("badges").get(0).path("badge").asText());
            long balance = points(member);

            erase(p, id);
            JsonNode after = section(p, id);
            JsonNode kept = after.path("redemptions").get(0);
            assertEquals(redemption, kept.path("id").asLong());
            assertEquals("shipped", kept.path("status").asText());
            assertEquals(200, kept.path("pointsSpent").asLong());
            assertEquals(2, kept.path("quantity").asInt());
            assertEquals("SF Express", kept.path("carrier").asText());
            assertTrue(kept.path("shippingAddress").isNull(), kept.toString());
            assertTrue(kept.path("trackingNumber").isNull(), kept.toString());
            assertEquals(2, after.path("redemptions").size());
            assertEquals(1, after.path("badges").size());
            assertEquals(balance, p.kindred().ledger.balance(id, "points"), "the points spent stay spent");
            assertLedgerBalanced(p);

            erase(p, id);
            assertEquals(after, section(p, id), "a second erasure changes nothing");
            String file = databaseText(p).toLowerCase(Locale.ROOT);
            assertFalse(file.contains("zq7x"), "the address and the request key are gone from the database file");
            assertFalse(file.contains("13907770007"), "the phone in the address is gone from the database file");
            assertFalse(file.contains(TRACKING.toLowerCase(Locale.ROOT)), "the tracking number is gone, also from the audit log");
        }
    }

    private static JsonNode section(TestPlatform p, long userId) {
        return p.exportOf(userId).path("plugins").path("shop");
    }

    private static void erase(TestPlatform p, long userId) {
        p.erase(userId);
    }

    /** @return the database file and its write-ahead log, after a checkpoint, as text (ASCII values show as they are) */
    static String databaseText(TestPlatform p) {
        return p.databaseText();
    }
}
