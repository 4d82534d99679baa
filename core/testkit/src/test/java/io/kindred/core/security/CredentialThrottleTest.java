package io.kindred.core.security;

import io.kindred.testkit.Http;
import io.kindred.testkit.MutableClock;
import io.kindred.testkit.TestPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hole 3 of issue 20 and the one credential throttle: a hundred rapid guesses on every endpoint that checks a
 * secret end in 429 with {@code Retry-After} after the limit (5 per account, 20 per address here), and once the
 * window has passed (the platform's clock moves) the real password works again: nobody is locked out for good.
 */
class CredentialThrottleTest {

    static final String PASSWORD = "member-password-1";
    static final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T08:00:00Z"));
    static TestPlatform platform;

    @BeforeAll
    static void start() {
        platform = TestPlatform.builder().clock(clock).setting("auth.max-failures", "5")
                .setting("auth.max-failures-per-address", "20").setting("auth.lockout-minutes", "15").start();
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    /** Each test starts with full buckets. */
    @BeforeEach
    void passTheWindow() {
        clock.advance(Duration.ofMinutes(16));
    }

    /** Sends {@code attempt(i)} a hundred times from ten threads at once; returns the statuses in order. */
    private static List<Http.Response> hundredAtOnce(IntFunction<Http.Response> attempt) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            List<Future<Http.Response>> futures = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                int n = i;
                futures.add(pool.submit(() -> attempt.apply(n)));
            }
            List<Http.Response> out = new ArrayList<>();
            for (Future<Http.Response> f : futures) {
                out.add(f.get());
            }
            return out;
        } finally {
            pool.shutdown();
        }
    }

    private static long count(List<Http.Response> rs, int status) {
        return rs.stream().filter(r -> r.status() == status).count();
    }

    private static void assertThrottled(Http.Response r) {
        assertEquals(429, r.status(), r.body());
        String retryAfter = r.headers().get("retry-after");
        assertNotNull(retryAfter, "Retry-After is sent");
        long seconds = Long.parseLong(retryAfter);
        assertTrue(seconds > 0 && seconds <= 15 * 60, retryAfter);
    }

    private static Http.Response apiLogin(String email, String password) {
        return platform.http().post("/api/v1/auth/login", Map.of("email", email, "password", password));
    }

    @Test
    void aHundredRapidApiSignInsAre429AfterFiveAndTheRealPasswordWorksAfterTheWindow() throws Exception {
        platform.member("ana@throttle.test", "Ana");
        List<Http.Response> rs = hundredAtOnce(i -> apiLogin("ana@throttle.test", "guess-" + i));
        assertEquals(5, count(rs, 401), "five wrong passwords are checked");
        assertEquals(95, count(rs, 429), "the rest are refused unchecked");
        Http.Response refused = rs.stream().filter(r -> r.status() == 429).findFirst().orElseThrow();
        assertThrottled(refused);
        assertEquals("too_many_attempts", refused.errorCode());

        assertThrottled(apiLogin("ana@throttle.test", PASSWORD));
        clock.advance(Duration.ofMinutes(15).plusSeconds(1));
        assertEquals(200, apiLogin("ana@throttle.test", PASSWORD).status(), "after the window the member signs in");
    }

    @Test
    void aHundredRapidPageSignInsGetAFriendlyPageAfterFive() throws Exception {
        platform.member("bo@throttle.test", "Bo");
        List<Http.Response> rs = hundredAtOnce(i -> platform.http().raw("POST", "/signin",
                "application/x-www-form-urlencoded", "email=bo%40throttle.test&password=guess-" + i));
        assertEquals(5, count(rs, 401));
        assertEquals(95, count(rs, 429));
        Http.Response refused = rs.stream().filter(r -> r.status() == 429).findFirst().orElseThrow();
        assertThrottled(refused);
        assertTrue(refused.body().contains("<form"), "a page, with the sign-in form");
        assertEquals(429, apiLogin("bo@throttle.test", PASSWORD).status(), "the API shares the page's buckets");
    }

    @Test
    void aStolenSessionCannotGuessTheCurrentPasswordThroughTheApi() throws Exception {
        Http cy = platform.member("cy@throttle.test", "Cy");
        List<Http.Response> rs = hundredAtOnce(i -> cy.post("/api/v1/me/password",
                Map.of("currentPassword", "guess-" + i, "newPassword", "stolen-password-1")));
        assertEquals(5, count(rs, 401), rs.get(0).body());
        assertEquals(95, count(rs, 429));
        assertThrottled(rs.stream().filter(r -> r.status() == 429).findFirst().orElseThrow());
        assertEquals(429, apiLogin("cy@throttle.test", PASSWORD).status(), "sign-in guards the same secret");

        clock.advance(Duration.ofMinutes(16));
        assertEquals(204, cy.post("/api/v1/me/password", Map.of("currentPassword", PASSWORD,
                "newPassword", "new-password-22")).status());
        assertEquals(200, apiLogin("cy@throttle.test", "new-password-22").status());
    }

    @Test
    void theAccountPagePasswordChangeIsThrottledToo() {
        Http di = platform.member("di@throttle.test", "Di");
        for (int i = 0; i < 5; i++) {
            assertEquals(400, di.submitForm("/account", "/account/password", "currentPassword", "guess-" + i,
                    "newPassword", "stolen-password-1").status());
        }
        Http.Response refused = di.submitForm("/account", "/account/password", "currentPassword", PASSWORD,
                "newPassword", "stolen-password-1");
        assertThrottled(refused);
        clock.advance(Duration.ofMinutes(16));
        assertEquals(303, di.submitForm("/account", "/account/password", "currentPassword", PASSWORD,
                "newPassword", "new-password-33").status(), "the change goes through");
    }

    @Test
    void oneAddressGuessingManyAccountsIsStoppedAfterTwenty() throws Exception {
        platform.member("ed@throttle.test", "Ed");
        List<Http.Response> rs = hundredAtOnce(i -> apiLogin("someone-" + i + "@throttle.test", "guess"));
        assertEquals(20, count(rs, 401));
        assertEquals(80, count(rs, 429));
        assertEquals(429, apiLogin("ed@throttle.test", PASSWORD).status(), "this address waits");
        clock.advance(Duration.ofMinutes(16));
        assertEquals(200, apiLogin("ed@throttle.test", PASSWORD).status());
    }

    @Test
    void resetRequestsAndResetLinkGuessesAreThrottled() throws Exception {
        platform.member("fay@throttle.test", "Fay");
        for (int i = 0; i < 5; i++) {
            assertEquals(200, platform.http().raw("POST", "/forgot", "application/x-www-form-urlencoded",
                    "email=fay%40throttle.test").status());
        }
        assertThrottled(platform.http().raw("POST", "/forgot", "application/x-www-form-urlencoded", "email=fay%40throttle.test"));

        List<Http.Response> rs = hundredAtOnce(i -> platform.http().get("/reset?token=guess" + i));
        assertEquals(20, count(rs, 400));
        assertEquals(80, count(rs, 429));
        assertThrottled(rs.stream().filter(r -> r.status() == 429).findFirst().orElseThrow());
    }

    @Test
    void claimLinkAndClaimCodeGuessesAreThrottled() throws Exception {
        List<Http.Response> links = hundredAtOnce(i -> platform.http().post("/api/v1/auth/claim/email/confirm",
                Map.of("token", "guess" + i, "password", "claimed-password-1")));
        assertEquals(20, count(links, 400), links.get(0).body());
        assertEquals(80, count(links, 429));
        assertThrottled(links.stream().filter(r -> r.status() == 429).findFirst().orElseThrow());

        List<Http.Response> codes = hundredAtOnce(i -> platform.http().post("/api/v1/auth/claim/phone/confirm",
                Map.of("phone", "+8613900000077", "code", String.format("%06d", i), "password", "claimed-password-1")));
        assertEquals(95, count(codes, 429), "five codes per phone, then 429");
        assertThrottled(codes.stream().filter(r -> r.status() == 429).findFirst().orElseThrow());
    }

    @Test
    void successesDoNotCount() {
        platform.member("gus@throttle.test", "Gus");
        for (int i = 0; i < 30; i++) {
            assertEquals(200, apiLogin("gus@throttle.test", PASSWORD).status());
        }
        for (int i = 0; i < 4; i++) {
            assertEquals(401, apiLogin("gus@throttle.test", "guess").status());
        }
        assertEquals(200, apiLogin("gus@throttle.test", PASSWORD).status(), "four failures and many successes: not locked");
    }
}
