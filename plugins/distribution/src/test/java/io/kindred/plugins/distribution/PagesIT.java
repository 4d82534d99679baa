package io.kindred.plugins.distribution;

import io.kindred.testkit.Browser;
import io.kindred.testkit.Http;
import io.kindred.testkit.MutableClock;
import io.kindred.testkit.TestPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static io.kindred.plugins.distribution.Fixture.code;
import static io.kindred.plugins.distribution.Fixture.grant;
import static io.kindred.plugins.distribution.Fixture.member;
import static io.kindred.plugins.distribution.Fixture.purchase;
import static io.kindred.plugins.distribution.Fixture.userId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The member and console pages: rendered in both languages, names masked, forms that work without JavaScript, a browser. */
class PagesIT {

    private static final Pattern MISSING_TEXT = Pattern.compile("distribution\\.[a-z]+\\.[A-Za-z_.]+");
    private static MutableClock clock;
    private static TestPlatform p;
    private static Http admin;
    private static Http api;

    @BeforeAll
    static void start() {
        clock = Fixture.clock();
        p = Fixture.platform(clock).start();
        admin = p.admin();
        api = p.apiClient("shop");
    }

    @AfterAll
    static void stop() {
        p.close();
    }

    @Test
    void everyPageRendersInEnglishAndChineseWithoutMissingTexts() {
        Http amy = member(p, "amy@kindred.test", "Amy", null);
        grant(admin, userId(amy));
        Http fan = member(p, "zed@kindred.test", "Zed Zebra", code(amy));
        purchase(p, api, userId(fan), "PG-1", 30_00);
        List<String> memberPages = List.of("/invite", "/invite/team", "/invite/earnings", "/invite/withdraw", "/account",
                "/notifications", "/");
        List<String> consolePages = List.of("/console/distribution", "/console/distribution/levels",
                "/console/distribution/commissions", "/console/distribution/commissions?status=frozen",
                "/console/distribution/withdrawals", "/console/distribution/suspicious");
        for (String lang : List.of("en", "zh-CN")) {
            amy.header("Accept-Language", lang);
            admin.header("Accept-Language", lang);
            for (String path : memberPages) {
                assertRendered(amy.get(path), lang + " " + path, lang.equals("en") ? "Invite friends" : "邀请好友");
            }
            for (String path : consolePages) {
                assertRendered(admin.get(path), lang + " " + path, lang.equals("en") ? "Distribution" : "分销");
            }
        }
        amy.header("Accept-Language", "en");
        String team = amy.get("/invite/team").body();
        assertTrue(team.contains("Z***"), team);
        assertFalse(team.contains("Zed Zebra"), "fans' names are masked");
        assertTrue(amy.get("/invite/earnings").body().contains("3.00 CNY"));
        assertEquals(400, admin.get("/console/distribution/commissions?status=lost").status(), "a bad filter is a 400, not a 500");
    }

    @Test
    void membersWithdrawAndOperatorsDecideThroughFormsWithoutJavaScript() {
        Http bea = member(p, "bea@kindred.test", "Bea", null);
        assertEquals(303, admin.submitForm("/console/distribution", "/console/distribution/grants",
                "member", "bea@kindred.test", "note", "KOL").status());
        Http fan = member(p, "bea-fan@kindred.test", "Fan", code(bea));
        purchase(p, api, userId(fan), "PG-2", 500_00);
        Fixture.releaseAfterRefundWindow(p, clock, admin);

        Http.Form form = bea.form("/invite/withdraw");
        Http.Response asked = form.submit("/invite/withdraw", "key", form.field("key"), "amount", "12.50",
                "method", "alipay", "account", "bea.pay@example.test");
        assertEquals(303, asked.status(), asked.body());
        Http.Response twice = form.submit("/invite/withdraw", "key", form.field("key"), "amount", "12.50",
                "method", "alipay", "account", "bea.pay@example.test");
        assertEquals(303, twice.status(), "a double click asks once");
        String mine = bea.get("/invite/withdraw").body();
        assertTrue(mine.contains("12.50 CNY") && mine.contains("****test"), mine);
        assertEquals(37_50, Fixture.available(bea));
        Http.Response tooSmall = bea.form("/invite/withdraw").submit("/invite/withdraw", "amount", "1", "method", "bank",
                "account", "62220000");
        assertEquals(200, tooSmall.status());
        assertTrue(tooSmall.body().contains("smallest withdrawal"), tooSmall.body());

        long id = bea.get("/api/v1/distribution/withdrawals").json().path("items").get(0).path("id").asLong();
        assertEquals(303, admin.submitForm("/console/distribution/withdrawals", "/console/distribution/withdrawals/" + id,
                "action", "approve").status());
        assertEquals(303, admin.submitForm("/console/distribution/withdrawals", "/console/distribution/withdrawals/" + id,
                "action", "pay", "reference", "ALI-2026-1").status());
        assertTrue(admin.get("/console/distribution/withdrawals?status=paid").body().contains("ALI-2026-1"));
        Http.Response levels = admin.submitForm("/console/distribution/levels", "/console/distribution/levels", Map.of(
                "code0", "bronze", "name0", "Bronze", "minFans0", "0", "minTeamSales0", "0", "rate1_0", "1100", "rate2_0", "300"));
        assertEquals(303, levels.status());
        assertEquals(1100, admin.get("/api/v1/admin/distribution/levels").json().path("levels").get(0).path("rates").get(0).asInt());
        assertEquals(List.of("distribution.withdrawal_paid", "distribution.withdrawal_approved"),
                Fixture.auditActions(admin, "distribution:withdrawal:" + id), "the console's acts are audited as the API's");
        String ladder = Fixture.audit(admin, "distribution:levels").get(0).path("detail").asText();
        assertTrue(ladder.contains("Bronze") && ladder.contains("11% / 3%"), ladder);
        admin.put("/api/v1/admin/distribution/levels", Map.of("levels", List.of(
                Map.of("code", "bronze", "name", "Bronze", "minFans", 0, "minTeamSales", 0, "rates", List.of(1000, 300)),
                Map.of("code", "silver", "name", "Silver", "minFans", 10, "minTeamSales", 0, "rates", List.of(1200, 400)),
                Map.of("code", "gold", "name", "Gold", "minFans", 50, "minTeamSales", 1_000_000, "rates", List.of(1500, 500)))));
    }

    @Test
    void aFriendOpensTheInviteLinkSignsUpBuysAndTheSharerSeesTheFrozenCommissionInABrowser() {
        Browser.requireChromium();
        Http sam = member(p, "sam@kindred.test", "Sam", null);
        grant(admin, userId(sam));
        String link = Fixture.me(sam).path("link").asText();
        try (Browser b = Browser.open(Browser.PHONE)) {
            b.driver().get(link);
            b.submitSignUp("Tia", "tia@kindred.test", Fixture.PASSWORD);
            p.awaitEvents();
            long tia = p.kindred().users.byEmail("tia@kindred.test").orElseThrow().id();
            purchase(p, api, tia, "BROWSER-1", 88_00);

            b.driver().manage().deleteAllCookies();
            b.signIn(p.baseUrl(), "sam@kindred.test", Fixture.PASSWORD);
            b.open(p.baseUrl(), "/invite/earnings");
            assertEquals("8.80 CNY", b.driver().findElement(By.id("commission-frozen")).getText());
            assertTrue(b.driver().findElement(By.id("history")).getText().contains("Frozen"));
            b.open(p.baseUrl(), "/invite");
            assertTrue(b.driver().findElement(By.cssSelector("#invite button[data-copy]")).isDisplayed(), "the copy script shows its button");
            assertEquals(link, b.driver().findElement(By.id("invite-link")).getAttribute("value"));
        }
    }

    private static void assertRendered(Http.Response r, String what, String word) {
        assertEquals(200, r.status(), what + ": " + r.body());
        assertTrue(r.body().contains(word), what + " shows '" + word + "'");
        assertFalse(MISSING_TEXT.matcher(r.body()).find(), what + " has a missing text: " + r.body());
    }

    @Test
    void pagesFitAPhoneAndADesktopInBothLanguagesWithoutSidewaysScrolling() {
        Browser.requireChromium();
        List<String> paths = List.of("/invite", "/invite/team", "/invite/earnings", "/invite/withdraw", "/console/distribution",
                "/console/distribution/levels", "/console/distribution/commissions", "/console/distribution/withdrawals",
                "/console/distribution/suspicious");
        // An operator of its own: switching the language is saved on the account, which other tests must not see.
        Http viewer = member(p, "layout@kindred.test", "Layout", null);
        assertEquals(200, admin.put("/api/v1/admin/users/" + userId(viewer) + "/roles", Map.of("roles", List.of("operator"))).status());
        for (org.openqa.selenium.Dimension size : List.of(Browser.PHONE, new org.openqa.selenium.Dimension(1280, 800))) {
            try (Browser b = Browser.open(size)) {
                var d = b.driver();
                b.signIn(p.baseUrl(), "layout@kindred.test", Fixture.PASSWORD);
                for (String lang : List.of("en", "zh-CN")) {
                    b.open(p.baseUrl(), "/invite");
                    new org.openqa.selenium.support.ui.Select(d.findElement(By.id("lang-select"))).selectByValue(lang);
                    b.clickAndWait(d.findElement(By.cssSelector("form.lang-switch button")));
                    for (String path : paths) {
                        b.open(p.baseUrl(), path);
                        Object overflow = ((org.openqa.selenium.JavascriptExecutor) d).executeScript(
                                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
                        assertEquals(0L, ((Number) overflow).longValue(), size + " " + lang + " " + path + " scrolls sideways");
                    }
                }
            }
        }
    }
}
