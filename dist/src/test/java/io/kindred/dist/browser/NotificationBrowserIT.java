package io.kindred.dist.browser;

import io.kindred.testkit.Browser;
import io.kindred.testkit.Http;
import io.kindred.testkit.TestPlatform;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 13 in a real Chromium: the bell counts the notification of a shipped redemption; opening it marks it read. */
class NotificationBrowserIT {

    static final Path SHOTS = Path.of("target/screenshots");

    @Test
    void theBellShowsTheUnreadCountAfterARedemptionShipsAndOpeningItMarksItRead() {
        Browser.requireChromium();
        try (TestPlatform p = TestPlatform.builder().start(); Browser member = Browser.open(Browser.PHONE)) {
            Http.Response created = p.admin().post("/api/v1/admin/shop/items", Map.of("name", "Brand doll",
                    "kind", "physical", "pricePoints", 100, "stock", 5));
            assertEquals(201, created.status(), created.body());
            long itemId = created.json().path("item").path("id").asLong();
            Http mei = p.member("mei@example.com", "Mei");
            long userId = mei.get("/api/v1/me").json().path("user").path("id").asLong();
            assertEquals(201, p.apiClient("b").post("/api/v1/admin/ledger/adjustments", Map.of("userId", userId,
                    "asset", "points", "amount", 500, "reason", "adjustment")).status());
            Http.Response redeemed = mei.post("/api/v1/shop/redemptions", Map.of("itemId", itemId, "quantity", 1,
                    "shippingAddress", "8 West Lake Rd, Hangzhou"));
            assertEquals(201, redeemed.status(), redeemed.body());
            long redemption = redeemed.json().path("redemption").path("id").asLong();

            WebDriver m = member.driver();
            member.signIn(p.baseUrl(), "mei@example.com", "member-password-1");
            m.get(p.baseUrl() + "/");
            assertTrue(m.findElements(By.cssSelector(".bell .count")).isEmpty(), "nothing unread yet");

            assertEquals(200, p.admin().post("/api/v1/admin/shop/redemptions/" + redemption + "/ship",
                    Map.of("carrier", "SF Express", "trackingNumber", "SF1234567890")).status());
            m.get(p.baseUrl() + "/shop");
            WebElement count = m.findElement(By.cssSelector(".bell .count"));
            assertEquals("1", count.getText().trim());
            member.screenshot(SHOTS.resolve("notifications-bell-phone.png"));

            member.clickAndWait(m.findElement(By.cssSelector("a.bell")));
            assertEquals(p.baseUrl() + "/notifications", m.getCurrentUrl());
            WebElement item = m.findElement(By.cssSelector(".notification.unread"));
            assertTrue(item.getText().contains("Your Brand doll is on its way"), item.getText());
            member.screenshot(SHOTS.resolve("notifications-list-phone.png"));

            member.clickAndWait(item.findElement(By.cssSelector("a.notification-title")));
            assertTrue(m.getCurrentUrl().startsWith(p.baseUrl() + "/shop/redemptions"), m.getCurrentUrl());
            assertTrue(m.findElements(By.cssSelector(".bell .count")).isEmpty(), "read once opened");
            m.get(p.baseUrl() + "/notifications");
            assertTrue(m.findElements(By.cssSelector(".notification.unread")).isEmpty());
            assertEquals(1, m.findElements(By.cssSelector(".notification")).size());
        }
    }
}
