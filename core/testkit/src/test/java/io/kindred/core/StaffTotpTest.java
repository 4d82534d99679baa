package io.kindred.core;

import com.fasterxml.jackson.databind.JsonNode;
import io.kindred.server.staff.Totp;
import io.kindred.testkit.Http;
import io.kindred.testkit.MutableClock;
import io.kindred.testkit.TestPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** TOTP second factor with {@code security.staff-totp-required} on: real HTTP, codes computed from the secret. */
class StaffTotpTest {

    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-12-01T09:00:00Z"));
    private static TestPlatform p;
    private static Http key;

    @BeforeAll
    static void start() {
        p = TestPlatform.builder().clock(CLOCK).setting("security.staff-totp-required", "true").start();
        key = p.apiClient("staff-setup");
    }

    @AfterAll
    static void stop() {
        p.close();
    }

    @Test
    void anAdministratorWithTotpRequiredCannotReachTheConsoleWithoutTheCode() {
        Http admin = signIn(TestPlatform.ADMIN_EMAIL, TestPlatform.ADMIN_PASSWORD);
        Http.Response console = admin.get("/console");
        assertEquals(303, console.status(), "no console before TOTP is set up");
        assertEquals("/account/security?required=1#totp", console.headers().get("location"));
        Http.Response api = admin.get("/api/v1/admin/plugins");
        assertEquals(403, api.status(), api.body());
        assertEquals("totp_enrolment_required", api.errorCode());
        assertTrue(admin.get("/account/security?required=1").body().contains("Set it up below"));

        String secret = enrol(admin);
        assertEquals(200, admin.get("/console").status(), "set up: the console opens");

        Http next = p.http();
        Http.Response login = next.post("/api/v1/auth/login",
                Map.of("email", TestPlatform.ADMIN_EMAIL, "password", TestPlatform.ADMIN_PASSWORD));
        assertEquals(202, login.status(), login.body());
        assertEquals("totp", login.json().path("secondFactor").path("methods").path(0).asText());
        assertEquals(303, next.get("/console").status(), "the password alone opens no console");
        assertTrue(next.get("/console").headers().get("location").startsWith("/signin"));
        assertEquals(401, next.get("/api/v1/admin/plugins").status());
        assertEquals(401, next.get("/api/v1/me").status(), "not signed in before the code");

        CLOCK.advance(Duration.ofSeconds(30));
        String code = Totp.code(secret, CLOCK.instant());
        Http.Response wrong = next.post("/api/v1/auth/second-factor", Map.of("code", otherThan(code)));
        assertEquals(401, wrong.status(), wrong.body());
        assertEquals("invalid_totp_code", wrong.errorCode());
        assertEquals(401, next.get("/api/v1/admin/plugins").status());

        Http.Response right = next.post("/api/v1/auth/second-factor", Map.of("code", code));
        assertEquals(200, right.status(), right.body());
        assertEquals(TestPlatform.ADMIN_EMAIL, right.json().path("user").path("email").asText());
        assertEquals(200, next.get("/console").status());
        assertEquals(200, next.get("/api/v1/admin/plugins").status());
    }

    @Test
    void aCodeIsAcceptedOnlyOnce() {
        String email = "ops-once@example.com";
        String secret = enrol(staff(email));
        CLOCK.advance(Duration.ofSeconds(30));
        String code = Totp.code(secret, CLOCK.instant());
        Http first = passwordOnly(email);
        assertEquals(200, first.post("/api/v1/auth/second-factor", Map.of("code", code)).status());
        Http second = passwordOnly(email);
        Http.Response replay = second.post("/api/v1/auth/second-factor", Map.of("code", code));
        assertEquals(401, replay.status(), "a code seen once (e.g. over a shoulder) is spent");
        assertEquals("invalid_totp_code", replay.errorCode());
    }

    @Test
    void aRecoveryCodeSignsInOnceInPlaceOfTheCode() {
        String email = "ops-recovery@example.com";
        Http ops = staff(email);
        Http.Response setup = ops.post("/api/v1/me/second-factor/setup", Map.of());
        String secret = setup.json().path("enrolment").path("secret").asText();
        Http.Response confirmed = ops.post("/api/v1/me/second-factor/confirm", Map.of("code", Totp.code(secret, CLOCK.instant())));
        JsonNode codes = confirmed.json().path("secondFactor").path("recoveryCodes");
        assertEquals(10, codes.size(), confirmed.body());
        String recovery = codes.path(3).asText();

        Http lostPhone = passwordOnly(email);
        assertEquals(200, lostPhone.post("/api/v1/auth/second-factor", Map.of("code", recovery.toLowerCase())).status());
        assertEquals(200, lostPhone.get("/console").status());
        assertEquals(9, lostPhone.get("/api/v1/me/second-factor").json().path("secondFactor").path("recoveryCodesLeft").asInt());
        Http again = passwordOnly(email);
        assertEquals(401, again.post("/api/v1/auth/second-factor", Map.of("code", recovery)).status(), "each works once");
    }

    @Test
    void theSignInPageAsksForTheCodeAfterThePassword() {
        String email = "ops-page@example.com";
        String secret = enrol(staff(email));
        Http browser = p.http();
        Http.Response signin = browser.raw("POST", "/signin", "application/x-www-form-urlencoded",
                "email=" + enc(email) + "&password=member-password-1&next=" + enc("/console"));
        assertEquals(303, signin.status(), signin.body());
        assertEquals("/signin/code?next=%2Fconsole", signin.headers().get("location"));
        assertEquals(303, browser.get("/console").status());
        Http.Response page = browser.get("/signin/code?next=%2Fconsole");
        assertEquals(200, page.status());
        assertTrue(page.body().contains("autocomplete=\"one-time-code\""));

        CLOCK.advance(Duration.ofSeconds(30));
        Http.Response wrong = browser.raw("POST", "/signin/code", "application/x-www-form-urlencoded",
                "code=" + otherThan(Totp.code(secret, CLOCK.instant())) + "&next=%2Fconsole");
        assertEquals(401, wrong.status());
        assertTrue(wrong.body().contains("The code is wrong or expired"));
        Http.Response done = browser.raw("POST", "/signin/code", "application/x-www-form-urlencoded",
                "code=" + Totp.code(secret, CLOCK.instant()) + "&next=%2Fconsole");
        assertEquals(303, done.status(), done.body());
        assertEquals("/console", done.headers().get("location"));
        assertEquals(200, browser.get("/console").status());
    }

    @Test
    void wrongCodesAreThrottled() {
        String email = "ops-guess@example.com";
        enrol(staff(email));
        Http guesser = passwordOnly(email);
        int last = 0;
        for (int i = 0; i < 6; i++) {
            last = guesser.post("/api/v1/auth/second-factor", Map.of("code", String.format("%06d", i))).status();
        }
        assertEquals(429, last, "after auth.max-failures wrong codes the code step is refused for a while");
    }

    @Test
    void staffCannotTurnTotpOffWhileItIsRequired() {
        String email = "ops-off@example.com";
        Http ops = staff(email);
        String secret = enrol(ops);
        CLOCK.advance(Duration.ofSeconds(30));
        Http.Response off = ops.post("/api/v1/me/second-factor/disable",
                Map.of("password", "member-password-1", "code", Totp.code(secret, CLOCK.instant())));
        assertEquals(409, off.status(), off.body());
        assertEquals("totp_required", off.errorCode());
    }

    @Test
    void anAdministratorRemovesTheTotpOfAStaffMemberWhoLostTheirPhone() {
        String email = "ops-lost@example.com";
        Http ops = staff(email);
        enrol(ops);
        long id = ops.get("/api/v1/me").json().path("user").path("id").asLong();
        assertEquals(403, ops.delete("/api/v1/admin/users/" + id + "/second-factor").status(), "operators cannot");
        assertEquals(204, key.delete("/api/v1/admin/users/" + id + "/second-factor").status());
        assertEquals(401, ops.get("/api/v1/me").status(), "their sessions ended");
        Http again = signIn(email, "member-password-1");
        assertEquals(303, again.get("/console").status(), "password only again, and sent to set TOTP up anew");
        assertEquals(404, key.delete("/api/v1/admin/users/999999/second-factor").status());
    }

    /** A member made operator through the API key, signed in with the password only (no TOTP yet). */
    private static Http staff(String email) {
        Http m = p.member(email, "Ops");
        long id = m.get("/api/v1/me").json().path("user").path("id").asLong();
        assertEquals(200, key.put("/api/v1/admin/users/" + id + "/roles", Map.of("roles", List.of("operator"))).status());
        assertEquals(401, m.get("/api/v1/me").status(), "a role change ends the member's sessions");
        return signIn(email, "member-password-1");
    }

    private static Http signIn(String email, String password) {
        Http h = p.http();
        Http.Response r = h.post("/api/v1/auth/login", Map.of("email", email, "password", password));
        assertEquals(200, r.status(), r.body());
        return h;
    }

    private static Http passwordOnly(String email) {
        Http h = p.http();
        Http.Response r = h.post("/api/v1/auth/login", Map.of("email", email, "password", "member-password-1"));
        assertEquals(202, r.status(), r.body());
        return h;
    }

    private static String enrol(Http h) {
        return enrol(h, CLOCK);
    }

    /** Sets up TOTP on the client's account; returns the secret. */
    static String enrol(Http h, MutableClock clock) {
        Http.Response setup = h.post("/api/v1/me/second-factor/setup", Map.of());
        assertEquals(201, setup.status(), setup.body());
        String secret = setup.json().path("enrolment").path("secret").asText();
        assertTrue(setup.json().path("enrolment").path("otpauthUri").asText().startsWith("otpauth://totp/"));
        Http.Response confirmed = h.post("/api/v1/me/second-factor/confirm", Map.of("code", Totp.code(secret, clock.instant())));
        assertEquals(200, confirmed.status(), confirmed.body());
        return secret;
    }

    private static String otherThan(String code) {
        return String.format("%06d", (Integer.parseInt(code) + 1) % 1_000_000);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
