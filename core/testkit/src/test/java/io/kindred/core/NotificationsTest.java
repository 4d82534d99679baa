package io.kindred.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.kindred.server.Kindred;
import io.kindred.testkit.Http;
import io.kindred.testkit.MutableClock;
import io.kindred.testkit.TestPlatform;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Notifications of the core: stored per member, read through the API, queued as emails and sent over SMTP. */
class NotificationsTest {

    static final MutableClock clock = new MutableClock(Instant.parse("2025-03-01T08:00:00Z"));
    static GreenMail smtp;
    static TestPlatform platform;

    @BeforeAll
    static void start() {
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        platform = TestPlatform.builder().clock(clock)
                .setting("mail.smtp.host", "127.0.0.1").setting("mail.smtp.port", String.valueOf(smtp.getSmtp().getPort()))
                .setting("mail.smtp.starttls", "false").setting("mail.from", "Club <club@example.com>")
                .setting("mail.outbox-seconds", "3600")
                .start();
    }

    @AfterAll
    static void stop() {
        platform.close();
        smtp.stop();
    }

    record Member(Http http, long id, String email) {
    }

    static Member member(String name) {
        String email = name.toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8) + "@notify.test";
        Http http = platform.member(email, name);
        return new Member(http, http.get("/api/v1/me").json().path("user").path("id").asLong(), email);
    }

    static Kindred kindred() {
        return platform.kindred();
    }

    static void announce(long userId, String title, String key) {
        kindred().notifications.send(userId, "core.announcement", Map.of("title", title, "body", "Details inside."),
                "/points", key);
    }

    static String to(MimeMessage m) {
        try {
            return GreenMailUtil.getAddressList(m.getAllRecipients());
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static void runEmailJob() {
        Http.Response r = platform.admin().post("/api/v1/admin/jobs/core/send-emails/run", Map.of());
        assertEquals(200, r.status(), r.body());
    }

    @Test
    void aNotificationShowsInTheListAndTheUnreadCountUntilRead() {
        Member ann = member("Ann");
        announce(ann.id(), "Spring sale", null);
        assertEquals(1, ann.http().get("/api/v1/me/notifications/unread-count").json().path("unread").asInt());
        JsonNode items = ann.http().get("/api/v1/me/notifications").json().path("items");
        assertEquals(1, items.size());
        assertEquals("Spring sale", items.get(0).path("title").asText());
        assertEquals("Details inside.", items.get(0).path("body").asText());
        assertEquals("/points", items.get(0).path("link").asText());
        assertEquals(false, items.get(0).path("read").asBoolean());

        Http.Response read = ann.http().post("/api/v1/me/notifications/read", Map.of("ids", List.of(items.get(0).path("id").asLong())));
        assertEquals(200, read.status(), read.body());
        assertEquals(0, ann.http().get("/api/v1/me/notifications/unread-count").json().path("unread").asInt());
        assertEquals(0, ann.http().get("/api/v1/me/notifications?unread=true").json().path("items").size());
    }

    @Test
    void theSameKeyTwiceIsStoredOnce() {
        Member bob = member("Bob");
        announce(bob.id(), "Once", "once-key");
        announce(bob.id(), "Once", "once-key");
        assertEquals(1, bob.http().get("/api/v1/me/notifications").json().path("items").size());
    }

    @Test
    void aRolledBackTransactionNotifiesNoOne() {
        Member cat = member("Cat");
        assertThrows(IllegalStateException.class, () -> kindred().database.write(tx -> {
            kindred().notifications.send(tx, cat.id(), "core.announcement", Map.of("title", "Never"), null, null);
            throw new IllegalStateException("the change fails");
        }));
        assertEquals(0, cat.http().get("/api/v1/me/notifications/unread-count").json().path("unread").asInt());
    }

    @Test
    void theListIsPagedNewestFirstAndMarkAllReadClearsTheCount() {
        Member dan = member("Dan");
        for (int i = 1; i <= 5; i++) {
            announce(dan.id(), "News " + i, null);
        }
        JsonNode first = dan.http().get("/api/v1/me/notifications?limit=3").json();
        assertEquals("News 5", first.path("items").get(0).path("title").asText());
        assertEquals(3, first.path("items").size());
        JsonNode second = dan.http().get("/api/v1/me/notifications?limit=3&cursor=" + first.path("nextCursor").asText()).json();
        assertEquals(2, second.path("items").size());
        assertEquals("News 1", second.path("items").get(1).path("title").asText());

        dan.http().post("/api/v1/me/notifications/read", Map.of("all", true));
        assertEquals(0, dan.http().get("/api/v1/me/notifications/unread-count").json().path("unread").asInt());
    }

    @Test
    void badInputIsRefusedWithACode() {
        Member eve = member("Eve");
        assertEquals("missing_field", eve.http().post("/api/v1/me/notifications/read", Map.of()).errorCode());
        assertEquals("invalid_field", eve.http().get("/api/v1/me/notifications?unread=maybe").errorCode());
        assertEquals("invalid_cursor", eve.http().get("/api/v1/me/notifications?cursor=x").errorCode());
        assertEquals(401, platform.http().get("/api/v1/me/notifications").status());
        assertThrows(RuntimeException.class, () -> kindred().notifications.send(eve.id(), "nobody.declares_this", Map.of(), null));
    }

    @Test
    void anEmailIsSentByTheJobInTheMembersLanguage() throws Exception {
        Member fei = member("Fei");
        assertEquals(200, fei.http().patch("/api/v1/me", Map.of("locale", "zh-CN")).status());
        announce(fei.id(), "新品上市", "fei-news");
        runEmailJob();
        assertTrue(smtp.waitForIncomingEmail(10_000, 1));
        MimeMessage mail = java.util.Arrays.stream(smtp.getReceivedMessages())
                .filter(m -> to(m).contains(fei.email())).findFirst().orElseThrow();
        assertEquals("新品上市", mail.getSubject());
        String text = mail.getContent().toString();
        assertTrue(text.contains("Fei，您好"), text);
        assertTrue(text.contains("/points"), text);
    }

    @Test
    void turningEmailOffStopsTheEmailNotTheBell() {
        Member gus = member("Gus");
        kindred().notifications.choose(gus.id(), "core.announcement",
                java.util.EnumSet.of(io.kindred.api.notifications.Channel.IN_SITE));
        int before = smtp.getReceivedMessages().length;
        announce(gus.id(), "Quiet", null);
        runEmailJob();
        clock.advance(Duration.ofSeconds(1));
        assertEquals(1, gus.http().get("/api/v1/me/notifications/unread-count").json().path("unread").asInt());
        assertTrue(java.util.Arrays.stream(smtp.getReceivedMessages()).skip(before)
                .noneMatch(m -> to(m).contains(gus.email())));
    }

    @Test
    void theBellCountsUnreadOnEveryMemberPageAndOpeningOneMarksItRead() {
        Member hal = member("Hal");
        announce(hal.id(), "Bell news", null);
        String home = hal.http().get("/").body();
        assertTrue(home.contains("data-unread=\"1\""), "the bell shows 1 unread");
        String list = hal.http().get("/notifications").body();
        assertTrue(list.contains("Bell news"), list);
        long id = hal.http().get("/api/v1/me/notifications").json().path("items").get(0).path("id").asLong();
        Http.Response open = hal.http().get("/notifications/" + id);
        assertTrue(open.status() == 200 || open.status() == 303, "opening follows the link");
        assertTrue(!hal.http().get("/").body().contains("data-unread="), "the bell has no count once read");
        assertEquals(404, member("Ivy").http().get("/notifications/" + id).status(), "someone else's is not found");
    }

    @Test
    void theAccountPageSavesNotificationChoices() {
        Member jo = member("Jo");
        assertTrue(jo.http().get("/account").body().contains("core-announcement/email"));
        Http.Response saved = jo.http().submitForm("/account", "/account/notifications", "channel", "core-announcement/in_site");
        assertTrue(saved.status() < 400, saved.body());
        var choice = kindred().notifications.choices(jo.id()).stream()
                .filter(c -> c.type().code().equals("core.announcement")).findFirst().orElseThrow();
        assertTrue(choice.has(io.kindred.api.notifications.Channel.IN_SITE));
        assertTrue(!choice.has(io.kindred.api.notifications.Channel.EMAIL));
    }

    @Test
    void theSignedUnsubscribeLinkOfAnEmailTurnsThatEmailOffAndAForgedOneIsRefused() throws Exception {
        Member kai = member("Kai");
        announce(kai.id(), "Unsubscribe me", "kai-news");
        runEmailJob();
        assertTrue(smtp.waitForIncomingEmail(10_000, 1));
        MimeMessage mail = java.util.Arrays.stream(smtp.getReceivedMessages())
                .filter(m -> to(m).contains(kai.email())).findFirst().orElseThrow();
        java.util.regex.Matcher link = java.util.regex.Pattern.compile("(/notifications/unsubscribe\\?\\S+)")
                .matcher(mail.getContent().toString());
        assertTrue(link.find(), mail.getContent().toString());

        String forged = link.group(1).replaceAll("sig=[0-9a-f]{4}", "sig=0000");
        assertEquals(400, platform.http().get(forged).status());
        Http.Response done = platform.http().get(link.group(1));
        assertEquals(200, done.status(), done.body());
        assertTrue(done.body().contains("id=\"unsubscribed\""));
        var choice = kindred().notifications.choices(kai.id()).stream()
                .filter(c -> c.type().code().equals("core.announcement")).findFirst().orElseThrow();
        assertTrue(choice.has(io.kindred.api.notifications.Channel.IN_SITE), "the bell stays");
        assertTrue(!choice.has(io.kindred.api.notifications.Channel.EMAIL), "the email is off");
    }

    @Test
    void aMemberWithTheDailyDigestGetsOneEmailGatheringTheDaysNotifications() throws Exception {
        Member lou = member("Lou");
        Http.Response saved = lou.http().submitForm("/account", "/account/notifications",
                "channel", "core-announcement/in_site", "channel", "core-announcement/email", "digest", "on");
        assertTrue(saved.status() < 400, saved.body());
        announce(lou.id(), "Morning news", null);
        announce(lou.id(), "Evening news", null);
        runEmailJob();
        assertEquals(0, java.util.Arrays.stream(smtp.getReceivedMessages()).filter(m -> to(m).contains(lou.email())).count(),
                "no email one by one");

        assertEquals(200, platform.admin().post("/api/v1/admin/jobs/core/send-digests/run", Map.of()).status());
        runEmailJob();
        assertTrue(smtp.waitForIncomingEmail(10_000, 1));
        List<MimeMessage> mails = java.util.Arrays.stream(smtp.getReceivedMessages()).filter(m -> to(m).contains(lou.email())).toList();
        assertEquals(1, mails.size());
        String text = mails.get(0).getContent().toString();
        assertTrue(text.contains("Morning news") && text.contains("Evening news"), text);
        assertTrue(mails.get(0).getSubject().contains("2"), mails.get(0).getSubject());
        assertEquals(2, lou.http().get("/api/v1/me/notifications/unread-count").json().path("unread").asInt(), "the bell still counts");
    }
}
