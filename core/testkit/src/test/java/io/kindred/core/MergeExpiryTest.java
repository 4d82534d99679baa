package io.kindred.core;

import io.kindred.testkit.Http;
import io.kindred.testkit.MutableClock;
import io.kindred.testkit.TestPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Points moved by a merge keep their expiry dates: a merge neither lengthens nor shortens the life of a point
 * (policy {@code days_after_earning}, 30 days).
 */
class MergeExpiryTest {

    private static final MutableClock clock = new MutableClock(Instant.parse("2026-04-01T10:00:00Z"));
    private static TestPlatform platform;

    @BeforeAll
    static void start() {
        platform = TestPlatform.builder().clock(clock).setting("ledger.points.expiry", "days_after_earning")
                .setting("ledger.points.expiry-days", "30").start();
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    @Test
    void movedPointsExpireWhenTheyWouldHaveExpiredWithTheMergedMember() {
        Http admin = platform.admin();
        long stays = id(platform.member("stays@merge-expiry.test", "Stays"));
        long goes = id(platform.member("goes@merge-expiry.test", "Goes"));
        credit(admin, goes, 20);
        clock.advance(Duration.ofDays(10));
        credit(admin, stays, 10);
        clock.advance(Duration.ofDays(10));
        assertEquals(200, admin.post("/api/v1/admin/users/" + stays + "/merge", Map.of("from", goes)).status());
        assertEquals(30, balance(stays));

        clock.advance(Duration.ofDays(11));
        runExpiry();
        assertEquals(10, balance(stays), "the merged member's 20 points ended on day 30, as they would have");
        clock.advance(Duration.ofDays(10));
        runExpiry();
        assertEquals(0, balance(stays), "the member's own 10 points ended on day 40");
        assertTrue(platform.admin().get("/api/v1/admin/ledger/check").json().path("ok").asBoolean());
    }

    /** Signs in afresh: the clock moved past the old session. */
    private static void runExpiry() {
        Http.Response r = platform.admin().post("/api/v1/admin/jobs/core/expire-lots/run", Map.of());
        assertEquals(200, r.status(), r.body());
    }

    private static long id(Http member) {
        return member.get("/api/v1/me").json().at("/user/id").asLong();
    }

    private static void credit(Http admin, long userId, long points) {
        assertEquals(201, admin.post("/api/v1/admin/ledger/adjustments", Map.of("userId", userId, "asset", "points",
                "amount", points, "reason", "test")).status());
    }

    private static long balance(long userId) {
        return platform.kindred().ledger.balance(userId, "points");
    }
}
