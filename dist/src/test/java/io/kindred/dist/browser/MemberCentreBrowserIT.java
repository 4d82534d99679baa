package io.kindred.dist.browser;

import io.kindred.testkit.Browser;
import io.kindred.testkit.Http;
import io.kindred.testkit.TestPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebElement;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The member centre with every bundled plugin on, as a member sees it on a phone (390×844) and a desktop (1280×800),
 * in English and Chinese: a tab bar on the phone whose every entry is on screen (one tap), the member card with tier,
 * progress and points, a tile with an icon for every entry, Me with the member code's QR, nothing scrolling sideways.
 */
class MemberCentreBrowserIT {

    private static final String EMAIL = "lin@centre.example";
    private static final List<String> MEMBER_PAGES = List.of("/", "/me", "/points", "/account", "/notifications",
            "/checkin", "/shop", "/membership", "/invite", "/community", "/activities", "/activities/tasks", "/creators");
    private static TestPlatform p;
    private static long points;

    @BeforeAll
    static void start() {
        p = TestPlatform.builder().start();
        Http lin = p.member(EMAIL, "Lin");
        lin.post("/api/v1/checkins", Map.of());
        points = lin.get("/api/v1/me/balances").json().path("balances").path("points").asLong();
        org.junit.jupiter.api.Assertions.assertTrue(points > 0, "the check-in and the welcome gift gave points");
    }

    @AfterAll
    static void stop() {
        p.close();
    }

    @Test
    void onAPhoneTheTabBarHoldsHomeTheMiddleEntryAndMeEachOneTapAway() {
        try (Browser b = Browser.open(Browser.PHONE)) {
            b.signIn(p.baseUrl(), EMAIL, "member-password-1");
            for (String lang : List.of("en", "zh-CN")) {
                language(b, lang);
                b.open(p.baseUrl(), "/");
                List<WebElement> tabs = b.driver().findElements(By.cssSelector(".tabbar a"));
                assertEquals(List.of("/", "/community", "/me"), tabs.stream().map(a -> path(a.getAttribute("href"))).toList());
                for (WebElement tab : tabs) {
                    assertOnScreen(b, tab, lang + " tab " + tab.getText());
                }
                assertFalse(b.driver().findElement(By.cssSelector(".top .nav")).isDisplayed(), "the wide menu hides on a phone");
                if (!lang.equals("en")) {
                    b.tourShot("home-phone-zh");
                }
                b.clickAndWait(tabs.get(2));
                assertTrue(b.driver().getCurrentUrl().endsWith("/me"), b.driver().getCurrentUrl());
                assertEquals("page", b.driver().findElement(By.cssSelector(".tabbar a[href='/me']")).getAttribute("aria-current"));
                b.tourShot("me-phone" + suffix(lang));
            }
        }
    }

    @Test
    void theMemberCardShowsTierProgressAndTheRealPointsOnHomeAndMe() {
        try (Browser b = Browser.open(Browser.PHONE)) {
            b.signIn(p.baseUrl(), EMAIL, "member-password-1");
            for (String path : List.of("/", "/me")) {
                b.open(p.baseUrl(), path);
                WebElement card = b.driver().findElement(By.id("member-card"));
                assertTrue(card.findElement(By.id("card-tier")).getText().startsWith("V1"), card.getText());
                assertTrue(card.findElement(By.cssSelector("#card-progress progress")).isDisplayed());
                assertEquals(String.valueOf(points), card.findElement(By.cssSelector("#card-points strong")).getText());
            }
            Object qrWidth = ((JavascriptExecutor) b.driver()).executeScript(
                    "const i = document.querySelector('.member-qr'); return i.complete ? i.naturalWidth : -1;");
            assertTrue(((Number) qrWidth).intValue() > 0, "the member code's QR code loads");
        }
    }

    @Test
    void everyEntryIsATileWithAnIconAndLeadsToItsPage() {
        try (Browser b = Browser.open(Browser.PHONE)) {
            b.signIn(p.baseUrl(), EMAIL, "member-password-1");
            b.open(p.baseUrl(), "/");
            List<String> tiles = b.driver().findElements(By.cssSelector(".tiles a")).stream().map(a -> {
                assertFalse(a.findElements(By.cssSelector(".icon")).isEmpty(), a.getText() + " has an icon");
                return path(a.getAttribute("href"));
            }).toList();
            assertTrue(tiles.containsAll(List.of("/checkin", "/shop", "/membership", "/invite", "/activities/tasks", "/points")),
                    tiles.toString());
            b.clickAndWait(b.driver().findElement(By.cssSelector(".tiles a[href='/checkin']")));
            assertTrue(b.driver().getCurrentUrl().endsWith("/checkin"));
        }
    }

    @Test
    void noMemberPageScrollsSidewaysOnAPhoneOrADesktopInEitherLanguage() {
        for (var size : List.of(Browser.PHONE, Browser.DESKTOP)) {
            try (Browser b = Browser.open(size)) {
                b.signIn(p.baseUrl(), EMAIL, "member-password-1");
                for (String lang : List.of("en", "zh-CN")) {
                    language(b, lang);
                    for (String path : MEMBER_PAGES) {
                        b.open(p.baseUrl(), path);
                        assertFalse(b.driver().getPageSource().contains("server_error"), path);
                        b.assertFits(size + " " + lang + " " + path);
                    }
                }
            }
        }
    }

    @Test
    void onADesktopTheTopBarShowsEveryEntryAndNoTabBar() {
        try (Browser b = Browser.open(Browser.DESKTOP)) {
            b.signIn(p.baseUrl(), EMAIL, "member-password-1");
            for (String lang : List.of("en", "zh-CN")) {
                language(b, lang);
                b.open(p.baseUrl(), "/");
                assertFalse(b.driver().findElement(By.cssSelector(".tabbar")).isDisplayed());
                for (WebElement a : b.driver().findElements(By.cssSelector(".top .nav a"))) {
                    assertOnScreen(b, a, lang + " menu " + a.getText());
                }
                b.open(p.baseUrl(), "/me");
                b.tourShot("me-desktop" + suffix(lang));
            }
        }
    }

    @Test
    void theInviteLinkCanBeCopiedAndHasAQrCode() {
        try (Browser b = Browser.open(Browser.PHONE)) {
            b.signIn(p.baseUrl(), EMAIL, "member-password-1");
            b.open(p.baseUrl(), "/account");
            WebElement share = b.driver().findElement(By.id("invite-share"));
            assertTrue(share.findElement(By.cssSelector("input.share-link")).getAttribute("value").startsWith(p.baseUrl() + "/signup?ref="));
            assertTrue(share.findElement(By.cssSelector("button[data-copy]")).isDisplayed(), "the copy button shows");
            WebElement summary = share.findElement(By.cssSelector("details.share-qr summary"));
            ((JavascriptExecutor) b.driver()).executeScript("arguments[0].scrollIntoView({block: 'center'});", summary);
            summary.click();
            new org.openqa.selenium.support.ui.WebDriverWait(b.driver(), java.time.Duration.ofSeconds(5)).until(d ->
                    ((Number) ((JavascriptExecutor) d).executeScript(
                            "return document.querySelector('#invite-share .share-qr img').naturalWidth;")).intValue() > 0);
        }
    }

    private static void language(Browser b, String lang) {
        b.open(p.baseUrl(), "/");
        b.driver().manage().addCookie(new Cookie("kindred_lang", lang));
    }

    private static String suffix(String lang) {
        return lang.equals("en") ? "" : "-zh";
    }

    private static String path(String href) {
        return href.replace(p.baseUrl(), "");
    }

    private static void assertOnScreen(Browser b, WebElement e, String what) {
        assertTrue(e.isDisplayed(), what + " shows");
        Rectangle r = e.getRect();
        Number width = (Number) ((JavascriptExecutor) b.driver()).executeScript("return window.innerWidth;");
        Number height = (Number) ((JavascriptExecutor) b.driver()).executeScript("return window.innerHeight;");
        assertTrue(r.getX() >= 0 && r.getX() + r.getWidth() <= width.intValue() && r.getY() >= 0
                && r.getY() + r.getHeight() <= height.intValue(), what + " is on screen without scrolling: " + r);
    }
}
