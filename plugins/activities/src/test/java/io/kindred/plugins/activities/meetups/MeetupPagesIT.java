package io.kindred.plugins.activities.meetups;

import io.kindred.testkit.Browser;
import io.kindred.testkit.Http;
import io.kindred.testkit.MutableClock;
import io.kindred.testkit.TestPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;

import java.util.List;
import java.util.Map;

import static io.kindred.plugins.activities.meetups.MeetupFixture.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * In a real browser: a member joins an event on a phone and sees the ticket's QR code, staff admit it by its door
 * link; every meet-up page, member and console, fits a phone (390 px) and a desktop in English and Chinese.
 */
class MeetupPagesIT {

    private static TestPlatform p;
    private static Http admin;
    private static long eventId;
    private static long proposalId;
    private static long adminId;

    @BeforeAll
    static void start() {
        p = platform(new MutableClock(START)).plugin(IT_PLUGINS.resolve("kindred-plugin-membership.jar")).start();
        admin = p.admin();
        Map<String, Object> e = event("Tea tasting by the lake with a very long title that must wrap on a phone screen", 20, 30);
        e.put("description", "Bring a cup. " + "https://brand.example/a/long/link/" + "x".repeat(80));
        e.put("address", "1 West Lake Road, " + "Building".repeat(12));
        e.put("priceOffline", 3550);
        e.put("minParticipants", 3);
        e.put("deadlineAt", "2026-03-18T12:00:00Z");
        e.put("rewardPoints", 10);
        eventId = create(admin, e);
        Http wide = memberWithPoints(p, admin, "wide@meet.test", 100);
        join(wide, eventId);
        Http.Response proposal = wide.post("/api/v1/activities/events", event("Board games " + "night".repeat(15), 8, 0));
        proposalId = proposal.json().path("event").path("id").asLong();
        adminId = userId(admin);
        assertEquals(201, admin.post("/api/v1/admin/ledger/adjustments", Map.of("userId", adminId, "asset", "points",
                "amount", 100, "reason", "adjustment")).status());
        join(admin, eventId);
        memberWithPoints(p, admin, "mia@meet.test", 100);
    }

    @AfterAll
    static void stop() {
        p.close();
    }

    @Test
    void aMemberJoinsOnAPhoneSeesTheTicketAndStaffAdmitItByItsLink() {
        Browser.requireChromium();
        String page = "/activities/events/" + eventId;
        String doorPath;
        try (Browser b = Browser.open(Browser.PHONE)) {
            WebDriver d = b.driver();
            b.signIn(p.baseUrl(), "mia@meet.test", "member-password-1");
            english(b);
            b.open(p.baseUrl(), "/activities/events");
            b.assertFits("list");
            b.clickAndWait(d.findElement(By.cssSelector("a[href='" + page + "']")));
            b.assertFits("event");
            b.clickAndWait(d.findElement(By.id("join")));
            assertTrue(d.getPageSource().contains("You joined"), d.getPageSource());
            assertTrue(d.findElement(By.cssSelector("svg.ticket-qr")).isDisplayed(), "the ticket's QR code shows");
            String code = d.findElement(By.id("ticket-code")).getText();
            assertEquals(8, code.length());
            b.assertFits("ticket");
            doorPath = "/activities/door/" + ticketToken(code);
        }
        try (Browser b = Browser.open(Browser.PHONE)) {
            WebDriver d = b.driver();
            b.signIn(p.baseUrl(), TestPlatform.ADMIN_EMAIL, TestPlatform.ADMIN_PASSWORD);
            english(b);
            b.open(p.baseUrl(), doorPath);
            assertTrue(d.findElement(By.id("door-member")).getText().contains("mia"));
            b.assertFits("door");
            b.clickAndWait(d.findElement(By.id("admit")));
            assertTrue(d.findElement(By.id("door-state")).getText().contains("Admitted"), d.getPageSource());
            b.open(p.baseUrl(), doorPath);
            assertTrue(d.findElement(By.id("door-state")).getText().contains("Already admitted at"));
        }
    }

    @Test
    void everyMeetupPageFitsAPhoneAndADesktopInBothLanguages() {
        Browser.requireChromium();
        String token = ticketToken(null);
        List<String> paths = List.of("/activities/events", "/activities/events/" + eventId, "/activities/events/new",
                "/activities/events/" + proposalId, "/activities/door/" + token, "/console/activities/events",
                "/console/activities/events/proposals", "/console/activities/events/" + eventId,
                "/console/activities/events/" + eventId + "/participants", "/console/activities/events/" + eventId + "/door");
        for (Dimension size : List.of(Browser.PHONE, new Dimension(1280, 800))) {
            try (Browser b = Browser.open(size)) {
                WebDriver d = b.driver();
                b.signIn(p.baseUrl(), TestPlatform.ADMIN_EMAIL, TestPlatform.ADMIN_PASSWORD);
                for (String lang : List.of("en", "zh-CN")) {
                    b.open(p.baseUrl(), "/activities/events");
                    new Select(d.findElement(By.id("lang-select"))).selectByValue(lang);
                    b.clickAndWait(d.findElement(By.cssSelector("form.lang-switch button")));
                    for (String path : paths) {
                        b.open(p.baseUrl(), path);
                        assertTrue(!d.getPageSource().contains("server_error") && !d.getTitle().isBlank(), path);
                        b.assertFits(size + " " + lang + " " + path);
                    }
                }
            }
        }
    }

    /** Chooses English, as a member does with the language switch (another test leaves the administrator in Chinese). */
    private static void english(Browser b) {
        WebDriver d = b.driver();
        b.open(p.baseUrl(), "/activities/events");
        new Select(d.findElement(By.id("lang-select"))).selectByValue("en");
        b.clickAndWait(d.findElement(By.cssSelector("form.lang-switch button")));
    }

    /** @return the door token of the ticket with this code (null: the administrator's own ticket), as staff would scan it */
    private static String ticketToken(String code) {
        return p.kindred().database.read(h -> code == null
                ? h.createQuery("SELECT token FROM meetup_tickets WHERE event_id = :e AND user_id = :u")
                        .bind("e", eventId).bind("u", adminId).mapTo(String.class).one()
                : h.createQuery("SELECT token FROM meetup_tickets WHERE event_id = :e AND code = :c")
                        .bind("e", eventId).bind("c", code).mapTo(String.class).one());
    }
}
