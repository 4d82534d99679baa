package io.kindred.plugins.membership;

import com.fasterxml.jackson.databind.JsonNode;
import io.kindred.testkit.Http;
import io.kindred.testkit.TestPlatform;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.kindred.plugins.membership.Fixture.assertLedgerBalanced;
import static io.kindred.plugins.membership.Fixture.balance;
import static io.kindred.plugins.membership.Fixture.purchase;
import static io.kindred.plugins.membership.Fixture.userId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Membership's part of a member's export and of the erasure of their account (section {@code membership}). */
class MembershipPersonalDataIT {

    @Test
    void exportShowsTierGrowthPlansAndCodesAndErasureKeepsThemAsTheyAre() {
        try (TestPlatform p = Fixture.start()) {
            Http member = p.member("lin@kindred.test", "Lin");
            long id = userId(member);
            purchase(p, member, "ORDER-ZQ7X-1", 1900, "CARD-MONTHLY");
            Http.Response codes = p.admin().post("/api/v1/admin/membership/codes", Map.of("planCode", "quarterly", "count", 1));
            assertEquals(201, codes.status(), codes.body());
            String code = codes.json().path("batch").path("codes").get(0).asText();
            assertEquals(201, member.post("/api/v1/membership/redeem", Map.of("code", code)).status());

            JsonNode before = section(p, id);
            assertEquals("V1", before.path("tier").path("code").asText(), before.toString());
            assertEquals(balance(member, "growth"), before.path("growth").asLong());
            assertTrue(before.path("growth").asLong() > 0, before.toString());
            JsonNode award = before.path("growthHistory").get(0);
            assertEquals("purchase", award.path("source").asText(), before.toString());
            assertEquals("earned", award.path("status").asText());
            assertEquals(2, before.path("plans").size(), before.toString());
            assertEquals("active", before.path("plans").get(0).path("status").asText());
            assertEquals(2, before.path("activations").size());
            assertEquals(code, before.path("activationCodesUsed").get(0).path("code").asText());
            assertTrue(before.path("benefits").toString().contains("checkin.bonus"), before.toString());
            long points = balance(member, "points");

            erase(p, id);
            JsonNode after = section(p, id);
            assertEquals(before, after, "every membership row records growth, points, a plan bought or a code used");
            assertEquals(points, p.kindred().ledger.balance(id, "points"));
            assertLedgerBalanced(p);
            erase(p, id);
            assertEquals(after, section(p, id), "a second erasure changes nothing");
        }
    }

    private static JsonNode section(TestPlatform p, long userId) {
        return p.exportOf(userId).path("plugins").path("membership");
    }

    private static void erase(TestPlatform p, long userId) {
        p.erase(userId);
    }
}
