package io.kindred.dist.browser;

import io.kindred.testkit.Browser;
import io.kindred.testkit.Http;
import io.kindred.testkit.TestPlatform;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 4 in a real Chromium: a visitor follows an invite link, signs up, signs in, sees their points and
 * edits their profile; an operator adjusts that member's points with a reason and the member sees both; the
 * operator disables a plugin and its nav entry and widget disappear. Screenshots of the main pages at phone
 * and desktop sizes go to target/screenshots (the tour in docs/ uses them).
 */
class MemberAndOperatorJourneyIT {


    @Test
    void inviteSignupPointsProfileAdjustmentAndPluginSwitch() {
        Browser.requireChromium();
        try (TestPlatform p = TestPlatform.builder().start();
             Browser member = Browser.open(Browser.PHONE);
             Browser operator = Browser.open(Browser.DESKTOP)) {
            Http inviter = p.member("lin@example.com", "Lin");
            String code = inviter.get("/api/v1/me").json().path("user").path("referralCode").asText();

            // A visitor opens the invite link and signs up.
            WebDriver m = member.driver();
            m.get(p.baseUrl() + "/signup?ref=" + code);
            assertTrue(m.findElement(By.cssSelector(".invite")).getText().contains("Lin"), "the inviter is named");
            member.submitSignUp("Mei", "mei@example.com", "member-password-1");
            p.awaitEvents();
            assertEquals(code, p.kindred().users.byEmail("mei@example.com").orElseThrow().referredByCode(),
                    "the invite code was carried through sign-up");

            // Signs out from Me (the tab bar's last tab on a phone) and in again.
            member.clickAndWait(m.findElement(By.cssSelector(".tabbar a[href='/me']")));
            member.clickAndWait(m.findElement(By.cssSelector(".me-signout button")));
            member.signIn(p.baseUrl(), "mei@example.com", "member-password-1");
            assertTrue(m.findElement(By.cssSelector(".greeting")).getText().contains("Mei"));

            // Sees the points.
            m.get(p.baseUrl() + "/points");
            assertEquals("50", pointsBalance(m));

            // Edits the profile.
            m.get(p.baseUrl() + "/account");
            WebElement name = m.findElement(By.name("displayName"));
            name.clear();
            name.sendKeys("Mei Chen");
            m.findElement(By.name("birthday")).sendKeys("05171994");
            member.clickAndWait(m.findElement(By.cssSelector("form[action='/account'] button[type=submit]")));
            assertEquals("Mei Chen", m.findElement(By.name("displayName")).getAttribute("value"));
            assertEquals("Mei Chen", p.kindred().users.byEmail("mei@example.com").orElseThrow().displayName());

            // The operator adjusts her points with a reason.
            WebDriver o = operator.driver();
            operator.signIn(p.baseUrl(), TestPlatform.ADMIN_EMAIL, TestPlatform.ADMIN_PASSWORD);
            o.get(p.baseUrl() + "/console/members?query=mei%40example.com");
            operator.clickAndWait(o.findElement(By.linkText("Mei Chen")));
            o.findElement(By.name("amount")).sendKeys("25");
            o.findElement(By.name("reason")).sendKeys("Thank you for the product feedback");
            operator.clickAndWait(o.findElement(By.cssSelector("form.adjust button[type=submit]")));

            m.get(p.baseUrl() + "/points");
            assertEquals("75", pointsBalance(m));
            assertTrue(m.findElement(By.cssSelector(".history")).getText().contains("Thank you for the product feedback"),
                    "the member sees the operator's reason");

            // Screenshots for the tour, phone and desktop.
            for (Dimension size : List.of(Browser.PHONE, Browser.DESKTOP)) {
                String tag = size.equals(Browser.PHONE) ? "phone" : "desktop";
                try (Browser shot = Browser.open(size)) {
                    shot.signIn(p.baseUrl(), "mei@example.com", "member-password-1");
                    shoot(shot, p, "/", "home-" + tag);
                    shoot(shot, p, "/account", "account-" + tag);
                    shoot(shot, p, "/points", "points-" + tag);
                }
                try (Browser shot = Browser.open(size)) {
                    shot.signIn(p.baseUrl(), TestPlatform.ADMIN_EMAIL, TestPlatform.ADMIN_PASSWORD);
                    shoot(shot, p, "/console", "console-dashboard-" + tag);
                    shoot(shot, p, "/console/members", "console-members-" + tag);
                }
            }

            // The operator disables the welcome plugin: its nav entry and widget vanish for the member.
            m.get(p.baseUrl() + "/");
            assertTrue(hasNavEntry(m, "/welcome"));
            assertFalse(m.findElements(By.id("widget-welcome")).isEmpty());
            o.get(p.baseUrl() + "/console/plugins");
            WebElement disable = o.findElement(By.cssSelector("form[action='/console/plugins/welcome/disable'] button"));
            disable.click();
            new WebDriverWait(o, Duration.ofSeconds(5)).until(ExpectedConditions.alertIsPresent()).accept();
            operator.waitForNextPage(disable);
            m.get(p.baseUrl() + "/");
            assertFalse(hasNavEntry(m, "/welcome"), "the plugin's nav entry is gone");
            assertTrue(m.findElements(By.id("widget-welcome")).isEmpty(), "the plugin's widget is gone");
            assertEquals(404, p.http().get("/api/v1/welcome/me").status());
        }
    }

    private static String pointsBalance(WebDriver d) {
        return d.findElement(By.cssSelector(".balance .amount[data-asset='points']")).getText().trim();
    }

    private static boolean hasNavEntry(WebDriver d, String path) {
        return !d.findElements(By.cssSelector(".nav a[href='" + path + "']")).isEmpty();
    }

    private static void shoot(Browser b, TestPlatform p, String path, String name) {
        b.driver().get(p.baseUrl() + path);
        b.tourShot(name);
    }
}
