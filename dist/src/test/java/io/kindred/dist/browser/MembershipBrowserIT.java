package io.kindred.dist.browser;

import io.kindred.testkit.Browser;
import io.kindred.testkit.Http;
import io.kindred.testkit.TestPlatform;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 6: after a purchase the member sees their tier, the progress to the next tier and their benefits. */
class MembershipBrowserIT {

    @Test
    void aMemberSeesTierProgressAndBenefitsAfterAPurchase() {
        Browser.requireChromium();
        try (TestPlatform p = TestPlatform.builder().start(); Browser b = Browser.open(Browser.PHONE)) {
            WebDriver d = b.driver();
            b.signUp(p.baseUrl(), "Lin", "lin@example.com", "member-password-1");

            Http.Response r = p.admin().post("/api/v1/admin/purchases", Map.of("email", "lin@example.com",
                    "externalOrderId", "SHOP-1001", "amount", 600_00, "currency", "CNY"));
            assertEquals(201, r.status(), r.body());
            p.awaitEvents();

            d.get(p.baseUrl() + "/");
            assertTrue(d.findElement(By.id("membership-tier")).getText().contains("V2"));
            assertEquals("600", d.findElement(By.id("membership-growth")).getText().trim());
            assertEquals("6", d.findElement(By.id("membership-progress")).getAttribute("value"));
            assertTrue(d.findElement(By.id("membership-benefits")).getText().length() > 0);

            d.get(p.baseUrl() + "/membership");
            assertTrue(d.findElement(By.id("membership-tier")).getText().contains("V2"));
            assertTrue(d.findElements(By.cssSelector("#membership-benefits li")).size() >= 2, "V2 has two benefits");
            b.assertFits("/membership on a phone");
            org.openqa.selenium.WebElement firstTier = d.findElement(By.cssSelector("#membership-tiers tbody td"));
            assertTrue(firstTier.getSize().getWidth() > 250 && firstTier.getSize().getHeight() < 60,
                    "on a phone each tier is a card, its name on one line, not one character per line: " + firstTier.getSize());
            b.screenshot(Path.of("target/screenshots/membership-phone.png"));
        }
    }
}
