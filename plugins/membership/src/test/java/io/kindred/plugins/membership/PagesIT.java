package io.kindred.plugins.membership;

import io.kindred.testkit.Http;
import io.kindred.testkit.TestPlatform;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.kindred.plugins.membership.Fixture.purchase;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The membership page and home widget: rendered in both languages, redeeming a code without JavaScript. */
class PagesIT {

    @Test
    void theMemberSeesTierProgressAndBenefitsAfterAPurchaseInBothLanguages() {
        try (TestPlatform p = Fixture.start()) {
            Http alice = p.member("alice@kindred.test", "Alice");
            purchase(p, alice, "A-1", 600_00, null);
            for (String lang : List.of("en", "zh-CN")) {
                alice.header("Accept-Language", lang);
                for (String path : List.of("/", "/membership")) {
                    Http.Response r = alice.get(path);
                    assertEquals(200, r.status(), lang + " " + path + ": " + r.body());
                    String body = r.body();
                    assertTrue(body.contains("id=\"membership-tier\""), lang + " " + path);
                    assertTrue(body.contains(lang.equals("en") ? "V2 · Rising member" : "V2 · 社区新秀"), lang + " " + path);
                    assertFalse(lang.equals("en") && body.contains("社区"), "an English page shows English tier names: " + path);
                    assertTrue(body.contains("id=\"membership-growth\">600<"), lang + " " + path);
                    assertTrue(body.contains("id=\"membership-progress\" class=\"progress-bar\" max=\"100\" value=\"6\""), lang + " " + path + body);
                    assertTrue(body.contains(lang.equals("en") ? "Birthday bonus points" : "生日积分礼"), lang + " " + path);
                    assertFalse(body.contains("membership."), lang + " " + path + " has a missing text: " + body);
                    assertFalse(body.contains(" style=\""), "the Content-Security-Policy refuses style attributes");
                }
            }
        }
    }

    @Test
    void myPointsShowsGrowthAsProgressNotAsABalanceToSpendNorInThePointsHistory() {
        try (TestPlatform p = Fixture.start()) {
            Http alice = p.member("alice@kindred.test", "Alice");
            purchase(p, alice, "A-1", 600_00, null);
            String page = alice.header("Accept-Language", "en").get("/points").body();
            assertTrue(page.contains("data-asset=\"points\""), page);
            assertFalse(page.contains("data-asset=\"growth\""), "growth is not a balance: " + page);
            assertTrue(page.contains("id=\"progress-growth\"") && page.contains("Your growth value: 600."), page);
            String history = page.substring(page.indexOf("class=\"history\""));
            assertTrue(history.contains("points"), history);
            assertFalse(history.contains("growth value"), "the history is of points, not growth: " + history);
        }
    }

    @Test
    void theAccountPageShowsTheMemberCardAndGoesOnWithoutTheMembershipPlugin() {
        try (TestPlatform p = Fixture.start()) {
            Http alice = p.member("alice@kindred.test", "Alice");
            purchase(p, alice, "A-1", 600_00, null);
            assertEquals(201, p.admin().post("/api/v1/admin/membership/grants",
                    Map.of("userId", Fixture.userId(alice), "planCode", "monthly")).status());
            for (String lang : List.of("en", "zh-CN")) {
                alice.header("Accept-Language", lang);
                String body = alice.get("/account").body();
                assertTrue(body.contains("id=\"section-membership\""), lang + body);
                assertTrue(body.contains(lang.equals("en") ? "Membership card" : "会员卡"), lang);
                assertTrue(body.contains(lang.equals("en") ? "V2 · Rising member" : "V2 · 社区新秀"), lang);
                assertTrue(body.contains("id=\"membership-progress\""), lang);
                assertTrue(body.contains(lang.equals("en") ? "Monthly bonus points" : "每月赠送积分"), lang);
                assertTrue(body.contains(lang.equals("en") ? "Monthly card · until " : "普通月卡 · "), lang + body);
                assertTrue(body.indexOf("id=\"section-membership\"") < body.indexOf("id=\"profile\""), "above the forms");
                assertFalse(body.contains("membership."), lang + " has a missing text");
            }
            assertEquals(200, p.admin().post("/api/v1/admin/plugins/membership/disable", Map.of()).status());
            Http.Response without = alice.get("/account");
            assertEquals(200, without.status());
            assertFalse(without.body().contains("section-membership"));
        }
    }

    @Test
    void aMemberStartsAFreeTrialFromTheMembershipPageOnce() {
        try (TestPlatform p = Fixture.start()) {
            assertEquals(200, p.admin().put("/api/v1/admin/membership/plans/monthly_plus", Map.of("trialDays", 7)).status());
            Http alice = p.member("alice@kindred.test", "Alice");
            alice.header("Accept-Language", "zh-CN");
            String page = alice.get("/membership").body();
            assertTrue(page.contains("action=\"/membership/plans/monthly_plus/trial\""), page);
            assertTrue(page.contains("免费试用 7 天"));
            assertFalse(page.contains("/membership/plans/monthly/trial"), "only cards with a trial");
            Http.Response started = alice.submitForm("/membership", "/membership/plans/monthly_plus/trial");
            assertEquals(303, started.status(), started.body());
            assertTrue(started.headers().get("location").endsWith("notice=membership.trial_started"));
            assertEquals("monthly_plus", Fixture.me(alice).path("plans").get(0).path("code").asText());
            assertFalse(alice.get("/membership").body().contains("/membership/plans/monthly_plus/trial"), "once");
            Http.Response again = alice.submitForm("/membership", "/membership/plans/monthly_plus/trial");
            assertTrue(again.headers().get("location").endsWith("notice=membership.trial_used"));
            Http.Response none = alice.submitForm("/membership", "/membership/plans/monthly/trial");
            assertTrue(none.headers().get("location").endsWith("notice=membership.no_trial"));
            assertTrue(alice.get("/membership?notice=membership.trial_used").body().contains("免费试用仅限从未持有该会员卡的会员"));
        }
    }

    @Test
    void theConsoleDrawsMembersPerTierWithTheChartWebJarAndKeepsATable() {
        try (TestPlatform p = Fixture.start()) {
            Http alice = p.member("alice@kindred.test", "Alice");
            Http bob = p.member("bob@kindred.test", "Bob");
            purchase(p, alice, "A-1", 600_00, null);
            purchase(p, bob, "B-1", 10_00, null);
            String page = p.admin().get("/console/membership").body();
            assertTrue(page.contains("<script src=\"/webjars/chart.js/dist/chart.umd.min.js\""), page);
            assertTrue(page.contains("<script src=\"/assets/bar-chart.js\""));
            assertTrue(page.contains("class=\"bar-chart\""));
            assertTrue(page.contains("data-labels=\"V1,V2,V3,V4,V5\" data-values=\"2,1,0,0,0\""), page);
            assertTrue(page.contains("data-colours=\"#9e9e9e,#4caf50,#2196f3,#9c27b0,#ff9800\""), page);
            assertEquals(200, p.http().get("/webjars/chart.js/dist/chart.umd.min.js").status());
            assertEquals(200, p.http().get("/assets/bar-chart.js").status());
        }
    }

    @Test
    void aCodeIsRedeemedFromTheMembershipPageWithoutJavaScript() {
        try (TestPlatform p = Fixture.start()) {
            Http.Response b = p.admin().post("/api/v1/admin/membership/codes", Map.of("planCode", "annual", "count", 1));
            String code = b.json().path("batch").path("codes").get(0).asText();
            Http alice = p.member("alice@kindred.test", "Alice");
            Http.Response first = alice.submitForm("/membership", "/membership/redeem", "code", code);
            assertEquals(303, first.status(), first.body());
            assertTrue(location(first).contains("notice=membership.redeemed"), location(first));
            assertTrue(alice.get("/membership").body().contains("Annual card"));
            Http.Response again = alice.submitForm("/membership", "/membership/redeem", "code", code);
            assertTrue(location(again).contains("notice=membership.code_already_used"));
            String page = alice.get("/membership?notice=membership.code_already_used").body();
            assertTrue(page.contains("This activation code has already been used."), page);
        }
    }

    private static String location(Http.Response r) {
        return r.headers().entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase("location"))
                .map(Map.Entry::getValue).findFirst().orElse("");
    }
}
