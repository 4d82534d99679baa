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

/**
 * Issue 7 in a real Chromium: a member with points finds a physical item in the shop, confirms the address
 * prefilled from the profile and redeems it; the operator ships it from the console queue; the member sees the
 * carrier and tracking number in "my redemptions".
 */
class ShopBrowserIT {

    static final Path SHOTS = Path.of("target/screenshots");

    @Test
    void aMemberRedeemsAPhysicalItemAndTheOperatorShipsIt() {
        Browser.requireChromium();
        try (TestPlatform p = TestPlatform.builder().start();
             Browser member = Browser.open(Browser.PHONE);
             Browser operator = Browser.open(Browser.DESKTOP)) {
            // The operator's catalog: one physical item (through the admin API).
            Http.Response created = p.admin().post("/api/v1/admin/shop/items", Map.of("name", "Brand tote bag",
                    "description", "Canvas, 40 × 35 cm", "category", "bags", "kind", "physical", "pricePoints", 300,
                    "stock", 10));
            assertEquals(201, created.status(), created.body());
            long itemId = created.json().path("item").path("id").asLong();

            // A member with an address in the profile and points from an adjustment.
            Http mei = p.member("mei@example.com", "Mei");
            Http.Response profile = mei.patch("/api/v1/me", Map.of("shippingAddress", Map.of("name", "Mei Chen",
                    "phone", "13800000000", "city", "Hangzhou", "line1", "8 West Lake Rd")));
            assertEquals(200, profile.status(), profile.body());
            long userId = mei.get("/api/v1/me").json().path("user").path("id").asLong();
            Http.Response given = p.apiClient("b").post("/api/v1/admin/ledger/adjustments", Map.of("userId", userId,
                    "asset", "points", "amount", 500, "reason", "adjustment"));
            assertEquals(201, given.status(), given.body());
            p.awaitEvents();

            // The member finds it in the shop and redeems it, confirming the address.
            WebDriver m = member.driver();
            member.signIn(p.baseUrl(), "mei@example.com", "member-password-1");
            m.get(p.baseUrl() + "/shop");
            long before = Long.parseLong(m.findElement(By.id("shop-balance")).getText().trim());
            assertTrue(before >= 500, "the balance holds the adjustment: " + before);
            WebElement card = m.findElement(By.xpath("//section[contains(@class,'shop-item')][.//a[text()='Brand tote bag']]"));
            assertTrue(card.getText().contains("You can afford it"), card.getText());
            member.screenshot(SHOTS.resolve("shop-grid-phone.png"));
            member.clickAndWait(card.findElement(By.linkText("Brand tote bag")));
            assertEquals(p.baseUrl() + "/shop/items/" + itemId, m.getCurrentUrl());
            WebElement address = m.findElement(By.name("shippingAddress"));
            assertTrue(address.getAttribute("value").contains("8 West Lake Rd"), "prefilled from the profile: "
                    + address.getAttribute("value"));
            address.clear();
            address.sendKeys("Mei Chen, 13800000000, 8 West Lake Rd, Hangzhou, back door");
            member.screenshot(SHOTS.resolve("shop-item-phone.png"));
            member.clickAndWait(m.findElement(By.id("shop-redeem")));

            // My redemptions: waiting to ship.
            assertTrue(m.getCurrentUrl().startsWith(p.baseUrl() + "/shop/redemptions"), m.getCurrentUrl());
            WebElement mine = m.findElement(By.cssSelector(".shop-redemption"));
            assertTrue(mine.getText().contains("Brand tote bag") && mine.getText().contains("Waiting to ship"), mine.getText());
            assertTrue(mine.getText().contains("back door"), "the confirmed address: " + mine.getText());
            m.get(p.baseUrl() + "/shop");
            assertEquals(before - 300, Long.parseLong(m.findElement(By.id("shop-balance")).getText().trim()));

            // The operator ships it from the console queue.
            WebDriver o = operator.driver();
            operator.signIn(p.baseUrl(), TestPlatform.ADMIN_EMAIL, TestPlatform.ADMIN_PASSWORD);
            o.get(p.baseUrl() + "/console/shop/redemptions?status=pending");
            WebElement row = o.findElement(By.cssSelector("tr[id^='redemption-']"));
            assertTrue(row.getText().contains("Mei") && row.getText().contains("back door"), row.getText());
            row.findElement(By.name("carrier")).sendKeys("SF Express");
            row.findElement(By.name("trackingNumber")).sendKeys("SF1234567890");
            operator.screenshot(SHOTS.resolve("console-shop-queue-desktop.png"));
            operator.clickAndWait(row.findElement(By.cssSelector("form[action$='/ship'] button[type=submit]")));
            o.get(p.baseUrl() + "/console/shop/redemptions?status=shipped");
            assertTrue(o.findElement(By.cssSelector("tr[id^='redemption-']")).getText().contains("SF1234567890"));

            // The member sees the tracking.
            m.get(p.baseUrl() + "/shop/redemptions");
            String shipped = m.findElement(By.cssSelector(".shop-redemption")).getText();
            assertTrue(shipped.contains("Shipped") && shipped.contains("SF Express") && shipped.contains("SF1234567890"),
                    shipped);
            member.screenshot(SHOTS.resolve("shop-redemptions-phone.png"));
        }
    }
}
