package io.kindred.plugins.membership;

import com.fasterxml.jackson.databind.JsonNode;
import io.kindred.api.membership.MembershipService;
import io.kindred.testkit.Http;
import io.kindred.testkit.MutableClock;
import io.kindred.testkit.TestPlatform;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.kindred.plugins.membership.Fixture.events;
import static io.kindred.plugins.membership.Fixture.me;
import static io.kindred.plugins.membership.Fixture.purchase;
import static io.kindred.plugins.membership.Fixture.userId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Paid plans: shop sku, extension, expiry job, operator grants, activation codes. */
class PlansIT {

    private static final Instant T0 = Instant.parse("2026-03-10T12:00:00Z");

    private static boolean hasBenefit(TestPlatform p, long userId, String code) {
        return p.kindred().plugins.services().find(MembershipService.class).orElseThrow().hasBenefit(userId, code);
    }

    @Test
    void theCatalogListsTheShippedCards() {
        try (TestPlatform p = Fixture.start()) {
            JsonNode items = p.member("a@kindred.test", "A").get("/api/v1/membership/plans").json().path("items");
            assertEquals(6, items.size());
            assertEquals("monthly", items.get(0).path("code").asText());
            assertEquals("CARD-MONTHLY", items.get(0).path("sku").asText());
        }
    }

    @Test
    void aPlanSkuActivatesASecondPurchaseExtendsAndTheJobEndsIt() {
        MutableClock clock = new MutableClock(T0);
        try (TestPlatform p = Fixture.start(clock)) {
            Http alice = p.member("alice@kindred.test", "Alice");
            long id = userId(alice);
            assertFalse(hasBenefit(p, id, "monthly.bonus"));

            purchase(p, alice, "C-1", 19_00, "CARD-MONTHLY");
            JsonNode plans = me(alice).path("plans");
            assertEquals(1, plans.size(), plans.toString());
            assertEquals("monthly", plans.get(0).path("code").asText());
            assertEquals("2026-04-10T12:00:00Z", plans.get(0).path("endsAt").asText());
            assertTrue(hasBenefit(p, id, "monthly.bonus"));
            assertTrue(me(alice).path("benefits").toString().contains("monthly.bonus"));

            purchase(p, alice, "C-2", 19_00, "CARD-MONTHLY");
            assertEquals("2026-05-10T12:00:00Z", me(alice).path("plans").get(0).path("endsAt").asText());
            purchase(p, alice, "C-2", 19_00, "CARD-MONTHLY");
            assertEquals("2026-05-10T12:00:00Z", me(alice).path("plans").get(0).path("endsAt").asText(), "a replay extends nothing");
            assertEquals(2, events(p, "plan.activated", id));

            clock.advance(Duration.ofDays(62));
            Http.Response run = p.admin().post("/api/v1/admin/membership/jobs/expire-plans/run", Map.of());
            assertEquals(200, run.status(), run.body());
            assertEquals(1, run.json().path("count").asInt());
            assertEquals(0, p.admin().post("/api/v1/admin/membership/jobs/expire-plans/run", Map.of()).json().path("count").asInt());
            assertEquals(1, events(p, "plan.expired", id));
            alice = p.http();   // the session ran out with the 62 days: sign in again
            assertEquals(200, alice.post("/api/v1/auth/login", Map.of("email", "alice@kindred.test",
                    "password", "member-password-1")).status());
            assertEquals(0, me(alice).path("plans").size());
            assertFalse(hasBenefit(p, id, "monthly.bonus"), "a lapsed plan's benefits are gone");
            assertFalse(me(alice).path("benefits").toString().contains("monthly.bonus"));
        }
    }

    @Test
    void aMemberHearsOnceThatTheirCardEndsWithin7DaysAndOnceThatItEnded() {
        MutableClock clock = new MutableClock(T0);
        try (TestPlatform p = Fixture.start(clock)) {
            Http alice = p.member("alice@kindred.test", "Alice");
            long id = userId(alice);
            purchase(p, alice, "C-1", 19_00, "CARD-MONTHLY");
            clock.advance(Duration.ofDays(20));
            assertEquals(0, p.admin().post("/api/v1/admin/membership/jobs/remind-expiring-cards/run", Map.of())
                    .json().path("count").asInt(), "more than 7 days left");
            clock.advance(Duration.ofDays(5));
            assertEquals(1, p.admin().post("/api/v1/admin/membership/jobs/remind-expiring-cards/run", Map.of())
                    .json().path("count").asInt());
            p.admin().post("/api/v1/admin/membership/jobs/remind-expiring-cards/run", Map.of());
            assertEquals(1, notifications(p, id, "membership.card_expiring"), "once per card and end");
            clock.advance(Duration.ofDays(7));
            p.admin().post("/api/v1/admin/membership/jobs/expire-plans/run", Map.of());
            assertEquals(1, notifications(p, id, "membership.card_expired"));
        }
    }

    static long notifications(TestPlatform p, long userId, String type) {
        return p.kindred().database.read(h -> h.createQuery("SELECT COUNT(*) FROM notifications WHERE user_id = :u AND type = :t")
                .bind("u", userId).bind("t", type).mapTo(Long.class).one());
    }

    @Test
    void anOperatorGrantsAndRevokes() {
        try (TestPlatform p = Fixture.start()) {
            Http alice = p.member("alice@kindred.test", "Alice");
            long id = userId(alice);
            Http.Response g = p.admin().post("/api/v1/admin/membership/grants", Map.of("userId", id, "planCode", "annual_plus"));
            assertEquals(201, g.status(), g.body());
            assertTrue(hasBenefit(p, id, "distribution.rights"));
            assertEquals(404, p.admin().post("/api/v1/admin/membership/grants",
                    Map.of("userId", id, "planCode", "nope")).status());

            Http.Response d = p.admin().delete("/api/v1/admin/membership/grants?userId=" + id + "&planCode=annual_plus");
            assertEquals(204, d.status(), d.body());
            assertFalse(hasBenefit(p, id, "distribution.rights"));
            assertEquals(0, me(alice).path("plans").size());
            assertEquals(404, p.admin().delete("/api/v1/admin/membership/grants?userId=" + id + "&planCode=annual_plus").status());
        }
    }

    private static String oneCode(TestPlatform p, String plan) {
        Http.Response b = p.admin().post("/api/v1/admin/membership/codes", Map.of("planCode", plan, "count", 1));
        assertEquals(201, b.status(), b.body());
        return b.json().path("batch").path("codes").get(0).asText();
    }

    @Test
    void anActivationCodeWorksOnceForAnyone() {
        try (TestPlatform p = Fixture.start()) {
            String code = oneCode(p, "quarterly");
            Http alice = p.member("alice@kindred.test", "Alice");
            Http bob = p.member("bob@kindred.test", "Bob");
            Http.Response r = alice.post("/api/v1/membership/redeem", Map.of("code", code.toLowerCase().replace("-", " ")));
            assertEquals(201, r.status(), r.body());
            assertEquals("quarterly", r.json().path("plan").path("code").asText());
            Http.Response again = bob.post("/api/v1/membership/redeem", Map.of("code", code));
            assertEquals(409, again.status(), again.body());
            assertEquals("code_already_used", again.errorCode());
            assertEquals(409, alice.post("/api/v1/membership/redeem", Map.of("code", code)).status());
            assertEquals(404, bob.post("/api/v1/membership/redeem", Map.of("code", "AAAA-BBBB-CCCC-DDDD")).status());
            assertEquals(0, me(bob).path("plans").size());
        }
    }

    @Test
    void twentyParallelRedemptionsOfOneCodeMakeOneSuccess() throws Exception {
        try (TestPlatform p = Fixture.start()) {
            String code = oneCode(p, "monthly");
            List<Http> members = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                members.add(p.member("m" + i + "@kindred.test", "M" + i));
            }
            ExecutorService pool = Executors.newFixedThreadPool(20);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> results = new ArrayList<>();
            for (Http m : members) {
                results.add(pool.submit(() -> {
                    go.await();
                    return m.post("/api/v1/membership/redeem", Map.of("code", code)).status();
                }));
            }
            go.countDown();
            int ok = 0;
            int used = 0;
            for (Future<Integer> f : results) {
                int s = f.get();
                ok += s == 201 ? 1 : 0;
                used += s == 409 ? 1 : 0;
            }
            pool.shutdown();
            assertEquals(1, ok);
            assertEquals(19, used);
            int holders = p.kindred().database.read(h -> h.createQuery(
                    "SELECT COUNT(*) FROM membership_holdings WHERE plan_code = 'monthly'").mapTo(Integer.class).one());
            assertEquals(1, holders);
        }
    }

    @Test
    void aRefundedCardPurchaseTakesBackItsTime() {
        MutableClock clock = new MutableClock(T0);
        try (TestPlatform p = Fixture.start(clock)) {
            Http alice = p.member("alice@kindred.test", "Alice");
            long id = userId(alice);
            purchase(p, alice, "C-1", 19_00, "CARD-MONTHLY");
            purchase(p, alice, "C-2", 19_00, "CARD-MONTHLY");
            assertEquals("2026-05-10T12:00:00Z", me(alice).path("plans").get(0).path("endsAt").asText());
            Fixture.refund(p, "C-2");
            assertEquals("2026-04-10T12:00:00Z", me(alice).path("plans").get(0).path("endsAt").asText());
            Fixture.refund(p, "C-1");
            assertEquals(0, me(alice).path("plans").size());
            assertFalse(hasBenefit(p, id, "monthly.bonus"));
            assertEquals(1, events(p, "plan.expired", id));
        }
    }

    @Test
    void aFreeTrialRunsItsDaysOncePerMemberAndPlan() {
        MutableClock clock = new MutableClock(T0);
        try (TestPlatform p = Fixture.start(clock)) {
            Http alice = p.member("alice@kindred.test", "Alice");
            assertEquals(409, alice.post("/api/v1/membership/plans/monthly/trial", Map.of()).status(), "no trial by default");
            assertEquals(200, p.admin().put("/api/v1/admin/membership/plans/monthly", Map.of("trialDays", 7)).status());
            Http.Response r = alice.post("/api/v1/membership/plans/monthly/trial", Map.of());
            assertEquals(201, r.status(), r.body());
            assertEquals("2026-03-17T12:00:00Z", r.json().path("plan").path("endsAt").asText());
            Http.Response again = alice.post("/api/v1/membership/plans/monthly/trial", Map.of());
            assertEquals(409, again.status());
            assertEquals("trial_used", again.errorCode());
            purchase(p, alice, "C-1", 19_00, "CARD-MONTHLY");
            assertEquals("2026-04-17T12:00:00Z", me(alice).path("plans").get(0).path("endsAt").asText(), "buying extends the trial");
        }
    }
}
