package io.kindred.plugins.membership;

import com.fasterxml.jackson.databind.JsonNode;
import io.kindred.testkit.Http;
import io.kindred.testkit.TestPlatform;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.kindred.plugins.membership.Fixture.balance;
import static io.kindred.plugins.membership.Fixture.me;
import static io.kindred.plugins.membership.Fixture.purchase;
import static io.kindred.plugins.membership.Fixture.userId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Tier and plan editing by operators, the stats, and the console page. */
class AdminIT {

    @Test
    void anOperatorEditsATierAndTheLadderStaysOrdered() {
        try (TestPlatform p = Fixture.start()) {
            Http admin = p.admin();
            Http alice = p.member("alice@kindred.test", "Alice");
            assertEquals("V2", me(alice).path("next").path("code").asText(), "the ladder, read (and kept) before the edit");
            Http.Response r = admin.put("/api/v1/admin/membership/tiers/V2", Map.of("threshold", 100, "multiplier", 2.0,
                    "name", "Rising"));
            assertEquals(200, r.status(), r.body());
            assertEquals(2.0, r.json().path("tier").path("multiplier").asDouble());
            assertEquals("Rising", me(alice).path("next").path("name").asText(), "the edit shows at once");
            assertEquals(100, me(alice).path("next").path("growthNeeded").asLong());
            Http.Response bad = admin.put("/api/v1/admin/membership/tiers/V3", Map.of("threshold", 50));
            assertEquals(400, bad.status(), bad.body());
            assertEquals("invalid_field", bad.errorCode());
            assertEquals("missing_field", admin.put("/api/v1/admin/membership/tiers/V9", Map.of("threshold", 50)).errorCode(),
                    "a new code adds a tier, which needs a name");
            List<String> ladder = new java.util.ArrayList<>();
            alice.get("/api/v1/membership/tiers").json().path("items").forEach(t -> ladder.add(t.path("code").asText() + "@" + t.path("threshold").asLong()));
            assertEquals("V2@100", ladder.get(1), "refused edits left the ladder as it was: " + ladder);
            assertEquals(5, ladder.size(), ladder.toString());

            purchase(p, alice, "A-1", 100_00, null);
            assertEquals("Rising", me(alice).path("tier").path("name").asText());
            purchase(p, alice, "A-2", 10_00, null);
            assertEquals(100 + 20, balance(alice, "points"), "V2's new ×2");
            JsonNode stats = admin.get("/api/v1/admin/membership/stats").json();
            assertEquals(1, stats.path("tiers").get(1).path("members").asInt());
            assertEquals(403, alice.put("/api/v1/admin/membership/tiers/V2", Map.of("threshold", 1)).status());
        }
    }

    @Test
    void anOperatorAddsATierOnTopAndRemovesItOnlyWhileItIsEmpty() {
        try (TestPlatform p = Fixture.start()) {
            Http admin = p.admin();
            Http.Response low = admin.put("/api/v1/admin/membership/tiers/V6", Map.of("name", "传奇", "threshold", 9000));
            assertEquals(400, low.status(), low.body());
            assertEquals(400, admin.put("/api/v1/admin/membership/tiers/V6", Map.of("threshold", 20000)).status(), "name needed");
            assertEquals(400, admin.put("/api/v1/admin/membership/tiers/v-6", Map.of("name", "x", "threshold", 20000)).status());
            assertEquals(5, admin.get("/api/v1/admin/membership/tiers").json().path("items").size(), "nothing half-made");
            Http.Response added = admin.put("/api/v1/admin/membership/tiers/V6", Map.of("name", "传奇", "threshold", 20000,
                    "multiplier", 3.0, "icon", "🚀", "colour", "#000000"));
            assertEquals(201, added.status(), added.body());
            assertEquals(6, added.json().path("tier").path("rank").asInt());

            Http alice = p.member("alice@kindred.test", "Alice");
            purchase(p, alice, "A-1", 20000_00, null);
            assertEquals("V6", me(alice).path("tier").path("code").asText());
            assertTrue(alice.get("/membership").body().contains("🚀"), "the icon is in the badge");
            Http.Response inUse = admin.delete("/api/v1/admin/membership/tiers/V6");
            assertEquals(409, inUse.status());
            assertEquals("tier_in_use", inUse.errorCode());
            assertEquals("not_top_tier", admin.delete("/api/v1/admin/membership/tiers/V5").errorCode());
            assertEquals(404, admin.delete("/api/v1/admin/membership/tiers/V9").status());

            Http.Response viaForm = admin.submitForm("/console/membership", "/console/membership/tiers",
                    "code", "v7", "name", "Top", "threshold", "50000");
            assertEquals(303, viaForm.status(), viaForm.body());
            assertEquals("V7", admin.get("/api/v1/admin/membership/tiers").json().path("items").get(6).path("code").asText());
            assertEquals(303, admin.submitForm("/console/membership", "/console/membership/tiers/V7/delete").status());
            assertEquals(6, admin.get("/api/v1/admin/membership/tiers").json().path("items").size());
            assertEquals(403, alice.delete("/api/v1/admin/membership/tiers/V6").status());
        }
    }

    @Test
    void anOperatorCreatesAPlanWhoseSkuActivatesIt() {
        try (TestPlatform p = Fixture.start()) {
            Http admin = p.admin();
            Http.Response r = admin.put("/api/v1/admin/membership/plans/gift_199", Map.of("name", "199 礼包",
                    "months", 12, "price", 199_00, "sku", "GIFT-199", "benefits", List.of("monthly.bonus")));
            assertEquals(200, r.status(), r.body());
            assertEquals(409, admin.put("/api/v1/admin/membership/plans/other", Map.of("name", "x", "sku", "GIFT-199")).status());
            Http alice = p.member("alice@kindred.test", "Alice");
            purchase(p, alice, "G-1", 199_00, "GIFT-199");
            assertEquals("gift_199", me(alice).path("plans").get(0).path("code").asText());
            JsonNode holders = admin.get("/api/v1/admin/membership/stats").json().path("holders");
            assertEquals(userId(alice), holders.get(0).path("userId").asLong());
            assertEquals("Alice", holders.get(0).path("displayName").asText());
        }
    }

    @Test
    void anOperatorGrantsRevokesAndPrintsActivationCodesFromTheConsole() {
        try (TestPlatform p = Fixture.start()) {
            Http admin = p.admin();
            Http alice = p.member("alice@kindred.test", "Alice");
            Http.Response granted = admin.submitForm("/console/membership", "/console/membership/grants",
                    "member", "ALICE@kindred.test", "planCode", "quarterly");
            assertEquals(303, granted.status(), granted.body());
            assertEquals("quarterly", me(alice).path("plans").get(0).path("code").asText());
            assertTrue(admin.get("/console/membership").body().contains("/console/members/" + userId(alice)));
            Http.Response unknown = admin.submitForm("/console/membership", "/console/membership/grants",
                    "member", "nobody@kindred.test", "planCode", "quarterly");
            assertEquals(404, unknown.status());
            assertTrue(unknown.body().contains("nobody@kindred.test"), "a page that says who was not found");
            Http.Response revoked = admin.submitForm("/console/membership", "/console/membership/grants/revoke",
                    "userId", String.valueOf(userId(alice)), "planCode", "quarterly");
            assertEquals(303, revoked.status(), revoked.body());
            assertEquals(0, me(alice).path("plans").size());

            Http.Response made = admin.submitForm("/console/membership", "/console/membership/codes",
                    "planCode", "annual", "count", "3", "note", "Shanghai fair");
            assertEquals(303, made.status(), made.body());
            JsonNode batches = admin.get("/api/v1/admin/membership/codes").json().path("items");
            assertEquals(1, batches.size());
            long batchId = batches.get(0).path("id").asLong();
            assertEquals("Shanghai fair", batches.get(0).path("note").asText());
            JsonNode codes = admin.get("/api/v1/admin/membership/codes/" + batchId).json().path("batch").path("codes");
            assertEquals(3, codes.size());
            String code = codes.get(0).path("code").asText();
            assertEquals(201, alice.post("/api/v1/membership/redeem", Map.of("code", code)).status());
            assertEquals(1, admin.get("/api/v1/admin/membership/codes").json().path("items").get(0).path("used").asInt());

            Http.Response csv = admin.get("/console/membership/batches/" + batchId + "/codes.csv");
            assertEquals(200, csv.status());
            String[] lines = csv.body().split("\r\n");
            assertEquals("\uFEFF\"code\",\"plan\",\"redeemed_by\",\"redeemed_at\"", lines[0]);
            assertEquals(4, lines.length, csv.body());
            assertTrue(csv.body().contains("\"" + code + "\",\"annual\",\"" + userId(alice) + "\",\"20"), csv.body());
            assertTrue(csv.headers().get("content-disposition").contains("activation-codes-" + batchId + ".csv"));
            assertEquals(404, admin.get("/console/membership/batches/999/codes.csv").status());
            assertEquals(404, admin.get("/api/v1/admin/membership/codes/999").status());
            assertEquals(400, admin.submitForm("/console/membership", "/console/membership/codes",
                    "planCode", "annual", "count", "lots").status());
            assertEquals(403, alice.get("/console/membership/batches/" + batchId + "/codes.csv").status());
            assertEquals(403, alice.get("/api/v1/admin/membership/codes").status());
        }
    }

    @Test
    void theConsolePageRendersInBothLanguages() {
        try (TestPlatform p = Fixture.start()) {
            Http admin = p.admin();
            Http alice = p.member("alice@kindred.test", "Alice");
            admin.post("/api/v1/admin/membership/grants", Map.of("userId", userId(alice), "planCode", "annual"));
            for (String lang : List.of("en", "zh-CN")) {
                admin.header("Accept-Language", lang);
                Http.Response r = admin.get("/console/membership");
                assertEquals(200, r.status(), r.body());
                assertTrue(r.body().contains(lang.equals("en") ? "Members per tier" : "各等级会员数"), r.body());
                assertTrue(r.body().contains("Alice"), r.body());
                assertFalse(r.body().contains("membership.console"), lang + " has a missing text");
            }
            assertEquals(403, alice.get("/console/membership").status());
        }
    }
}
