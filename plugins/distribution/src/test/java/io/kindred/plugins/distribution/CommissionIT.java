package io.kindred.plugins.distribution;

import io.kindred.testkit.Http;
import io.kindred.testkit.MutableClock;
import io.kindred.testkit.TestPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.kindred.plugins.distribution.Fixture.assertLedgerBalanced;
import static io.kindred.plugins.distribution.Fixture.available;
import static io.kindred.plugins.distribution.Fixture.code;
import static io.kindred.plugins.distribution.Fixture.frozen;
import static io.kindred.plugins.distribution.Fixture.grant;
import static io.kindred.plugins.distribution.Fixture.me;
import static io.kindred.plugins.distribution.Fixture.member;
import static io.kindred.plugins.distribution.Fixture.purchase;
import static io.kindred.plugins.distribution.Fixture.refund;
import static io.kindred.plugins.distribution.Fixture.runJob;
import static io.kindred.plugins.distribution.Fixture.userId;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * End to end through PF4J with purchases posted to the core's purchases endpoint: a two-level chain books the
 * right amounts frozen; the release job makes them available once; a refund before release cancels, a refund after
 * release claws back (the balance may go below zero); replaying the purchase and refund events changes nothing.
 * Default levels: Bronze 10% (depth 1) and 3% (depth 2).
 */
class CommissionIT {

    private static MutableClock clock;
    private static TestPlatform p;
    private static Http admin;
    private static Http api;

    @BeforeAll
    static void start() {
        clock = Fixture.clock();
        p = Fixture.platform(clock).start();
        admin = p.admin();
        api = p.apiClient("shop");
    }

    @AfterAll
    static void stop() {
        p.close();
    }

    /** Alice invites Bob, Bob invites Carol; Alice and Bob are distributors. @return the three clients */
    private static Http[] chain(String tag) {
        Http alice = member(p, "alice-" + tag + "@kindred.test", "Alice " + tag, null);
        grant(admin, userId(alice));
        Http bob = member(p, "bob-" + tag + "@kindred.test", "Bob " + tag, code(alice));
        grant(admin, userId(bob));
        Http carol = member(p, "carol-" + tag + "@kindred.test", "Carol " + tag, code(bob));
        p.awaitEvents();
        return new Http[]{alice, bob, carol};
    }

    @Test
    void aTwoLevelChainBooksTenAndThreePercentFrozenThenTheReleaseJobMakesThemAvailableOnce() {
        Http[] c = chain("release");
        purchase(p, api, userId(c[2]), "REL-1", 100_00);
        assertEquals(10_00, frozen(c[1]), "Bob, the referrer, earns 10%");
        assertEquals(3_00, frozen(c[0]), "Alice, the referrer's referrer, earns 3%");
        assertEquals(0, frozen(c[2]));
        assertEquals(Map.of("direct", 1, "indirect", 1).toString(),
                Map.of("direct", me(c[0]).path("fans").path("direct").asInt(), "indirect",
                        me(c[0]).path("fans").path("indirect").asInt()).toString());
        assertEquals(0, runJob(admin, "release-commissions"), "nothing is due inside the refund window");

        clock.advance(java.time.Duration.ofDays(8));
        long released = runJob(admin, "release-commissions");
        org.junit.jupiter.api.Assertions.assertTrue(released >= 2, "these two, and those of other tests due by now");
        assertEquals(0, runJob(admin, "release-commissions"), "a second run releases nothing");
        assertEquals(0, frozen(c[1]));
        assertEquals(10_00, available(c[1]));
        assertEquals(3_00, available(c[0]));
        assertLedgerBalanced(p);
    }

    @Test
    void aRefundBeforeReleaseCancelsTheFrozenCommission() {
        Http[] c = chain("before");
        purchase(p, api, userId(c[2]), "BEF-1", 50_00);
        assertEquals(5_00, frozen(c[1]));
        refund(p, api, "BEF-1");
        assertEquals(0, frozen(c[1]));
        assertEquals(0, frozen(c[0]));
        clock.advance(java.time.Duration.ofDays(8));
        runJob(admin, "release-commissions");
        assertEquals(0, available(c[1]), "a cancelled commission is never released");
        Http.Response list = c[1].get("/api/v1/distribution/commissions");
        assertEquals("cancelled", list.json().path("items").get(0).path("status").asText(), list.body());
        assertLedgerBalanced(p);
    }

    @Test
    void aRefundAfterReleaseClawsBackFromTheAvailableBalanceEvenBelowZero() {
        Http[] c = chain("after");
        purchase(p, api, userId(c[2]), "AFT-1", 200_00);
        clock.advance(java.time.Duration.ofDays(8));
        runJob(admin, "release-commissions");
        assertEquals(20_00, available(c[1]));
        // Bob withdraws most of it before the refund comes in.
        Http.Response w = c[1].post("/api/v1/distribution/withdrawals", Map.of("amount", 15_00, "method", "alipay",
                "account", "bob@alipay.test"));
        assertEquals(201, w.status(), w.body());
        refund(p, api, "AFT-1");
        assertEquals(-15_00, available(c[1]), "the claw-back leaves a debt that later earnings pay off");
        assertEquals(0, available(c[0]), "Alice's 6.00 is taken back too");
        assertEquals("clawed_back", c[1].get("/api/v1/distribution/commissions").json().path("items").get(0).path("status").asText());
        assertLedgerBalanced(p);
    }

    @Test
    void replayingThePurchaseAndRefundEventsChangesNothing() {
        Http[] c = chain("replay");
        purchase(p, api, userId(c[2]), "REP-1", 80_00);
        purchase(p, api, userId(c[2]), "REP-2", 40_00);
        refund(p, api, "REP-2");
        purchase(p, api, userId(c[2]), "REP-1", 80_00); // the shop sends the same order again
        String before = snapshot(c);
        for (String subscriber : java.util.List.of("commission", "refund", "bind-on-signup")) {
            Http.Response r = admin.post("/api/v1/admin/events/subscribers/distribution:" + subscriber + "/replay", Map.of());
            assertEquals(200, r.status(), r.body());
        }
        p.awaitEvents();
        assertEquals(before, snapshot(c));
        assertEquals(8_00, frozen(c[1]));
        assertLedgerBalanced(p);
    }

    private static String snapshot(Http[] c) {
        StringBuilder s = new StringBuilder();
        for (Http h : c) {
            s.append(me(h).path("commission")).append(me(h).path("fans")).append('|')
                    .append(h.get("/api/v1/distribution/commissions").json().path("items").size()).append('\n');
        }
        return s.toString();
    }
}
