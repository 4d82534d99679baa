package io.kindred.plugins.shop;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.kindred.testkit.Http;
import io.kindred.testkit.TestPlatform;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static io.kindred.plugins.shop.Fixture.give;
import static io.kindred.plugins.shop.Fixture.item;
import static io.kindred.plugins.shop.Fixture.redeem;
import static io.kindred.plugins.shop.Fixture.userId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shop notifies members through the core, with the plugin loaded through PF4J and a real SMTP server. */
class NotificationIT {

    GreenMail smtp;
    TestPlatform p;

    @BeforeEach
    void start() {
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        p = TestPlatform.builder().plugin(Fixture.JAR)
                .setting("mail.smtp.host", "127.0.0.1").setting("mail.smtp.port", String.valueOf(smtp.getSmtp().getPort()))
                .setting("mail.smtp.starttls", "false").setting("mail.from", "Club <club@example.com>")
                .setting("mail.outbox-seconds", "3600")
                .start();
    }

    @AfterEach
    void stop() {
        p.close();
        smtp.stop();
    }

    private long pendingRedemption(Http member) {
        long doll = item(p, Map.of("name", "品牌玩偶", "stock", 5));
        give(p, member, 500);
        Http.Response r = redeem(member, doll, 1, "1 Main St, Shanghai");
        assertEquals(201, r.status(), r.body());
        return r.json().path("redemption").path("id").asLong();
    }

    private Http.Response ship(long redemption) {
        return p.admin().post("/api/v1/admin/shop/redemptions/" + redemption + "/ship",
                Map.of("carrier", "SF Express", "trackingNumber", "SF123"));
    }

    private void sendEmails() {
        Http.Response r = p.admin().post("/api/v1/admin/jobs/core/send-emails/run", Map.of());
        assertEquals(200, r.status(), r.body());
    }

    private static int unread(Http member) {
        return member.get("/api/v1/me/notifications/unread-count").json().path("unread").asInt();
    }

    private List<MimeMessage> mailTo(String email) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return GreenMailUtil.getAddressList(m.getAllRecipients()).contains(email);
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    @Test
    void aShippedRedemptionNotifiesItsMemberOnceInSiteAndByEmailInTheirLanguage() throws Exception {
        Http mei = p.member("mei@shop.test", "Mei");
        assertEquals(200, mei.patch("/api/v1/me", Map.of("locale", "zh-CN")).status());
        long redemption = pendingRedemption(mei);

        assertEquals(200, ship(redemption).status());
        assertEquals(200, ship(redemption).status(), "a retried ship answers the same");
        assertEquals(1, unread(mei));
        var item = mei.get("/api/v1/me/notifications").json().path("items").get(0);
        assertEquals("您兑换的品牌玩偶已发货", item.path("title").asText());
        assertEquals("/shop/redemptions", item.path("link").asText());

        sendEmails();
        sendEmails();
        assertTrue(smtp.waitForIncomingEmail(10_000, 1));
        List<MimeMessage> mails = mailTo("mei@shop.test");
        assertEquals(1, mails.size(), "one email");
        assertEquals("您兑换的品牌玩偶已发货", mails.get(0).getSubject());
        String text = mails.get(0).getContent().toString();
        assertTrue(text.contains("承运商：SF Express，运单号：SF123"), text);
    }

    @Test
    void aRolledBackChangeNotifiesNoOne() {
        Http leo = p.member("leo@shop.test", "Leo");
        long redemption = pendingRedemption(leo);
        assertEquals(200, p.admin().post("/api/v1/admin/shop/redemptions/" + redemption + "/deliver", Map.of()).status());
        assertEquals("invalid_status", ship(redemption).errorCode());

        long leoId = userId(leo);
        assertThrows(IllegalStateException.class, () -> p.kindred().database.write(tx -> {
            p.kindred().notifications.send(tx, leoId, "shop.redemption_shipped", Map.of("item", "x"), null, null);
            throw new IllegalStateException("the change fails after notifying");
        }));
        sendEmails();
        assertEquals(0, unread(leo));
        assertEquals(0, mailTo("leo@shop.test").size());
    }

    @Test
    void turningEmailOffForTheTypeStopsTheEmailNotTheBell() {
        Http ada = p.member("ada@shop.test", "Ada");
        long redemption = pendingRedemption(ada);
        Http.Response saved = ada.submitForm("/account", "/account/notifications",
                "channel", "shop-redemption_shipped/in_site",
                "channel", "shop-redemption_cancelled/in_site", "channel", "shop-redemption_cancelled/email",
                "channel", "core-announcement/in_site", "channel", "core-announcement/email");
        assertTrue(saved.status() < 400, saved.body());

        assertEquals(200, ship(redemption).status());
        sendEmails();
        assertEquals(1, unread(ada));
        assertEquals(0, mailTo("ada@shop.test").size());
    }

    @Test
    void aCancelledRedemptionNotifiesItsMember() {
        Http kim = p.member("kim@shop.test", "Kim");
        long redemption = pendingRedemption(kim);
        assertEquals(200, p.admin().post("/api/v1/admin/shop/redemptions/" + redemption + "/cancel", Map.of()).status());
        var item = kim.get("/api/v1/me/notifications").json().path("items").get(0);
        assertEquals("Your redemption of 品牌玩偶 was cancelled", item.path("title").asText());
        assertEquals("100 points are back in your account.", item.path("body").asText());
    }
}
