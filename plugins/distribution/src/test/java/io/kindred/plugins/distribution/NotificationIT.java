package io.kindred.plugins.distribution;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.kindred.testkit.Http;
import io.kindred.testkit.MutableClock;
import io.kindred.testkit.TestPlatform;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static io.kindred.plugins.distribution.Fixture.code;
import static io.kindred.plugins.distribution.Fixture.grant;
import static io.kindred.plugins.distribution.Fixture.member;
import static io.kindred.plugins.distribution.Fixture.purchase;
import static io.kindred.plugins.distribution.Fixture.userId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A distributor is told in-site and by email (a real SMTP server) when a fan is bound, when commission is earned
 * and released, and at every withdrawal status.
 */
class NotificationIT {

    private static GreenMail smtp;
    private static MutableClock clock;
    private static TestPlatform p;

    @BeforeAll
    static void start() {
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        clock = Fixture.clock();
        p = Fixture.platform(clock)
                .setting("mail.smtp.host", "127.0.0.1").setting("mail.smtp.port", String.valueOf(smtp.getSmtp().getPort()))
                .setting("mail.smtp.starttls", "false").setting("mail.from", "Club <club@example.com>")
                .setting("mail.outbox-seconds", "3600").start();
    }

    @AfterAll
    static void stop() {
        p.close();
        smtp.stop();
    }

    @Test
    void aDistributorIsToldOfAFanEarningsReleaseAndEveryWithdrawalStatusInSiteAndByEmail() throws Exception {
        Http admin = p.admin();
        Http nora = member(p, "nora@kindred.test", "Nora", null);
        grant(admin, userId(nora));
        Http fan = member(p, "nora-fan@kindred.test", "Oscar", code(nora));
        purchase(p, p.apiClient("shop"), userId(fan), "N-1", 200_00);
        Fixture.releaseAfterRefundWindow(p, clock, admin = p.admin());
        long paid = withdraw(nora);
        long rejected = withdraw(nora);
        assertEquals(200, admin.post("/api/v1/admin/distribution/withdrawals/" + paid + "/approve", Map.of()).status());
        assertEquals(200, admin.post("/api/v1/admin/distribution/withdrawals/" + paid + "/pay", Map.of("reference", "ALI-1")).status());
        assertEquals(200, admin.post("/api/v1/admin/distribution/withdrawals/" + rejected + "/reject", Map.of("note", "Name mismatch")).status());

        List<String> expected = List.of("A new friend joined your team", "You earned 20.00 CNY of commission",
                "20.00 CNY of commission is now available", "Withdrawal of 10.00 CNY requested",
                "Withdrawal of 10.00 CNY approved", "Withdrawal of 10.00 CNY paid", "Withdrawal of 10.00 CNY rejected");
        String inSite = nora.get("/api/v1/me/notifications?limit=50").body();
        for (String title : expected) {
            assertTrue(inSite.contains(title), title + " in " + inSite);
        }
        assertTrue(inSite.contains("O***") && !inSite.contains("Oscar"), "the fan's name is masked: " + inSite);
        assertTrue(inSite.contains("Name mismatch") && inSite.contains("ALI-1"), inSite);

        assertEquals(200, admin.post("/api/v1/admin/jobs/core/send-emails/run", Map.of()).status());
        assertTrue(smtp.waitForIncomingEmail(10_000, expected.size()));
        List<String> subjects = mailTo("nora@kindred.test").stream().map(NotificationIT::subject).toList();
        for (String title : expected) {
            assertTrue(subjects.contains(title), title + " in " + subjects);
        }
    }

    private static long withdraw(Http member) {
        Http.Response r = member.post("/api/v1/distribution/withdrawals", Map.of("amount", 10_00, "method", "alipay",
                "account", "nora@alipay.test"));
        assertEquals(201, r.status(), r.body());
        return r.json().path("withdrawal").path("id").asLong();
    }

    private static List<MimeMessage> mailTo(String email) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return GreenMailUtil.getAddressList(m.getAllRecipients()).contains(email);
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
