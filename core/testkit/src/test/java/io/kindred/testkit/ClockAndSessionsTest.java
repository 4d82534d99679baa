package io.kindred.testkit;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What the plugin guide says of the test clock and sessions ("The test clock, sessions and jobs"). */
class ClockAndSessionsTest {

    @Test
    void movingTheClockAYearSignsEveryoneOutUntilTheySignInAgain() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-23T00:00:00Z"));
        try (TestPlatform p = TestPlatform.builder().clock(clock).start()) {
            Http alice = p.member("alice@example.com", "Alice");
            Http admin = p.admin();
            Http key = p.apiClient("ci");
            clock.advance(Duration.ofDays(29));
            assertEquals(200, alice.get("/api/v1/me").status(), "a session lasts session.days (30) from sign-in");

            clock.advance(Duration.ofDays(365));
            Http.Response me = alice.get("/api/v1/me");
            assertEquals(401, me.status(), me.body());
            assertEquals("unauthenticated", me.errorCode());
            assertEquals(401, admin.get("/api/v1/admin/plugins").status());
            assertEquals(200, key.get("/api/v1/admin/plugins").status(), "API keys do not expire with the clock");

            assertEquals(200, alice.post("/api/v1/auth/login",
                    Map.of("email", "alice@example.com", "password", "member-password-1")).status());
            assertEquals(200, alice.get("/api/v1/me").status());
            assertEquals(200, p.admin().get("/api/v1/admin/plugins").status());
        }
    }

    @Test
    void longerSessionsOutlastAMovedClock() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-23T00:00:00Z"));
        try (TestPlatform p = TestPlatform.builder().clock(clock).setting("session.days", "3650").start()) {
            Http alice = p.member("alice@example.com", "Alice");
            clock.advance(Duration.ofDays(365));
            assertEquals(200, alice.get("/api/v1/me").status());
        }
    }
}
