package io.kindred.core.security;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.kindred.testkit.Http;
import io.kindred.testkit.LogCapture;
import io.kindred.testkit.TestPlatform;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hole 2 of issue 20: while {@code site.url} was unset, a {@code POST /forgot} with {@code Host: evil.example}
 * mailed the member a valid reset token inside a link to evil.example. Links now come from {@code site.url}, or
 * from the request only when its host is allowed ({@code site.allowedHosts}, the setup's address, this machine).
 */
class ResetLinkHostTest {

    static GreenMail smtp;
    static TestPlatform platform;

    @BeforeAll
    static void start() {
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        platform = TestPlatform.builder()
                .setting("mail.smtp.host", "127.0.0.1").setting("mail.smtp.port", String.valueOf(smtp.getSmtp().getPort()))
                .setting("mail.smtp.starttls", "false").setting("mail.from", "Club <club@example.com>")
                .setting("site.allowedHosts", "club.example.com")
                .start();
        platform.member("kim@reset.test", "Kim");
    }

    @AfterAll
    static void stop() {
        platform.close();
        smtp.stop();
    }

    private static String resetLinkMailedAfterForgotWithHost(String host) throws Exception {
        int before = smtp.getReceivedMessages().length;
        RawRequest r = RawRequest.send(platform.kindred().port(), "POST", "/forgot",
                Map.of("Host", host, "Content-Type", "application/x-www-form-urlencoded"),
                "email=kim%40reset.test".getBytes(StandardCharsets.UTF_8));
        assertEquals(200, r.status(), r.body());
        assertTrue(smtp.waitForIncomingEmail(20_000, before + 1), "a mail was sent");
        MimeMessage mail = smtp.getReceivedMessages()[before];
        Matcher m = Pattern.compile("https?://\\S+/reset\\?token=[A-Za-z0-9_-]+").matcher(GreenMailUtil.getBody(mail));
        assertTrue(m.find(), GreenMailUtil.getBody(mail));
        return m.group();
    }

    @Test
    void aForgotRequestToAnotherHostMailsALinkToAnAllowedHost() throws Exception {
        String link = resetLinkMailedAfterForgotWithHost("evil.example");
        assertFalse(link.contains("evil.example"), link);
        assertTrue(link.startsWith("http://club.example.com/reset?token="), link);
    }

    @Test
    void aForgotRequestToAnAllowedHostKeepsItsAddress() throws Exception {
        assertTrue(resetLinkMailedAfterForgotWithHost("club.example.com:8443").startsWith("http://club.example.com:8443/reset"));
        assertTrue(resetLinkMailedAfterForgotWithHost("127.0.0.1:7070").startsWith("http://127.0.0.1:7070/reset"));
    }

    @Test
    void theConsoleWarnsUntilTheSiteAddressIsSet() {
        Http admin = platform.admin();
        assertTrue(admin.get("/console").body().contains("id=\"site-url-banner\""));
        assertFalse(platform.member("lee@reset.test", "Lee").get("/").body().contains("site-url-banner"), "members never see it");
    }

    @Test
    void theFirstStartSetupAsksForTheSiteAddressAndRemembersIt() {
        String[] log = new String[1];
        try (TestPlatform fresh = freshPlatformWithoutAdministrator(log)) {
            Matcher token = Pattern.compile("setup token ([A-Z0-9]+-[A-Z0-9]+)").matcher(log[0]);
            assertTrue(token.find(), log[0]);
            String page = fresh.http().get("/setup").body();
            assertTrue(page.contains("name=\"siteUrl\""), page);
            assertTrue(page.contains("value=\"http://127.0.0.1:" + fresh.kindred().port() + "\""), "pre-filled from the request");

            Http.Response done = fresh.http().raw("POST", "/setup", "application/x-www-form-urlencoded",
                    "token=" + token.group(1) + "&email=boss%40setup.test&password=boss-password-1&displayName=Boss"
                            + "&siteUrl=https%3A%2F%2Fclub.brand.example");
            assertEquals(303, done.status(), done.body());
            assertEquals("https://club.brand.example", fresh.kindred().settings.raw("site.url").orElseThrow());
            assertTrue(fresh.kindred().settings.raw("site.allowedHosts").orElseThrow()
                    .contains("127.0.0.1:" + fresh.kindred().port()), "the setup's own address is allowed");
        }
    }

    private static TestPlatform freshPlatformWithoutAdministrator(String[] log) {
        TestPlatform[] started = new TestPlatform[1];
        log[0] = LogCapture.stderr(() -> started[0] = TestPlatform.builder()
                .env("KINDRED_ADMIN_EMAIL", null).env("KINDRED_ADMIN_PASSWORD", null).start());
        return started[0];
    }
}
