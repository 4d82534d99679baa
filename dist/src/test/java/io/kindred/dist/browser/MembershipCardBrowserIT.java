package io.kindred.dist.browser;

import io.kindred.testkit.Browser;
import io.kindred.testkit.Http;
import io.kindred.testkit.TestPlatform;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 6 in the browser: the member card on the account page (with a paid card and its end date), and the
 * operator's members-per-tier chart drawn by Chart.js from the WebJar.
 */
class MembershipCardBrowserIT {

    @Test
    void theMemberCardIsOnTheAccountPageAndTheConsoleDrawsMembersPerTier() {
        Browser.requireChromium();
        try (TestPlatform p = TestPlatform.builder().start(); Browser b = Browser.open(Browser.PHONE)) {
            Http admin = p.admin();
            Http lin = p.member("lin@example.com", "Lin");
            assertEquals(201, admin.post("/api/v1/admin/purchases", Map.of("email", "lin@example.com",
                    "externalOrderId", "SHOP-2001", "amount", 2500_00, "currency", "CNY")).status());
            long linId = lin.get("/api/v1/me").json().path("user").path("id").asLong();
            assertEquals(201, admin.post("/api/v1/admin/membership/grants",
                    Map.of("userId", linId, "planCode", "annual")).status());
            p.member("mo@example.com", "Mo");
            p.awaitEvents();

            WebDriver d = b.driver();
            b.signIn(p.baseUrl(), "lin@example.com", "member-password-1");
            d.get(p.baseUrl() + "/account");
            var card = d.findElement(By.id("section-membership"));
            assertTrue(card.findElement(By.id("membership-tier")).getText().contains("V3"), card.getText());
            assertEquals("2500", card.findElement(By.id("membership-growth")).getText().trim());
            assertTrue(card.findElements(By.cssSelector("#membership-benefits li")).size() >= 3, card.getText());
            assertTrue(card.findElement(By.id("membership-plans")).getText().contains("Annual card"), card.getText());
            b.screenshot(Path.of("target/screenshots/account-membership-phone.png"));

            d.manage().deleteAllCookies();
            b.signIn(p.baseUrl(), TestPlatform.ADMIN_EMAIL, TestPlatform.ADMIN_PASSWORD);
            d.get(p.baseUrl() + "/console/membership");
            Object bars = ((JavascriptExecutor) d).executeScript("""
                    var c = window.Chart && window.Chart.getChart(document.getElementById('membership-chart'));
                    return c ? c.data.datasets[0].data.join(',') : null;""");
            assertEquals("2,0,1,0,0", bars, "Chart.js drew V1..V5: Lin at V3, Mo and the administrator at V1");
            b.screenshot(Path.of("target/screenshots/console-membership-phone.png"));
        }
    }
}
