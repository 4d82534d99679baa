package io.kindred.dist.browser;

import io.kindred.testkit.Browser;
import io.kindred.testkit.Http;
import io.kindred.testkit.LogCapture;
import io.kindred.testkit.TestPlatform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An imported phone-only customer claims their account on a phone, in Chinese, in a real browser: from the
 * sign-up page to the claim page, the code from the (log) SMS sender, a password, signed in with their history.
 * The claim pages and the console's merge page fit a phone without sideways scrolling.
 */
@Isolated("Reads the SMS code from System.err, which it swaps while it waits: nothing else may write there meanwhile.")
class ClaimBrowserIT {

    private static final Pattern CODE = Pattern.compile("your code is (\\d{6})|验证码是 (\\d{6})");

    @Test
    void anImportedCustomerClaimsTheAccountByPhoneOnAPhoneInChinese() {
        Browser.requireChromium();
        // The shop's purchase creates the customer record (on this dist test class path a CSV import fails:
        // Selenium brings an older commons-io than commons-csv needs).
        try (TestPlatform p = TestPlatform.builder().setting("purchases.create-customers", "true").start();
             Browser b = Browser.open(Browser.PHONE)) {
            Http admin = p.admin();
            Http.Response bought = p.apiClient("shop").post("/api/v1/admin/purchases", Map.of("phone", "+8613800138088",
                    "name", "王芳", "externalOrderId", "CLAIM-BROWSER-1", "amount", 12_000, "currency", "CNY"));
            assertEquals(201, bought.status(), bought.body());
            long id = bought.json().at("/purchase/userId").asLong();
            admin.post("/api/v1/admin/ledger/adjustments", Map.of("userId", id, "asset", "points", "amount", 66,
                    "reason", "imported balance"));

            b.open(p.baseUrl(), "/");
            b.driver().manage().addCookie(new org.openqa.selenium.Cookie("kindred_lang", "zh-CN"));
            b.open(p.baseUrl(), "/signup");
            b.clickAndWait(b.driver().findElement(By.cssSelector("a[href='/claim']")));
            assertTrue(b.driver().findElement(By.tagName("h1")).getText().contains("认领"));
            assertNoSidewaysScroll(b, "/claim");
            b.driver().findElement(By.name("phone")).sendKeys("+86 138 0013 8088");
            String log = LogCapture.stderr(() -> b.clickAndWait(b.driver().findElement(By.cssSelector("form[action='/claim/phone'] button"))));
            Matcher m = CODE.matcher(log);
            assertTrue(m.find(), log);
            String code = m.group(1) != null ? m.group(1) : m.group(2);
            assertNoSidewaysScroll(b, "/claim/phone");
            b.screenshot(Path.of("target/screenshots/claim-code-phone-zh.png"));
            b.driver().findElement(By.name("code")).sendKeys(code);
            b.driver().findElement(By.name("password")).sendKeys("claimed-password-1");
            b.clickAndWait(b.driver().findElement(By.cssSelector("form[action='/claim/phone/confirm'] button")));

            assertTrue(b.driver().getCurrentUrl().contains("notice=welcome"), b.driver().getCurrentUrl());
            b.open(p.baseUrl(), "/points");
            assertTrue(b.driver().findElement(By.tagName("main")).getText().contains("66"), "the imported points are theirs");
        }
    }

    @Test
    void theConsolesMergePageFitsAPhone() {
        Browser.requireChromium();
        try (TestPlatform p = TestPlatform.builder().start(); Browser b = Browser.open(Browser.PHONE)) {
            long a = p.member("a@claim-browser.test", "A").get("/api/v1/me").json().at("/user/id").asLong();
            long c = p.member("c@claim-browser.test", "C").get("/api/v1/me").json().at("/user/id").asLong();
            b.signIn(p.baseUrl(), TestPlatform.ADMIN_EMAIL, TestPlatform.ADMIN_PASSWORD);
            b.open(p.baseUrl(), "/console/members/" + a + "/merge?from=" + c);
            assertNoSidewaysScroll(b, "/console/members/{id}/merge");
            b.driver().findElement(By.name("confirm")).click();
            b.clickAndWait(b.driver().findElement(By.cssSelector("form[method=post][action$='/merge'] button")));
            assertTrue(b.driver().getCurrentUrl().contains("notice=customers_merged"), b.driver().getCurrentUrl());
            assertEquals("merged", p.admin().get("/api/v1/admin/users/" + c).json().at("/user/status").asText());
            assertFalse(b.driver().getPageSource().contains("Exception"));
        }
    }

    private static void assertNoSidewaysScroll(Browser b, String page) {
        Object sideways = ((JavascriptExecutor) b.driver())
                .executeScript("return document.documentElement.scrollWidth > window.innerWidth + 1;");
        assertEquals(Boolean.FALSE, sideways, page + " scrolls sideways on a phone");
    }
}
