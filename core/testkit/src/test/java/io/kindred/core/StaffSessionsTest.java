package io.kindred.core;

import com.fasterxml.jackson.databind.JsonNode;
import io.kindred.server.staff.Totp;
import io.kindred.testkit.Browser;
import io.kindred.testkit.Http;
import io.kindred.testkit.MutableClock;
import io.kindred.testkit.TestPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The own session list with revoke, session id rotation, idle timeouts, and TOTP where it is not required. */
class StaffSessionsTest {

    private static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-12-01T09:00:00Z"));
    private static final String PHONE = "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 Chrome/126.0 Mobile Safari/537.36";
    private static final String LAPTOP = "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 Version/17.5 Safari/605.1.15";
    private static TestPlatform p;

    @BeforeAll
    static void start() {
        p = TestPlatform.builder().clock(CLOCK)
                .setting("session.idle-hours", "24").setting("session.staff-idle-minutes", "30").start();
    }

    @AfterAll
    static void stop() {
        p.close();
    }

    @Test
    void signingInGivesANewSessionIdAndTheOldOneStopsWorking() {
        p.member("rotate@example.com", "Rota");
        Http h = p.http();
        String first = sessionCookie(login(h, "rotate@example.com"));
        String second = sessionCookie(login(h, "rotate@example.com"));
        assertNotEquals(first, second);
        assertEquals(401, p.http().header("Cookie", "kindred_session=" + first).get("/api/v1/me").status());
        assertEquals(200, p.http().header("Cookie", "kindred_session=" + second).get("/api/v1/me").status());
    }

    @Test
    void theSessionListShowsEachDeviceAndEndsOneOrAllOthers() {
        p.member("devices@example.com", "Dev");
        Http phone = p.http().header("User-Agent", PHONE);
        Http laptop = p.http().header("User-Agent", LAPTOP);
        Http tablet = p.http();
        login(phone, "devices@example.com");
        login(laptop, "devices@example.com");
        login(tablet, "devices@example.com");

        Http.Response list = phone.get("/api/v1/me/sessions");
        assertEquals(200, list.status(), list.body());
        JsonNode items = list.json().path("items");
        assertTrue(items.size() >= 3, list.body());
        JsonNode mine = find(items, "Chrome · Android");
        assertTrue(mine.path("current").asBoolean(), list.body());
        assertEquals("127.0.0.1", mine.path("address").asText());
        assertTrue(mine.path("signedInAt").asText().startsWith("2026-12-"), list.body());
        String laptopId = find(items, "Safari · macOS").path("id").asText();

        assertEquals(204, phone.delete("/api/v1/me/sessions/" + laptopId).status());
        assertEquals(401, laptop.get("/api/v1/me").status(), "the revoked session is signed out");
        Http.Response again = phone.delete("/api/v1/me/sessions/" + laptopId);
        assertEquals(404, again.status(), again.body());
        assertEquals("session_not_found", again.errorCode());
        assertEquals(200, tablet.get("/api/v1/me").status());

        assertEquals(204, phone.delete("/api/v1/me/sessions").status());
        assertEquals(401, tablet.get("/api/v1/me").status(), "signed out everywhere else");
        assertEquals(200, phone.get("/api/v1/me").status(), "but not here");
        assertEquals(1, phone.get("/api/v1/me/sessions").json().path("items").size());
    }

    @Test
    void aMemberCannotEndAnotherMembersSession() {
        p.member("victim@example.com", "Vic");
        Http victim = p.http();
        login(victim, "victim@example.com");
        String id = victim.get("/api/v1/me/sessions").json().path("items").path(0).path("id").asText();
        Http other = p.member("other@example.com", "Oth");
        Http.Response r = other.delete("/api/v1/me/sessions/" + id);
        assertEquals(404, r.status(), r.body());
        assertEquals("session_not_found", r.errorCode());
        assertEquals(200, victim.get("/api/v1/me").status());
    }

    @Test
    void theSecurityPageListsSessionsAndEndsThemInEnglishAndChinese() {
        p.member("page@example.com", "Pag");
        Http phone = p.http().header("User-Agent", PHONE);
        Http laptop = p.http().header("User-Agent", LAPTOP);
        login(phone, "page@example.com");
        login(laptop, "page@example.com");
        Http.Response page = phone.get("/account/security");
        assertEquals(200, page.status());
        assertTrue(page.body().contains("Chrome · Android") && page.body().contains("This device"), page.body());
        assertTrue(page.body().contains("Safari · macOS"));
        Http.Response zh = phone.header("Accept-Language", "zh-CN").get("/account/security");
        assertTrue(zh.body().contains("您的登录设备") && zh.body().contains("当前设备"), zh.body());
        Http.Response ended = phone.raw("POST", "/account/security/sessions/end-others",
                "application/x-www-form-urlencoded", "");
        assertEquals(303, ended.status(), ended.body());
        assertEquals(401, laptop.get("/api/v1/me").status());
    }

    @Test
    void aRoleChangeEndsTheMembersSessionsSoNoStaleRoleIsUsed() {
        Http member = p.member("promoted@example.com", "Pro");
        long id = member.get("/api/v1/me").json().path("user").path("id").asLong();
        Http admin = p.admin();
        assertEquals(200, admin.put("/api/v1/admin/users/" + id + "/roles", Map.of("roles", List.of("operator"))).status());
        assertEquals(401, member.get("/api/v1/me").status(), "promoted: signed out");
        login(member, "promoted@example.com");
        assertEquals(200, member.get("/api/v1/admin/jobs").status());
        assertEquals(200, admin.put("/api/v1/admin/users/" + id + "/roles", Map.of("roles", List.of())).status());
        assertEquals(401, member.get("/api/v1/admin/jobs").status(), "demoted: the operator session is gone");
        assertEquals(200, admin.get("/api/v1/admin/plugins").status(), "the acting administrator stays signed in");
    }

    @Test
    void sessionsEndAfterTheIdleTimeoutShorterForStaff() {
        Http member = p.member("idle@example.com", "Idl");
        Http admin = p.admin();
        CLOCK.advance(Duration.ofMinutes(29));
        assertEquals(200, admin.get("/api/v1/admin/plugins").status());
        CLOCK.advance(Duration.ofMinutes(29));
        assertEquals(200, admin.get("/api/v1/admin/plugins").status(), "each request keeps it alive");
        CLOCK.advance(Duration.ofMinutes(31));
        assertEquals(401, admin.get("/api/v1/admin/plugins").status(), "30 idle minutes end a staff session");
        assertEquals(200, member.get("/api/v1/me").status(), "a member's idle limit is longer");
        CLOCK.advance(Duration.ofHours(25));
        assertEquals(401, member.get("/api/v1/me").status(), "24 idle hours end a member's session");
    }

    @Test
    void aMemberMayTurnTotpOnAndOffWithPasswordAndCode() {
        Http m = p.member("own-totp@example.com", "Tot");
        String secret = StaffTotpTest.enrol(m, CLOCK);
        Http next = p.http();
        assertEquals(202, next.post("/api/v1/auth/login",
                Map.of("email", "own-totp@example.com", "password", "member-password-1")).status());
        CLOCK.advance(Duration.ofSeconds(30));
        Http.Response wrongPassword = m.post("/api/v1/me/second-factor/disable",
                Map.of("password", "nope-nope-nope", "code", Totp.code(secret, CLOCK.instant())));
        assertEquals(401, wrongPassword.status());
        assertEquals("invalid_credentials", wrongPassword.errorCode());
        CLOCK.advance(Duration.ofSeconds(30));
        assertEquals(204, m.post("/api/v1/me/second-factor/disable",
                Map.of("password", "member-password-1", "code", Totp.code(secret, CLOCK.instant()))).status());
        assertFalse(m.get("/api/v1/me/second-factor").json().path("secondFactor").path("on").asBoolean());
        login(p.http(), "own-totp@example.com");
    }

    @Test
    void onAPhoneTheSecurityPageSetsUpTotpAndTheNextSignInAsksForTheCode() {
        try (Browser b = Browser.open(Browser.PHONE)) {
            WebDriver d = b.driver();
            b.signUp(p.baseUrl(), "Phone Person", "phone-totp@example.com", "member-password-1");
            b.open(p.baseUrl(), "/account");
            b.clickAndWait(d.findElement(By.cssSelector("a[href='/account/security']")));
            b.assertFits("the security page");
            assertTrue(d.findElement(By.cssSelector(".session-list")).getText().contains("This device"));
            b.clickAndWait(d.findElement(By.cssSelector("form[action='/account/security/totp/start'] button")));
            assertTrue(d.findElement(By.cssSelector("svg.totp-qr")).isDisplayed(), "the QR code shows");
            b.assertFits("the TOTP set-up with its QR code");
            String secret = d.findElement(By.cssSelector(".totp-secret")).getText().replace(" ", "");
            d.findElement(By.name("code")).sendKeys(Totp.code(secret, CLOCK.instant()));
            b.clickAndWait(d.findElement(By.cssSelector("form[action='/account/security/totp/confirm'] button")));
            assertEquals(10, d.findElements(By.cssSelector(".recovery-codes li")).size());
            b.assertFits("the recovery codes");

            d.manage().deleteAllCookies();
            b.signIn(p.baseUrl(), "phone-totp@example.com", "member-password-1");
            assertTrue(d.getCurrentUrl().contains("/signin/code"), d.getCurrentUrl());
            b.assertFits("the code step of signing in");
            CLOCK.advance(Duration.ofSeconds(30));
            d.findElement(By.name("code")).sendKeys(Totp.code(secret, CLOCK.instant()));
            b.clickAndWait(d.findElement(By.cssSelector("form[action='/signin/code'] button")));
            b.open(p.baseUrl(), "/account/security");
            assertTrue(d.getPageSource().contains("Two-step sign-in is on."), "signed in, TOTP on");
        }
    }

    @Test
    void newRecoveryCodesReplaceTheOldOnes() {
        Http m = p.member("renew@example.com", "Ren");
        String secret = m.post("/api/v1/me/second-factor/setup", Map.of()).json().path("enrolment").path("secret").asText();
        String old = m.post("/api/v1/me/second-factor/confirm", Map.of("code", Totp.code(secret, CLOCK.instant())))
                .json().path("secondFactor").path("recoveryCodes").path(0).asText();
        CLOCK.advance(Duration.ofSeconds(30));
        Http.Response renewed = m.post("/api/v1/me/second-factor/recovery-codes", Map.of("code", Totp.code(secret, CLOCK.instant())));
        assertEquals(200, renewed.status(), renewed.body());
        JsonNode fresh = renewed.json().path("secondFactor").path("recoveryCodes");
        assertEquals(10, fresh.size());

        Http next = p.http();
        next.post("/api/v1/auth/login", Map.of("email", "renew@example.com", "password", "member-password-1"));
        assertEquals(401, next.post("/api/v1/auth/second-factor", Map.of("code", old)).status(), "old codes stop working");
        assertEquals(200, next.post("/api/v1/auth/second-factor", Map.of("code", fresh.path(0).asText())).status());
    }

    private static Http.Response login(Http h, String email) {
        Http.Response r = h.post("/api/v1/auth/login", Map.of("email", email, "password", "member-password-1"));
        assertEquals(200, r.status(), r.body());
        return r;
    }

    private static String sessionCookie(Http.Response r) {
        String header = r.headers().get("set-cookie");
        int start = header.indexOf("kindred_session=") + "kindred_session=".length();
        return header.substring(start, header.indexOf(';', start));
    }

    private static JsonNode find(JsonNode items, String device) {
        for (JsonNode i : items) {
            if (i.path("device").asText().equals(device)) {
                return i;
            }
        }
        throw new AssertionError("no session of " + device + " in " + items);
    }
}
