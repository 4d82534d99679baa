package io.kindred.plugins.membership;

import io.kindred.testkit.Http;
import io.kindred.testkit.MutableClock;
import io.kindred.testkit.TestPlatform;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static io.kindred.plugins.membership.Fixture.balance;
import static io.kindred.plugins.membership.Fixture.runJob;
import static io.kindred.plugins.membership.Fixture.signIn;
import static io.kindred.plugins.membership.Fixture.userId;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Birthday, monthly and check-in bonuses: paid once per year / month / check-in, only with the benefit. */
class BonusIT {

    private static final Instant BIRTHDAY_2026 = Instant.parse("2026-03-10T12:00:00Z");

    private static void grant(TestPlatform p, long userId, String plan) {
        Http.Response r = p.admin().post("/api/v1/admin/membership/grants", Map.of("userId", userId, "planCode", plan));
        assertEquals(201, r.status(), r.body());
    }

    @Test
    void theBirthdayBonusIsPaidOncePerYearEvenWhenTheJobRunsTwice() {
        MutableClock clock = new MutableClock(BIRTHDAY_2026);
        try (TestPlatform p = Fixture.start(clock)) {
            Http alice = p.member("alice@kindred.test", "Alice");
            Http bob = p.member("bob@kindred.test", "Bob");
            for (Http m : new Http[]{alice, bob}) {
                assertEquals(200, m.patch("/api/v1/me", Map.of("birthday", "1990-03-10")).status());
            }
            grant(p, userId(alice), "annual");   // the annual card carries birthday.bonus; Bob (V1, no card) has none

            assertEquals(1, runJob(p, "birthday-bonus"));
            assertEquals(0, runJob(p, "birthday-bonus"));
            assertEquals(100, balance(alice, "points"));
            assertEquals(0, balance(bob, "points"));

            clock.advance(Duration.ofDays(1));
            assertEquals(0, runJob(p, "birthday-bonus"), "not her birthday");
            clock.set(Instant.parse("2027-03-10T12:00:00Z"));
            grant(p, userId(signIn(p, "alice@kindred.test")), "annual");
            assertEquals(1, runJob(p, "birthday-bonus"));
            assertEquals(0, runJob(p, "birthday-bonus"));
            assertEquals(200, balance(signIn(p, "alice@kindred.test"), "points"));
            Fixture.assertLedgerBalanced(p);
        }
    }

    @Test
    void planHoldersGetTheMonthlyBonusOncePerMonth() {
        MutableClock clock = new MutableClock(BIRTHDAY_2026);
        try (TestPlatform p = Fixture.start(clock)) {
            Http alice = p.member("alice@kindred.test", "Alice");
            Http bob = p.member("bob@kindred.test", "Bob");
            grant(p, userId(alice), "annual");
            assertEquals(1, runJob(p, "monthly-bonus"));
            assertEquals(0, runJob(p, "monthly-bonus"));
            assertEquals(50, balance(alice, "points"));
            assertEquals(0, balance(bob, "points"));
            clock.advance(Duration.ofDays(25));
            assertEquals(1, runJob(p, "monthly-bonus"), "April");
            assertEquals(100, balance(signIn(p, "alice@kindred.test"), "points"));
        }
    }

    @Test
    void aPlanHoldersCheckInEarnsTheExtraShare() {
        Path checkin = Path.of(System.getProperty("kindred.checkin.jar"));
        try (TestPlatform p = TestPlatform.builder().plugin(Fixture.JAR).plugin(checkin).start()) {
            Http alice = p.member("alice@kindred.test", "Alice");
            Http bob = p.member("bob@kindred.test", "Bob");
            grant(p, userId(alice), "monthly");
            assertEquals(201, alice.post("/api/v1/checkins", Map.of()).status());
            assertEquals(201, bob.post("/api/v1/checkins", Map.of()).status());
            p.awaitEvents();
            assertEquals(balance(bob, "points") + 5, balance(alice, "points"));
            Fixture.assertLedgerBalanced(p);
        }
    }
}
