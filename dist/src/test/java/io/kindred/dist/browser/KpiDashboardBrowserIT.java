package io.kindred.dist.browser;

import io.kindred.testkit.Browser;
import io.kindred.testkit.Http;
import io.kindred.testkit.TestPlatform;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The KPI dashboard in a real browser: both charts drawn under the strict CSP, the cohort table and the period
 * form, on a phone without sideways scroll, in English and in Chinese.
 */
class KpiDashboardBrowserIT {

    @Test
    void theDashboardDrawsItsChartsAndFitsAPhoneInBothLanguages() {
        Browser.requireChromium();
        try (TestPlatform p = TestPlatform.builder().start(); Browser b = Browser.open(Browser.PHONE)) {
            Http shop = p.apiClient("shop");
            long buyer = p.member("buyer@kpis.test", "Buyer").get("/api/v1/me").json().at("/user/id").asLong();
            assertEquals(201, shop.post("/api/v1/admin/purchases", Map.of("userId", buyer, "externalOrderId", "KPI-B-1",
                    "amount", 12_900, "currency", "CNY")).status());
            b.signIn(p.baseUrl(), TestPlatform.ADMIN_EMAIL, TestPlatform.ADMIN_PASSWORD);
            for (String lang : new String[]{"en", "zh-CN"}) {
                b.open(p.baseUrl(), "/");
                b.driver().manage().addCookie(new org.openqa.selenium.Cookie("kindred_lang", lang));
                b.open(p.baseUrl(), "/console?period=12m");
                JavascriptExecutor js = (JavascriptExecutor) b.driver();
                Object drawn = js.executeScript("return !!(window.Chart && Chart.getChart(document.getElementById('daily-chart'))"
                        + " && Chart.getChart(document.querySelector('canvas.bar-chart')));");
                assertEquals(Boolean.TRUE, drawn, "both charts drawn (" + lang + ")");
                assertTrue(b.driver().findElement(By.id("cohorts")).getText().contains("+11"), "the cohort table");
                assertTrue(b.driver().findElement(By.id("stat-revenue-CNY")).getText().contains("129.00"), "net revenue");
                Object sideways = js.executeScript("return document.documentElement.scrollWidth > window.innerWidth + 1;");
                assertEquals(Boolean.FALSE, sideways, "/console scrolls sideways on a phone (" + lang + ")");
                b.screenshot(Path.of("target/screenshots/console-kpis-phone-" + lang + ".png"));
            }
            js(b, "document.querySelector('input[name=from]').value='2026-01-01';"
                    + "document.querySelector('input[name=to]').value='2026-01-31';");
            b.clickAndWait(b.driver().findElement(By.cssSelector("form.row-form button[type=submit]")));
            assertTrue(b.driver().getCurrentUrl().contains("from=2026-01-01&to=2026-01-31"), b.driver().getCurrentUrl());
            assertTrue(b.driver().findElement(By.id("kpi-period")).getText().contains("2026-01-31"));
        }
    }

    private static void js(Browser b, String script) {
        ((JavascriptExecutor) b.driver()).executeScript(script);
    }
}
