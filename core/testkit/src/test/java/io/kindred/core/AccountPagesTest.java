package io.kindred.core;

import com.fasterxml.jackson.databind.JsonNode;
import io.kindred.server.users.Accounts;
import io.kindred.testkit.Http;
import io.kindred.testkit.LogCapture;
import io.kindred.testkit.MutableClock;
import io.kindred.testkit.TestPlatform;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The member's account page, avatar uploads, password change and reset, and sign-in throttling on the API. */
class AccountPagesTest {

    static final String PASSWORD = "member-password-1";
    static final Pattern RESET_LINK = Pattern.compile(
            "Password reset link for (\\S+) \\(no SMTP configured\\): (http\\S+/reset\\?token=[A-Za-z0-9_-]+)");

    static final MutableClock clock = new MutableClock(Instant.parse("2025-03-01T08:00:00Z"));
    static TestPlatform platform;

    @BeforeAll
    static void start() {
        platform = TestPlatform.builder().clock(clock).start();
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    // ---------------------------------------------------------------- profile

    @Test
    void homeGreetsAMemberWhoJoinedTodayWithWelcomeAndLaterWithWelcomeBack() {
        Http nina = platform.member("nina-home@kindred.test", "Nina");
        String first = nina.get("/").body();
        assertTrue(first.contains("Welcome, Nina."), first);
        assertFalse(first.contains("Welcome back"), first);
        nina.header("Accept-Language", "zh-CN");
        assertTrue(nina.get("/").body().contains("欢迎您，Nina。"));
        clock.advance(Duration.ofHours(25));
        assertTrue(nina.get("/").body().contains("欢迎回来，Nina。"));
        nina.header("Accept-Language", "en");
        assertTrue(nina.get("/").body().contains("Welcome back, Nina."));
    }

    @Test
    void memberSavesTheProfileAndSeesItAgain() {
        Browser ann = Browser.join(platform, "ann@account.test", "Ann");
        Browser.Page page = ann.get("/account");
        assertEquals(200, page.status());
        String code = ann.me().path("referralCode").asText();
        assertTrue(page.body().contains(code), "the referral code is shown");
        assertTrue(page.body().contains("value=\"" + platform.baseUrl() + "/signup?ref=" + code + "\""),
                "the invite link is the site's own address");

        Map<String, String> form = new LinkedHashMap<>();
        form.put("displayName", "Ann Lee");
        form.put("phone", "+86 138 0013 8000");
        form.put("birthday", "1991-04-12");
        form.put("locale", "zh-CN");
        form.put("address.name", "李安");
        form.put("address.city", "杭州");
        form.put("address.line1", "文三路 90 号");
        Browser.Page saved = ann.submitForm("/account", "/account", form);
        assertEquals(303, saved.status());
        assertEquals("/account?notice=saved", saved.location());

        JsonNode me = ann.me();
        assertEquals("Ann Lee", me.path("displayName").asText());
        assertEquals("+8613800138000", me.path("phone").asText());
        assertEquals("1991-04-12", me.path("birthday").asText());
        assertEquals("zh-CN", me.path("locale").asText());
        assertEquals("杭州", me.at("/shippingAddress/city").asText());
        assertTrue(me.path("shippingAddress").path("province").isMissingNode(), "blank address fields are not stored");

        String again = ann.get("/account?notice=saved").body();
        assertTrue(again.contains("value=\"文三路 90 号\""));
        assertTrue(again.contains("已保存"), "the member's language is now Chinese");
    }

    @Test
    void aProfileErrorShowsTheFormAgainWithTheInputAndATranslatedSentence() {
        Browser bo = Browser.join(platform, "bo@account.test", "Bo");
        Browser.Page wrong = bo.submitForm("/account", "/account", Map.of("displayName", "Bo Changed",
                "birthday", "2999-01-01", "address.city", "Shenzhen", "locale", ""));
        assertEquals(400, wrong.status());
        assertTrue(wrong.body().contains("Enter your birthday as a past date"));
        assertTrue(wrong.body().contains("value=\"Bo Changed\""), "what was typed is kept");
        assertTrue(wrong.body().contains("value=\"Shenzhen\""));
        assertEquals("Bo", bo.me().path("displayName").asText(), "nothing was saved");

        bo.header("Accept-Language", "zh-CN");
        Browser.Page chinese = bo.submitForm("/account", "/account", Map.of("displayName", "Bo", "phone", "not a phone",
                "locale", ""));
        assertEquals(400, chinese.status());
        assertTrue(chinese.body().contains("手机号格式不正确"));
    }

    @Test
    void aFormPostedWithoutTheCsrfTokenIsRefused() {
        Browser cy = Browser.join(platform, "cy@account.test", "Cy");
        Browser.Page forged = cy.postFormWithoutCsrf("/account", Map.of("displayName", "Forged"));
        assertEquals(403, forged.status());
        assertEquals("Cy", cy.me().path("displayName").asText());
    }

    @Test
    void visitorsAreSentToSignIn() {
        Browser.Page page = new Browser(platform).get("/account");
        assertEquals(303, page.status());
        assertEquals("/signin?next=%2Faccount", page.location());
    }

    // ---------------------------------------------------------------- avatar

    @Test
    void aPngAvatarIsStoredServedAndReplacedByTheNextOne() throws Exception {
        Browser dee = Browser.join(platform, "dee@account.test", "Dee");
        byte[] png = image("png");
        Browser.Page up = dee.upload("/account/avatar", "avatar", "me.png", "image/png", png);
        assertEquals(303, up.status(), up.body());
        assertEquals("/account?notice=saved", up.location());
        String first = dee.me().path("avatar").asText();
        assertTrue(first.matches("/uploads/avatars/[A-Za-z0-9_-]+\\.png"), first);
        assertTrue(dee.get("/account").body().contains("src=\"" + first + "\""), "the account page shows it");

        Browser.Page served = new Browser(platform).get(first);
        assertEquals(200, served.status());
        assertEquals("image/png", served.header("content-type"));
        assertEquals("nosniff", served.header("x-content-type-options"));
        assertTrue(served.header("cache-control").contains("max-age=31536000"));
        assertArrayEquals(png, served.bytes());

        // A JPEG sent with a wrong name and type is still recognised by its bytes.
        Browser.Page second = dee.upload("/account/avatar", "avatar", "photo.gif", "application/octet-stream", image("jpg"));
        assertEquals(303, second.status());
        String next = dee.me().path("avatar").asText();
        assertTrue(next.endsWith(".jpg"), next);
        assertFalse(Files.exists(stored(first)), "the old file is removed");
        assertTrue(Files.exists(stored(next)));
        assertEquals(404, new Browser(platform).get(first).status());

        assertEquals(303, dee.submitForm("/account", "/account/avatar/remove", Map.of()).status());
        assertTrue(dee.me().path("avatar").isNull());
        assertFalse(Files.exists(stored(next)));
    }

    @Test
    void aTextFileNamedPngIsRefused() {
        Browser eve = Browser.join(platform, "eve@account.test", "Eve");
        byte[] text = "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);
        long filesBefore = storedAvatars();
        Browser.Page r = eve.upload("/account/avatar", "avatar", "cat.png", "image/png", text);
        assertEquals(400, r.status());
        assertTrue(r.body().contains("This file is not a PNG, JPEG, GIF or WebP picture."));
        assertTrue(eve.me().path("avatar").isNull());
        assertEquals(filesBefore, storedAvatars(), "nothing was written");
    }

    @Test
    void aPictureOverTheLimitIsRefused() throws Exception {
        Browser fay = Browser.join(platform, "fay@account.test", "Fay");
        byte[] big = new byte[900 * 1024];
        byte[] png = image("png");
        System.arraycopy(png, 0, big, 0, png.length);
        Browser.Page r = fay.upload("/account/avatar", "avatar", "big.png", "image/png", big);
        assertEquals(400, r.status());
        assertTrue(r.body().contains("The picture is larger than 800 KB."), r.body());
        assertTrue(fay.me().path("avatar").isNull());

        byte[] large = new byte[1_200_000];
        System.arraycopy(png, 0, large, 0, png.length);
        assertEquals(400, fay.upload("/account/avatar", "avatar", "large.png", "image/png", large).status(),
                "above the JSON body limit but within http.max-upload-bytes: the avatar's own limit answers");
        byte[] huge = new byte[21 * 1024 * 1024];
        System.arraycopy(png, 0, huge, 0, png.length);
        assertEquals(413, statusOfAnnouncedUpload(huge.length),
                "over the upload limit (20 MiB), refused by its Content-Length before the body is read");
        assertEquals(413, fay.uploadStreaming("/account/avatar", "avatar", "huge.png", "image/png", huge).status(),
                "over the upload limit without a Content-Length, refused while it streams in");

        Browser.Page empty = fay.upload("/account/avatar", "avatar", "", "application/octet-stream", new byte[0]);
        assertEquals(400, empty.status());
        assertTrue(empty.body().contains("Choose a picture to upload."));
    }

    @Test
    void uploadsServeOnlyPicturesInsideTheFolder() throws IOException {
        Path uploads = platform.dataDir().resolve("uploads");
        Files.writeString(uploads.resolve("notes.txt"), "secret");
        Files.writeString(uploads.resolve(".hidden.png"), "secret");
        Browser visitor = new Browser(platform);
        for (String path : List.of("/uploads/notes.txt", "/uploads/.hidden.png", "/uploads/../kindred.properties",
                "/uploads/%2e%2e/kindred.properties", "/uploads/..%2Fkindred.db", "/uploads/avatars/..%2F..%2Fkindred.db",
                "/uploads/%2e%2e%2fkindred.png", "/uploads/nothing.png", "/uploads/avatars")) {
            int status = visitor.get(path).status();
            assertTrue(status == 404 || status == 400, path + " answered " + status);
        }
    }

    // ---------------------------------------------------------------- password change

    @Test
    void changingThePasswordNeedsTheCurrentOneAndSignsOutOtherDevices() {
        Browser gus = Browser.join(platform, "gus@account.test", "Gus");
        Browser phone = Browser.signIn(platform, "gus@account.test", PASSWORD);

        Browser.Page wrong = gus.submitForm("/account", "/account/password", Map.of("currentPassword", "not-my-password",
                "newPassword", "brand-new-password"));
        assertEquals(400, wrong.status());
        assertTrue(wrong.body().contains("The current password is wrong."));

        Browser.Page tooShort = gus.submitForm("/account", "/account/password", Map.of("currentPassword", PASSWORD,
                "newPassword", "short"));
        assertEquals(400, tooShort.status());
        assertTrue(tooShort.body().contains("The new password must be 8 to 200 characters long."));

        Browser.Page ok = gus.submitForm("/account", "/account/password", Map.of("currentPassword", PASSWORD,
                "newPassword", "brand-new-password"));
        assertEquals(303, ok.status());
        assertEquals("/account?notice=saved", ok.location());
        assertEquals(200, gus.get("/account").status(), "this browser stays signed in");
        assertEquals(401, phone.api("GET", "/api/v1/me", null).status(), "the other device is signed out");
        assertEquals(401, login("gus@account.test", PASSWORD).status());
        assertEquals(200, login("gus@account.test", "brand-new-password").status());
    }

    // ---------------------------------------------------------------- forgot / reset

    @Test
    void forgotGivesTheSameAnswerForAnyEmailAndLogsTheLinkWithoutSmtp() {
        Browser.join(platform, "hal@account.test", "Hal");
        String log = LogCapture.stderr(() -> {
            Browser visitor = new Browser(platform);
            Browser.Page known = visitor.submitForm("/forgot", "/forgot", Map.of("email", "hal@account.test"));
            Browser.Page unknown = visitor.submitForm("/forgot", "/forgot", Map.of("email", "nobody@account.test"));
            assertEquals(200, known.status());
            assertEquals(known.status(), unknown.status());
            assertEquals(known.body().replace("hal@account.test", "X"), unknown.body().replace("nobody@account.test", "X"),
                    "the answer does not tell whether an account exists");
            assertTrue(known.body().contains("This site cannot send email yet, so no link can reach you."),
                    "without SMTP the member is told the truth, not that a link is on its way: " + known.body());
            assertFalse(known.body().contains("on its way"));
            assertTrue(visitor.get("/forgot").body().contains("This site cannot send email yet"), "before asking, too");
        });
        Matcher m = RESET_LINK.matcher(log);
        assertTrue(m.find(), "the link is in the log: " + log);
        assertEquals("hal@account.test", m.group(1));
        assertTrue(m.group(2).startsWith(platform.baseUrl() + "/reset?token="));
        assertFalse(log.contains("nobody@account.test"));

        Browser.Page invalidEmail = new Browser(platform).submitForm("/forgot", "/forgot", Map.of("email", "not-an-email"));
        assertEquals(400, invalidEmail.status());
        assertTrue(invalidEmail.body().contains("Enter a valid email address."));
    }

    @Test
    void aResetLinkWorksOnceAndSignsOutEverySession() {
        Browser ivy = Browser.join(platform, "ivy@account.test", "Ivy");
        String link = requestReset("ivy@account.test");
        String path = link.substring(platform.baseUrl().length());
        String token = path.substring(path.indexOf("token=") + 6);

        Browser stranger = new Browser(platform);
        Browser.Page form = stranger.get(path);
        assertEquals(200, form.status());
        assertTrue(form.body().contains("name=\"token\" value=\"" + token + "\""));
        assertEquals("no-store", form.header("cache-control"));

        Browser.Page tooShort = stranger.submitForm(path, "/reset", Map.of("token", token, "password", "short"));
        assertEquals(400, tooShort.status());
        assertTrue(tooShort.body().contains("The password must be 8 to 200 characters long."));

        Browser.Page done = stranger.submitForm(path, "/reset", Map.of("token", token, "password", "reset-password-1"));
        assertEquals(303, done.status(), "a too short password did not use the link up");
        assertEquals("/signin?notice=password_reset", done.location());
        assertEquals(401, ivy.api("GET", "/api/v1/me", null).status(), "the member's sessions are closed");
        assertEquals(200, login("ivy@account.test", "reset-password-1").status());

        Browser.Page twice = stranger.submitForm(path, "/reset", Map.of("token", token, "password", "another-password-2"));
        assertEquals(400, twice.status());
        assertTrue(twice.body().contains("This link does not work any more"));
        assertEquals(400, stranger.get(path).status());
        assertEquals(401, login("ivy@account.test", "another-password-2").status());
    }

    @Test
    void aResetLinkEndsAfterOneHour() {
        Browser.join(platform, "jo@account.test", "Jo");
        String link = requestReset("jo@account.test");
        String token = link.substring(link.indexOf("token=") + 6);
        clock.advance(Duration.ofMinutes(61));
        try {
            Browser.Page late = new Browser(platform).submitForm("/reset?token=" + token, "/reset",
                    Map.of("token", token, "password", "late-password-1"));
            assertEquals(400, late.status());
            assertEquals(200, login("jo@account.test", PASSWORD).status(), "the password is unchanged");
        } finally {
            clock.advance(Duration.ofMinutes(-61));
        }
    }

    @Test
    void anImportedMemberWithoutPasswordSetsOneThroughTheResetLink() {
        Http admin = platform.admin();
        assertEquals(200, admin.raw("POST", "/api/v1/admin/users/import", "text/csv",
                "email,name\nkai@import-reset.test,Kai\n").status());
        assertEquals(401, login("kai@import-reset.test", "first-password-1").status());
        String token = requestReset("kai@import-reset.test").replaceAll(".*token=", "");
        assertEquals(303, new Browser(platform).submitForm("/reset?token=" + token, "/reset",
                Map.of("token", token, "password", "first-password-1")).status());
        assertEquals(200, login("kai@import-reset.test", "first-password-1").status());
    }

    @Test
    void withoutSmtpEveryConsolePageShowsTheMailBannerAndTheEmailsPageSaysHowToSetItUp() {
        Http admin = platform.admin();
        for (String page : List.of("/console", "/console/members", "/console/emails")) {
            String body = admin.get(page).body();
            assertTrue(body.contains("id=\"mail-banner\"") && body.contains("Email is not set up"), page + ": " + body);
        }
        assertTrue(admin.get("/console/emails").body().contains("mail.smtp.host"), "the emails page says what to set");
        assertFalse(new Browser(platform).get("/").body().contains("mail-banner"), "members never see it");
    }

    @Test
    void theTestMailButtonSendsThroughSmtpAndShowsWhatTheServerAnswered() throws Exception {
        try (FakeSmtp smtp = new FakeSmtp();
             TestPlatform mailing = TestPlatform.builder()
                     .setting("mail.smtp.host", "127.0.0.1").setting("mail.smtp.port", String.valueOf(smtp.port()))
                     .setting("mail.smtp.starttls", "false").setting("site.name", "Tea Club").start()) {
            Http admin = mailing.admin();
            assertFalse(admin.get("/console").body().contains("mail-banner"), "mail is set up: no banner");
            Http.Response sent = admin.submitForm("/console/emails", "/console/emails/test", Map.of());
            assertEquals(200, sent.status(), sent.body());
            assertTrue(sent.body().contains("id=\"mail-test-sent\""), sent.body());
            String raw = smtp.messages.poll(20, TimeUnit.SECONDS);
            assertNotNull(raw, "the test email reached the mail server");
            assertTrue(raw.contains("Test email from Tea Club"), raw);
        }
        try (TestPlatform unreachable = TestPlatform.builder().setting("mail.smtp.host", "127.0.0.1")
                .setting("mail.smtp.port", "1").setting("mail.smtp.starttls", "false").start()) {
            Http.Response failed = unreachable.admin().submitForm("/console/emails", "/console/emails/test", Map.of());
            assertEquals(200, failed.status(), failed.body());
            assertTrue(failed.body().contains("id=\"mail-test-error\"") && failed.body().contains("The test email could not be sent"),
                    failed.body());
        }
    }

    @Test
    void theResetLinkIsMailedThroughSmtpWhenAHostIsSet() throws Exception {
        try (FakeSmtp smtp = new FakeSmtp();
             TestPlatform mailing = TestPlatform.builder()
                     .setting("mail.smtp.host", "127.0.0.1").setting("mail.smtp.port", String.valueOf(smtp.port()))
                     .setting("mail.smtp.starttls", "false").setting("mail.from", "Club <club@example.com>")
                     .setting("site.url", "https://club.example.com/").setting("site.name", "Tea Club").start()) {
            // site.url is https, so session cookies are Secure and not sent over this test's http: set the language directly.
            Browser.join(mailing, "lu@mail.test", "Lu");
            long lu = mailing.kindred().users.byEmail("lu@mail.test").orElseThrow().id();
            mailing.kindred().accounts.updateProfile(lu, new Accounts.ProfileChange(null, null, null, null, null, "zh-CN"));
            Browser.Page r = new Browser(mailing).submitForm("/forgot", "/forgot", Map.of("email", "LU@mail.test"));
            assertEquals(200, r.status());
            assertTrue(r.body().contains("a link to choose a new password is on its way"), r.body());

            String raw = smtp.messages.poll(20, TimeUnit.SECONDS);
            assertNotNull(raw, "a mail was sent");
            MimeMessage mail = new MimeMessage(Session.getInstance(new Properties()),
                    new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8)));
            assertEquals("lu@mail.test", mail.getAllRecipients()[0].toString());
            assertEquals("club@example.com", ((jakarta.mail.internet.InternetAddress) mail.getFrom()[0]).getAddress());
            assertEquals("设置您在 Tea Club 的新密码", mail.getSubject(), "in the member's language");
            String text = (String) mail.getContent();
            Matcher m = Pattern.compile("https://club\\.example\\.com/reset\\?token=([A-Za-z0-9_-]+)").matcher(text);
            assertTrue(m.find(), "the link uses site.url: " + text);

            Browser.Page done = new Browser(mailing).submitForm("/reset?token=" + m.group(1), "/reset",
                    Map.of("token", m.group(1), "password", "mailed-password-1"));
            assertEquals(303, done.status());
        }
    }

    // ---------------------------------------------------------------- throttling

    @Test
    void theLoginApiAnswers429AfterFiveWrongPasswords() {
        Browser.join(platform, "max@account.test", "Max");
        for (int i = 0; i < 5; i++) {
            Http.Response wrong = login("max@account.test", "wrong-password-" + i);
            assertEquals(401, wrong.status());
            assertEquals("invalid_credentials", wrong.errorCode());
        }
        Http.Response blocked = login("max@account.test", PASSWORD);
        assertEquals(429, blocked.status(), "even the right password waits out the lockout");
        assertEquals("too_many_attempts", blocked.errorCode());

        Browser.Page page = new Browser(platform).postFormWithoutCsrf("/signin",
                Map.of("email", "max@account.test", "password", PASSWORD));
        assertEquals(429, page.status(), "the sign-in page shares the same throttle");
        assertEquals("invalid_credentials", login("other-max@account.test", "x").errorCode(),
                "another email is not blocked");
    }

    // ---------------------------------------------------------------- helpers

    private static Http.Response login(String email, String password) {
        return platform.http().post("/api/v1/auth/login", Map.of("email", email, "password", password));
    }

    /** Asks for a reset link (no SMTP in the shared platform) and returns it from the log. */
    private static String requestReset(String email) {
        String log = LogCapture.stderr(() -> assertEquals(200,
                new Browser(platform).submitForm("/forgot", "/forgot", Map.of("email", email)).status()));
        Matcher m = RESET_LINK.matcher(log);
        while (m.find()) {
            if (m.group(1).equals(email)) {
                return m.group(2);
            }
        }
        throw new AssertionError("no reset link for " + email + " in the log: " + log);
    }

    private static byte[] image(String format) throws IOException {
        BufferedImage img = new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB);
        img.setRGB(1, 1, 0x2f6f5e);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertTrue(ImageIO.write(img, format, out));
        return out.toByteArray();
    }

    private static Path stored(String avatarUrl) {
        return platform.dataDir().resolve(avatarUrl.substring(1));
    }

    private static long storedAvatars() {
        Path dir = platform.dataDir().resolve("uploads/avatars");
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (var files = Files.list(dir)) {
            return files.count();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A browser without JavaScript: its own cookies, forms submitted with the page's {@code _csrf} field, files
     * uploaded as multipart; redirects are not followed so they can be checked.
     */
    /**
     * The status of a multipart POST to {@code /account/avatar} that announces {@code length} bytes and sends none of
     * them: the answer a server gives by the {@code Content-Length} alone. (Sending 21 MiB through an HTTP client
     * races the server's early answer and its closing of the connection.)
     */
    private static int statusOfAnnouncedUpload(long length) {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", java.net.URI.create(platform.baseUrl()).getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("POST /account/avatar HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Content-Type: multipart/form-data; boundary=b\r\nContent-Length: " + length
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            String status = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                    StandardCharsets.ISO_8859_1)).readLine();
            return Integer.parseInt(status.split(" ")[1]);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static final class Browser {
        record Page(int status, String body, byte[] bytes, Map<String, String> headers) {
            static Page of(Http.Response r) {
                return new Page(r.status(), r.body(), r.bytes(), r.headers());
            }

            String location() {
                return headers.get("location");
            }

            String header(String name) {
                return headers.get(name);
            }
        }

        private final Http http;

        Browser(TestPlatform platform) {
            this.http = platform.http().header("X-Requested-With", null);
        }

        static Browser join(TestPlatform platform, String email, String name) {
            Browser b = new Browser(platform);
            Page r = b.api("POST", "/api/v1/auth/register", Map.of("email", email, "password", PASSWORD, "displayName", name));
            assertEquals(201, r.status(), r.body());
            return b;
        }

        static Browser signIn(TestPlatform platform, String email, String password) {
            Browser b = new Browser(platform);
            Page r = b.postFormWithoutCsrf("/signin", Map.of("email", email, "password", password));
            assertEquals(303, r.status(), r.body());
            return b;
        }

        Browser header(String name, String value) {
            http.header(name, value);
            return this;
        }

        JsonNode me() {
            Http.Response r = http.send("GET", "/api/v1/me", null, Map.of("X-Requested-With", "kindred"));
            assertEquals(200, r.status(), r.body());
            return r.json().path("user");
        }

        Page get(String path) {
            return Page.of(http.get(path));
        }

        /** A JSON call as a page's script would make it. */
        Page api(String method, String path, Object body) {
            return Page.of(http.send(method, path, body, Map.of("X-Requested-With", "kindred")));
        }

        /** Submits the form on {@code page} with that page's CSRF token, as a member's browser would. */
        Page submitForm(String page, String action, Map<String, String> fields) {
            return Page.of(http.submitForm(page, action, fields));
        }

        Page postFormWithoutCsrf(String path, Map<String, String> fields) {
            String body = fields.entrySet().stream()
                    .map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
            return Page.of(http.raw("POST", path, "application/x-www-form-urlencoded", body));
        }

        Page upload(String path, String field, String filename, String type, byte[] content) {
            return upload(path, field, filename, type, content, false);
        }

        /** The same, sent in chunks without a Content-Length. */
        Page uploadStreaming(String path, String field, String filename, String type, byte[] content) {
            return upload(path, field, filename, type, content, true);
        }

        private Page upload(String path, String field, String filename, String type, byte[] content, boolean chunked) {
            String boundary = "----kindred" + UUID.randomUUID().toString().replace("-", "");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            List<byte[]> parts = new ArrayList<>();
            parts.add(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf() + "\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            parts.add(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\"" + filename
                    + "\"\r\nContent-Type: " + type + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            parts.add(content);
            parts.add(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            parts.forEach(out::writeBytes);
            byte[] body = out.toByteArray();
            return Page.of(http.raw("POST", path, "multipart/form-data; boundary=" + boundary,
                    chunked ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))
                            : HttpRequest.BodyPublishers.ofByteArray(body)));
        }

        /** The CSRF token of the account page, which holds the avatar form. */
        private String csrf() {
            return http.form("/account").field("_csrf");
        }

        private static String enc(String s) {
            return URLEncoder.encode(s, StandardCharsets.UTF_8);
        }
    }

    /** Just enough of an SMTP server to receive messages: no TLS, no authentication. */
    static final class FakeSmtp implements AutoCloseable {
        final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
        private final ServerSocket server;
        private final Thread thread;

        FakeSmtp() throws IOException {
            server = new ServerSocket(0);
            thread = new Thread(this::serve, "fake-smtp");
            thread.setDaemon(true);
            thread.start();
        }

        int port() {
            return server.getLocalPort();
        }

        private void serve() {
            while (!server.isClosed()) {
                try (Socket s = server.accept();
                     BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
                     OutputStream out = s.getOutputStream()) {
                    reply(out, "220 fake ESMTP");
                    String line;
                    while ((line = in.readLine()) != null) {
                        String cmd = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
                        switch (cmd) {
                            case "EHLO" -> reply(out, "250-fake\r\n250 8BITMIME");
                            case "DATA" -> {
                                reply(out, "354 end with <CRLF>.<CRLF>");
                                StringBuilder data = new StringBuilder();
                                while ((line = in.readLine()) != null && !line.equals(".")) {
                                    data.append(line.startsWith("..") ? line.substring(1) : line).append("\r\n");
                                }
                                messages.add(data.toString());
                                reply(out, "250 queued");
                            }
                            case "QUIT" -> {
                                reply(out, "221 bye");
                                line = null;
                            }
                            default -> reply(out, "250 ok");
                        }
                        if (line == null) {
                            break;
                        }
                    }
                } catch (IOException e) {
                    // closed
                }
            }
        }

        private static void reply(OutputStream out, String text) throws IOException {
            out.write((text + "\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }
}
