package io.kindred.plugins.membership;

import com.fasterxml.jackson.databind.JsonNode;
import io.kindred.plugins.membership.fake.PerkPlugin;
import io.kindred.testkit.Http;
import io.kindred.testkit.PluginJars;
import io.kindred.testkit.TestPlatform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static io.kindred.plugins.membership.Fixture.me;
import static io.kindred.plugins.membership.Fixture.purchase;
import static io.kindred.plugins.membership.Fixture.userId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The benefit registry of kindred-api: another plugin offers a benefit, the operator puts it on a tier or
 * plan, members see it in their language and the offering plugin asks {@code hasBenefit}; a benefit of a
 * disabled plugin stays on the plan but is neither shown nor offered until it is back.
 */
class BenefitsIT {

    @TempDir
    Path dir;

    private TestPlatform start() {
        return TestPlatform.builder().plugin(Fixture.JAR).plugin(PluginJars.build(dir, "perk", PerkPlugin.class)).start();
    }

    @Test
    void anotherPluginsBenefitIsPutOnAPlanShownInTheMembersLanguageAndAnswered() {
        try (TestPlatform p = start()) {
            Http admin = p.admin();
            Http alice = p.member("alice@kindred.test", "Alice");
            JsonNode perk = alice.get("/api/v1/perk").json();
            assertEquals(java.util.Set.of("points.multiplier", "checkin.bonus", "birthday.bonus", "monthly.bonus", "perk.lounge"),
                    java.util.Set.copyOf(toList(perk.path("offered"))));
            assertFalse(perk.path("has").asBoolean());

            Http.Response put = admin.put("/api/v1/admin/membership/plans/lounge_card", Map.of("name", "Lounge card",
                    "months", 1, "price", 9_00, "sku", "LOUNGE", "benefits", List.of("perk.lounge", "monthly.bonus")));
            assertEquals(200, put.status(), put.body());
            purchase(p, alice, "L-1", 9_00, "LOUNGE");
            assertTrue(alice.get("/api/v1/perk").json().path("has").asBoolean());

            alice.header("Accept-Language", "en");
            JsonNode benefits = me(alice).path("benefits");
            assertTrue(benefits.toString().contains("{\"code\":\"perk.lounge\",\"name\":\"Lounge access\"}"), benefits.toString());
            alice.header("Accept-Language", "zh-CN");
            assertTrue(me(alice).path("benefits").toString().contains("贵宾休息室"));
            assertTrue(alice.get("/membership").body().contains("贵宾休息室"));

            // The perk plugin is switched off: the plan keeps the code, members no longer see it, and it is back
            // with the plugin.
            assertEquals(200, admin.post("/api/v1/admin/plugins/perk/disable", Map.of()).status());
            assertFalse(me(alice).path("benefits").toString().contains("perk.lounge"));
            assertTrue(admin.get("/api/v1/admin/membership/plans").body().contains("perk.lounge"));
            String console = admin.get("/console/membership").body();
            assertTrue(console.contains("value=\"perk.lounge\" checked"), "kept on the plan's form");
            assertTrue(console.contains("not offered now"), "and marked as not offered");
            // Saving the plan with the code still on it is allowed; adding it to another one is not.
            assertEquals(200, admin.put("/api/v1/admin/membership/plans/lounge_card",
                    Map.of("benefits", List.of("perk.lounge"))).status());
            Http.Response refused = admin.put("/api/v1/admin/membership/tiers/V1", Map.of("benefits", List.of("perk.lounge")));
            assertEquals(400, refused.status(), refused.body());
            assertEquals("unknown_benefit", refused.errorCode());
            assertEquals(200, admin.post("/api/v1/admin/plugins/perk/enable", Map.of()).status());
            alice.header("Accept-Language", "en");
            assertTrue(me(alice).path("benefits").toString().contains("Lounge access"));
        }
    }

    @Test
    void unknownOrMalformedBenefitCodesAreRefusedAndNothingChanges() {
        try (TestPlatform p = start()) {
            Http admin = p.admin();
            for (Object bad : List.of(List.of("nope.nothing"), List.of("distribution.rights"), List.of("typo.perk"))) {
                Http.Response r = admin.put("/api/v1/admin/membership/tiers/V2", Map.of("benefits", bad));
                assertEquals(400, r.status(), r.body());
                assertEquals("unknown_benefit", r.errorCode());
                Http.Response plan = admin.put("/api/v1/admin/membership/plans/x_plan", Map.of("name", "X", "benefits", bad));
                assertEquals(400, plan.status(), plan.body());
            }
            Http.Response text = admin.put("/api/v1/admin/membership/tiers/V2", Map.of("benefits", "typo.perk"));
            assertEquals("invalid_field", text.errorCode(), "benefits is a list: " + text.body());
            JsonNode v2 = admin.get("/api/v1/admin/membership/tiers").json().path("items").get(1);
            assertEquals("[\"points.multiplier\",\"birthday.bonus\"]", v2.path("benefits").toString());
            assertFalse(admin.get("/api/v1/admin/membership/plans").body().contains("x_plan"));
            // The shipped advanced cards list distribution.rights: without a distribution plugin it is kept
            // on them but shown to nobody.
            Http alice = p.member("alice@kindred.test", "Alice");
            assertEquals(201, admin.post("/api/v1/admin/membership/grants",
                    Map.of("userId", userId(alice), "planCode", "annual_plus")).status());
            String mine = me(alice).path("benefits").toString();
            assertFalse(mine.contains("distribution.rights"), mine);
            assertTrue(mine.contains("monthly.bonus"), mine);
        }
    }

    @Test
    void theConsoleFormTicksBenefitsOnAndOff() {
        try (TestPlatform p = start()) {
            Http admin = p.admin();
            Http.Response on = admin.submitForm("/console/membership", "/console/membership/tiers/V3",
                    "name", "社区达人", "benefitsShown", "1", "benefits", "points.multiplier", "benefits", "perk.lounge");
            assertEquals(303, on.status(), on.body());
            assertEquals("[\"points.multiplier\",\"perk.lounge\"]",
                    admin.get("/api/v1/admin/membership/tiers").json().path("items").get(2).path("benefits").toString());
            Http.Response none = admin.submitForm("/console/membership", "/console/membership/tiers/V3",
                    "name", "社区达人", "benefitsShown", "1");
            assertEquals(303, none.status(), none.body());
            assertEquals("[]", admin.get("/api/v1/admin/membership/tiers").json().path("items").get(2).path("benefits").toString());
            Http.Response bad = admin.submitForm("/console/membership", "/console/membership/plans/monthly",
                    "name", "月卡", "benefitsShown", "1", "benefits", "made.up");
            assertEquals(400, bad.status(), bad.body());
            assertTrue(bad.body().contains("made.up"), "the page says which benefit: " + bad.body());
        }
    }

    private static List<String> toList(JsonNode array) {
        List<String> out = new java.util.ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
