package io.kindred.dist.browser;

import io.kindred.server.Kindred;
import io.kindred.testkit.Browser;
import io.kindred.testkit.TestPlatform;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An operator builds, previews and saves a segment on a phone in a real browser, without any script of ours, and the
 * segments pages fit a phone (390 px) in English and in Chinese.
 */
class SegmentsBrowserIT {

    @Test
    void anOperatorBuildsAndSavesASegmentOnAPhoneAndThePagesFitInBothLanguages() {
        Browser.requireChromium();
        try (TestPlatform p = TestPlatform.builder().start(); Browser b = Browser.open(Browser.PHONE)) {
            Kindred k = p.kindred();
            k.database.write(h -> {
                for (int i = 0; i < 30; i++) {
                    long id = k.users.insert(h, "long.address.of.member." + i + "@a-rather-long-domain.example", null, null,
                            "会员 Member with a long display name " + i, null, 0L);
                    k.users.addLabel(h, id, i % 2 == 0 ? "vip-customers-from-the-old-shop" : "newsletter", 0L);
                }
                return null;
            });
            b.signIn(p.baseUrl(), TestPlatform.ADMIN_EMAIL, TestPlatform.ADMIN_PASSWORD);
            b.open(p.baseUrl(), "/console/segments");
            b.driver().findElement(By.name("label")).sendKeys("vip-customers-from-the-old-shop");
            b.clickAndWait(b.driver().findElement(By.cssSelector("form.segment-form button[type=submit]")));
            assertEquals("15", b.driver().findElement(By.id("segment-count")).getDomAttribute("data-count"));
            b.driver().findElement(By.cssSelector("#preview input[name=name]")).sendKeys("Old shop VIPs");
            b.clickAndWait(b.driver().findElement(By.cssSelector("#preview button[type=submit]")));
            assertEquals("15", b.driver().findElement(By.id("segment-count")).getDomAttribute("data-count"));
            String segmentPage = b.driver().getCurrentUrl().replace(p.baseUrl(), "").replaceAll("\\?.*", "");

            for (String lang : new String[]{"en", "zh-CN"}) {
                b.driver().manage().addCookie(new org.openqa.selenium.Cookie("kindred_lang", lang));
                for (String page : new String[]{"/console/segments?preview=1&label=vip-customers-from-the-old-shop",
                        segmentPage, "/console/broadcasts"}) {
                    b.open(p.baseUrl(), page);
                    if (lang.equals("zh-CN")) {
                        assertTrue(b.driver().findElement(By.tagName("h1")).getText().matches(".*[\\u4e00-\\u9fff].*")
                                || page.equals(segmentPage), page + " is in Chinese");
                    }
                    Object sideways = ((JavascriptExecutor) b.driver())
                            .executeScript("return document.documentElement.scrollWidth > window.innerWidth + 1;");
                    assertEquals(Boolean.FALSE, sideways, page + " scrolls sideways on a phone (" + lang + ")");
                    b.screenshot(Path.of("target/screenshots/console-segments" + page.replaceAll("[^a-z0-9]+", "-") + "-phone-"
                            + lang + ".png"));
                }
            }
        }
    }
}
