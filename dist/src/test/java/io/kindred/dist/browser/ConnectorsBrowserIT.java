package io.kindred.dist.browser;

import io.kindred.testkit.Browser;
import io.kindred.testkit.Http;
import io.kindred.testkit.TestPlatform;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An administrator enables the Shopify connector from the console in a real browser; a pushed order that matched
 * nobody shows in the delivery log and, once its member exists, the Replay button records it. The pages fit a
 * phone in both languages.
 */
class ConnectorsBrowserIT {

    private static final String SECRET = "shpss_browser_it_0123456789abcdef";

    @Test
    void anAdministratorEnablesShopifyAndReplaysADeliveryThatMatchedNobody() throws Exception {
        Browser.requireChromium();
        try (TestPlatform p = TestPlatform.builder().start(); Browser b = Browser.open(Browser.DESKTOP)) {
            b.signIn(p.baseUrl(), TestPlatform.ADMIN_EMAIL, TestPlatform.ADMIN_PASSWORD);
            b.open(p.baseUrl(), "/console/connectors");
            var form = b.driver().findElement(By.cssSelector("form[action='/console/connectors/shopify']"));
            form.findElement(By.name("enabled")).click();
            form.findElement(By.name("secret")).sendKeys(SECRET);
            b.clickAndWait(form.findElement(By.cssSelector("button[type=submit]")));
            assertTrue(b.driver().getCurrentUrl().contains("notice=connectors_saved"), b.driver().getCurrentUrl());
            assertFalse(b.driver().getPageSource().contains(SECRET), "the secret is not shown again");

            Http.Response pushed = push(p, "wh-browser-1", "{\"id\": 7001, \"currency\": \"CNY\", \"total_price\": \"58.00\","
                    + " \"customer\": {\"id\": 9001, \"email\": \"late-buyer@shop.test\"}, \"line_items\": []}");
            assertEquals("no_member", pushed.json().at("/delivery/outcome").asText(), pushed.body());
            p.kindred().accounts.register("late-buyer@shop.test", "member-password-1", "Late", null);

            b.open(p.baseUrl(), "/console/connectors/shopify");
            b.screenshot(Path.of("target/screenshots/console-connector-log-desktop.png"));
            b.clickAndWait(b.driver().findElement(By.cssSelector("form[action$='/replay'] button[type=submit]")));

            assertTrue(b.driver().getCurrentUrl().contains("notice=connectors_replayed_recorded"), b.driver().getCurrentUrl());
            assertTrue(b.driver().findElement(By.cssSelector("table.connector-log")).getText().contains("shopify:7001"));
        }
    }

    @Test
    void theConnectorPagesFitAPhoneInChineseAndEnglish() throws Exception {
        Browser.requireChromium();
        try (TestPlatform p = TestPlatform.builder().start(); Browser b = Browser.open(Browser.PHONE)) {
            assertEquals(303, p.admin().submitForm("/console/connectors", "/console/connectors/shopify",
                    "enabled", "on", "secret", SECRET).status());
            push(p, "b54557e4-bdd9-4b37-8a5f-bf7d70bcd043-a-long-delivery-id", "{\"id\": 820982911946154508, \"currency\": \"USD\","
                    + " \"total_price\": \"403.00\", \"customer\": {\"id\": 115310627314723954, \"email\": \"nobody-with-a-long-address@example.com\"}}");
            b.signIn(p.baseUrl(), TestPlatform.ADMIN_EMAIL, TestPlatform.ADMIN_PASSWORD);
            for (String lang : new String[]{"en", "zh-CN"}) {
                b.open(p.baseUrl(), "/");
                b.driver().manage().addCookie(new org.openqa.selenium.Cookie("kindred_lang", lang));
                for (String page : new String[]{"/console/connectors", "/console/connectors/shopify"}) {
                    b.open(p.baseUrl(), page);
                    if (lang.equals("zh-CN")) {
                        assertTrue(b.driver().findElement(By.tagName("h1")).getText().matches(".*[\\u4e00-\\u9fff].*"),
                                page + " is in Chinese");
                    }
                    Object sideways = ((JavascriptExecutor) b.driver())
                            .executeScript("return document.documentElement.scrollWidth > window.innerWidth + 1;");
                    assertEquals(Boolean.FALSE, sideways, page + " scrolls sideways on a phone (" + lang + ")");
                    b.screenshot(Path.of("target/screenshots/console" + page.replace("/console", "").replace('/', '-')
                            + "-phone-" + lang + ".png"));
                }
            }
        }
    }

    private static Http.Response push(TestPlatform p, String webhookId, String body) throws Exception {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return p.http().header("X-Requested-With", null).header("X-Shopify-Topic", "orders/paid")
                .header("X-Shopify-Webhook-Id", webhookId)
                .header("X-Shopify-Hmac-Sha256", Base64.getEncoder().encodeToString(mac.doFinal(bytes)))
                .raw("POST", "/api/v1/connectors/shopify", "application/json", bytes);
    }
}
