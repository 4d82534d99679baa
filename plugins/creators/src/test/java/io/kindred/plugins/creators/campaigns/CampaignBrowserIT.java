package io.kindred.plugins.creators.campaigns;

import io.kindred.testkit.Browser;
import io.kindred.testkit.Http;
import io.kindred.testkit.TestPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;

import java.util.List;

import static io.kindred.plugins.creators.campaigns.CampaignFixture.campaign;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * On a phone-size window: a visitor signs in from the campaign page, applies; an operator screens and approves; the
 * new creator opens their certificate's public page, which anyone can check.
 */
class CampaignBrowserIT {

    private static TestPlatform p;
    private static Http admin;

    @BeforeAll
    static void start() {
        p = CampaignFixture.platform(CampaignFixture.clock()).start();
        admin = p.admin();
    }

    @AfterAll
    static void stop() {
        p.close();
    }

    @Test
    void aMemberAppliesFromThePhoneAndAnOperatorApprovesFromThePhone() {
        Browser.requireChromium();
        long campaign = campaign(admin, "Spring skincare creators", 10);
        p.member("mia@kindred.test", "Mia");
        String page = "/creators/campaigns/" + campaign;
        try (Browser b = Browser.open(Browser.PHONE)) {
            WebDriver d = b.driver();
            b.open(p.baseUrl(), page);
            noSidewaysScroll(d, page);
            b.clickAndWait(d.findElement(By.cssSelector("a[href^='/signin?next=']")));
            d.findElement(By.name("email")).sendKeys("mia@kindred.test");
            d.findElement(By.name("password")).sendKeys("member-password-1");
            b.clickAndWait(d.findElement(By.cssSelector("form[action='/signin'] button[type=submit]")));
            assertTrue(d.getCurrentUrl().endsWith(page), d.getCurrentUrl());
            noSidewaysScroll(d, page);
            d.findElement(By.name("name")).sendKeys("Mia Zhang");
            d.findElement(By.name("phone")).sendKeys("13900139000");
            new Select(d.findElement(By.name("identityType"))).selectByValue("id_card");
            d.findElement(By.name("identityNumber")).sendKeys(CampaignFixture.ID_NUMBER);
            d.findElement(By.name("platform1")).sendKeys("douyin");
            d.findElement(By.name("handle1")).sendKeys("mia.skin");
            d.findElement(By.name("followers1")).sendKeys("5200");
            b.clickAndWait(d.findElement(By.cssSelector("form.apply-form button[type=submit]")));
            assertTrue(d.getCurrentUrl().contains("/creators?notice="), d.getCurrentUrl());
            assertTrue(d.getPageSource().contains("Submitted"), d.getPageSource());
            for (String lang : List.of("zh-CN", "en")) {
                new Select(d.findElement(By.id("lang-select"))).selectByValue(lang);
                b.clickAndWait(d.findElement(By.cssSelector("form.lang-switch button")));
                for (String path : List.of("/creators", page, "/")) {
                    b.open(p.baseUrl(), path);
                    noSidewaysScroll(d, lang + " " + path);
                }
            }
        }
        long id = admin.get("/api/v1/admin/creators/applications?campaign=" + campaign).json().path("items").get(0)
                .path("id").asLong();
        try (Browser b = Browser.open(Browser.PHONE)) {
            WebDriver d = b.driver();
            b.signIn(p.baseUrl(), TestPlatform.ADMIN_EMAIL, TestPlatform.ADMIN_PASSWORD);
            for (String path : List.of("/console/creators/campaigns", "/console/creators/campaigns/" + campaign,
                    "/console/creators/applications", "/console/creators/applications/" + id)) {
                b.open(p.baseUrl(), path);
                noSidewaysScroll(d, path);
            }
            b.clickAndWait(d.findElement(By.xpath("//form[input[@name='to' and @value='screening']]//button")));
            d.findElement(By.name("title")).sendKeys("Skincare voice");
            new Select(d.findElement(By.name("level"))).selectByValue("koc");
            b.clickAndWait(d.findElement(By.cssSelector("form[action$='/approve'] button[type=submit]")));
            noSidewaysScroll(d, "approved application");
        }
        assertEquals("approved", admin.get("/api/v1/admin/creators/applications/" + id).json().path("application")
                .path("status").asText());

        p.awaitEvents(); // the roster certifies on creators.application_approved
        try (Browser b = Browser.open(Browser.PHONE)) {
            WebDriver d = b.driver();
            b.signIn(p.baseUrl(), "mia@kindred.test", "member-password-1");
            b.open(p.baseUrl(), "/creators/me");
            noSidewaysScroll(d, "/creators/me");
            String code = d.findElement(By.id("certificate-code")).getText().trim();
            b.clickAndWait(d.findElement(By.id("certificate-verify")));
            assertTrue(d.getCurrentUrl().endsWith("/certificates/" + code), d.getCurrentUrl());
            noSidewaysScroll(d, "the certificate page");
            assertTrue(d.findElement(By.id("certificate-status")).getText().contains("Valid certificate"),
                    d.findElement(By.id("certificate-status")).getText());
            assertTrue(d.findElement(By.id("certificate-name")).getText().contains("Mia"), d.getPageSource());
            d.manage().deleteAllCookies();
            b.open(p.baseUrl(), "/certificates/" + code);
            assertTrue(d.findElement(By.id("certificate-status")).getText().contains("Valid certificate"),
                    "anyone can check a certificate");
        }
    }

    private static void noSidewaysScroll(WebDriver d, String what) {
        Object overflow = ((JavascriptExecutor) d).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertEquals(0L, ((Number) overflow).longValue(), what + " scrolls sideways");
    }
}
