package io.kindred.dist.browser;

import io.kindred.testkit.Browser;
import io.kindred.testkit.Http;
import io.kindred.testkit.TestPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The core's own pages, member and console, with every bundled plugin on, fit a phone (390×844) and a desktop
 * (1280×800) in English and in Chinese: nothing scrolls sideways, no text shows as its message key, and the console
 * tells an operator that mail is not set up.
 */
class CorePagesFitBrowserIT {

    private static final List<String> MEMBER = List.of("/", "/points", "/account", "/notifications", "/activities",
            "/consent", "/account/delete");
    private static final List<String> VISITOR = List.of("/", "/signin", "/signup", "/forgot", "/claim", "/terms", "/privacy");
    private static final List<String> CONSOLE = List.of("/console", "/console/members", "/console/members/2",
            "/console/members/2/merge", "/console/members/import", "/console/segments", "/console/broadcasts",
            "/console/emails", "/console/connectors", "/console/connectors/shopify", "/console/settings",
            "/console/plugins", "/console/plugins/membership/settings", "/console/webhooks", "/console/jobs",
            "/console/events", "/console/apikeys", "/console/audit", "/console/legal");

    private static TestPlatform p;

    @BeforeAll
    static void start() {
        p = TestPlatform.builder().start();
        Http mei = p.member("mei.with.a.rather.long.address@a-long-domain-name.example", "Mei Chen-Supercalifragilistic");
        mei.post("/api/v1/checkins", java.util.Map.of());
    }

    @AfterAll
    static void stop() {
        p.close();
    }

    @Test
    void memberAndVisitorPagesFitAPhoneAndADesktopInBothLanguages() {
        Browser.requireChromium();
        for (Dimension size : List.of(Browser.PHONE, new Dimension(1280, 800))) {
            try (Browser b = Browser.open(size)) {
                walk(b, VISITOR, size + " visitor");
                b.signIn(p.baseUrl(), "mei.with.a.rather.long.address@a-long-domain-name.example", "member-password-1");
                walk(b, MEMBER, size + " member");
            }
        }
    }

    @Test
    void consolePagesFitAPhoneAndADesktopInBothLanguagesAndSayMailIsNotSetUp() {
        Browser.requireChromium();
        for (Dimension size : List.of(Browser.PHONE, new Dimension(1280, 800))) {
            try (Browser b = Browser.open(size)) {
                b.signIn(p.baseUrl(), TestPlatform.ADMIN_EMAIL, TestPlatform.ADMIN_PASSWORD);
                walk(b, CONSOLE, size + " console");
                b.open(p.baseUrl(), "/console");
                assertTrue(b.driver().findElement(By.id("mail-banner")).isDisplayed(), "the mail banner shows");
            }
        }
    }

    private static void walk(Browser b, List<String> paths, String who) {
        for (String lang : List.of("en", "zh-CN")) {
            b.open(p.baseUrl(), "/");
            b.driver().manage().addCookie(new Cookie("kindred_lang", lang));
            for (String path : paths) {
                b.open(p.baseUrl(), path);
                String source = b.driver().getPageSource();
                assertFalse(source.contains("server_error"), who + " " + lang + " " + path);
                assertFalse(b.driver().findElement(By.tagName("body")).getText()
                        .matches("(?s).*\\b(console|nav|home|points|forgot|claim|account|privacy|legal|consent|signup)\\.[a-z][a-zA-Z.]+\\b.*"),
                        who + " " + lang + " " + path + " shows a message key");
                b.assertFits(who + " " + lang + " " + path);
            }
        }
    }
}
