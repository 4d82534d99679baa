package io.kindred.plugins.shop;

import io.kindred.testkit.Http;
import io.kindred.testkit.TestPlatform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static io.kindred.plugins.shop.Fixture.give;
import static io.kindred.plugins.shop.Fixture.item;
import static io.kindred.plugins.shop.Fixture.redeem;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Tier-only items against a membership service that a (test) plugin provides ({@code fake.FakeMembershipPlugin}),
 * and with that plugin disabled.
 */
class TierIT {

    @TempDir
    Path dir;

    @Test
    void tierOnlyItemIsRefusedBelowTheTierAndAllowedAtItWhileMembershipIsEnabled() {
        try (TestPlatform p = TestPlatform.builder().plugin(Fixture.JAR).plugin(Fixture.fakeMembershipJar(dir)).start()) {
            long polo = item(p, Map.of("minTier", 3, "name", "Polo shirt"));
            Http low = p.member("v2-low@kindred.test", "Low");
            Http high = p.member("v3-high@kindred.test", "High");
            give(p, low, 500);
            give(p, high, 500);

            Http.Response refused = redeem(low, polo, 1, "here");
            assertEquals(409, refused.status(), refused.body());
            assertEquals("tier_required", refused.errorCode());
            Http.Response allowed = redeem(high, polo, 1, "here");
            assertEquals(201, allowed.status(), allowed.body());

            Http.Response off = p.admin().post("/api/v1/admin/plugins/membership-fake/disable", Map.of());
            assertEquals(200, off.status(), off.body());
            assertEquals("tier_required", redeem(high, polo, 1, "here").errorCode());
            assertEquals(201, redeem(high, item(p, Map.of("name", "Doll")), 1, "here").status());
        }
    }
}
