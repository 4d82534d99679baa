package io.kindred.dist.browser;

import io.kindred.testkit.Browser;
import io.kindred.testkit.TestPlatform;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;


import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 5: a member checks in from the home widget and sees the streak and the new balance. */
class CheckinBrowserIT {

    @Test
    void aMemberChecksInFromTheHomeWidgetAndSeesTheStreakAndTheNewBalance() {
        Browser.requireChromium();
        try (TestPlatform p = TestPlatform.builder().start(); Browser b = Browser.open(Browser.PHONE)) {
            WebDriver d = b.driver();
            b.signUp(p.baseUrl(), "Chen", "chen@example.com", "member-password-1");
            p.awaitEvents();
            d.get(p.baseUrl() + "/");

            long before = Long.parseLong(d.findElement(By.id("checkin-balance")).getText().trim());
            assertEquals("0", d.findElement(By.id("checkin-streak")).getText().trim());
            b.clickAndWait(d.findElement(By.id("checkin-button")));

            assertEquals("1", d.findElement(By.id("checkin-streak")).getText().trim());
            long after = Long.parseLong(d.findElement(By.id("checkin-balance")).getText().trim());
            assertTrue(after > before, "the balance grew from " + before + " to " + after);
            assertEquals(0, d.findElements(By.id("checkin-button")).size(), "no second check-in button today");
            b.tourShot("checkin-home-phone");
        }
    }
}
