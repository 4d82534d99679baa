package io.kindred.plugins.distribution;

import com.fasterxml.jackson.databind.JsonNode;
import io.kindred.testkit.Http;
import io.kindred.testkit.MutableClock;
import io.kindred.testkit.TestPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.kindred.plugins.distribution.Fixture.assertActor;
import static io.kindred.plugins.distribution.Fixture.assertLedgerBalanced;
import static io.kindred.plugins.distribution.Fixture.audit;
import static io.kindred.plugins.distribution.Fixture.auditActions;
import static io.kindred.plugins.distribution.Fixture.available;
import static io.kindred.plugins.distribution.Fixture.code;
import static io.kindred.plugins.distribution.Fixture.grant;
import static io.kindred.plugins.distribution.Fixture.me;
import static io.kindred.plugins.distribution.Fixture.member;
import static io.kindred.plugins.distribution.Fixture.purchase;
import static io.kindred.plugins.distribution.Fixture.releaseAfterRefundWindow;
import static io.kindred.plugins.distribution.Fixture.userId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Withdrawals: the limits, parallel requests never taking more than is there, statuses, masked accounts, CSV. */
class WithdrawalIT {

    private static MutableClock clock;
    private static TestPlatform p;
    private static Http admin;
    private static Http api;

    @BeforeAll
    static void start() {
        clock = Fixture.clock();
        p = Fixture.platform(clock).setting("distribution.withdrawalDailyLimit", "100000").start();
        api = p.apiClient("shop");
    }

    /** Each test signs in afresh: the tests before it moved the clock past refund windows, and sessions expire. */
    @BeforeEach
    void signIn() {
        admin = p.admin();
    }

    @AfterAll
    static void stop() {
        p.close();
    }

    /** A distributor with {@code available} minor units of available commission (10% of a fan's purchase). */
    private static Http distributorWith(String tag, long available) {
        Http dist = member(p, tag + "@kindred.test", "Dist " + tag, null);
        grant(admin, userId(dist));
        Http fan = member(p, tag + "-fan@kindred.test", "Fan " + tag, code(dist));
        purchase(p, api, userId(fan), "ORD-" + tag, available * 10);
        releaseAfterRefundWindow(p, clock, admin);
        assertEquals(available, available(dist));
        return dist;
    }

    private static Http.Response withdraw(Http member, long amount) {
        return member.post("/api/v1/distribution/withdrawals", Map.of("amount", amount, "method", "bank",
                "account", "6222 0000 1111 2345"));
    }

    @Test
    void fiftyParallelWithdrawalsNeverExceedTheAvailableAmountAndRejectedOnesReturnItOnce() throws Exception {
        Http dist = distributorWith("parallel", 300_00);
        ExecutorService pool = Executors.newFixedThreadPool(50);
        List<Future<Http.Response>> answers = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            answers.add(pool.submit(() -> withdraw(dist, 20_00)));
        }
        List<Long> accepted = new ArrayList<>();
        int refused = 0;
        for (Future<Http.Response> f : answers) {
            Http.Response r = f.get();
            if (r.status() == 201) {
                accepted.add(r.json().path("withdrawal").path("id").asLong());
            } else {
                assertEquals(409, r.status(), r.body());
                assertEquals("insufficient_commission", r.errorCode(), r.body());
                refused++;
            }
        }
        pool.shutdown();
        assertEquals(15, accepted.size(), "300.00 holds exactly fifteen withdrawals of 20.00");
        assertEquals(35, refused);
        assertEquals(0, available(dist));
        assertLedgerBalanced(p);

        // Rejecting returns the amount exactly once, even when asked twice.
        long first = accepted.get(0);
        Http.Response rejected = admin.post("/api/v1/admin/distribution/withdrawals/" + first + "/reject", Map.of("note", "wrong account"));
        assertEquals(200, rejected.status(), rejected.body());
        Http.Response again = admin.post("/api/v1/admin/distribution/withdrawals/" + first + "/reject", Map.of("note", "twice"));
        assertEquals(409, again.status());
        assertEquals("wrong_status", again.errorCode());
        assertEquals(20_00, available(dist));
        assertLedgerBalanced(p);
    }

    @Test
    void everyDecisionOnAWithdrawalIsInTheAuditLogWithItsOperatorAndARefusedOneIsNot() {
        Http dist = distributorWith("audit", 100_00);
        long paid = withdraw(dist, 30_00).json().path("withdrawal").path("id").asLong();
        long rejected = withdraw(dist, 20_00).json().path("withdrawal").path("id").asLong();
        String paidTarget = "distribution:withdrawal:" + paid;
        String rejectedTarget = "distribution:withdrawal:" + rejected;
        assertEquals(List.of(), audit(admin, paidTarget), "a member's request is not an operator's act");

        assertEquals(200, admin.post("/api/v1/admin/distribution/withdrawals/" + paid + "/approve", Map.of()).status());
        assertEquals(200, admin.post("/api/v1/admin/distribution/withdrawals/" + paid + "/pay",
                Map.of("reference", "BANK-901")).status());
        assertEquals(409, admin.post("/api/v1/admin/distribution/withdrawals/" + paid + "/pay",
                Map.of("reference", "BANK-902")).status());
        assertEquals(List.of("distribution.withdrawal_paid", "distribution.withdrawal_approved"), auditActions(admin, paidTarget));
        JsonNode payment = audit(admin, paidTarget).get(0);
        assertActor(admin, payment);
        String detail = payment.path("detail").asText();
        assertTrue(detail.contains("30.00 CNY") && detail.contains("BANK-901") && detail.contains("****2345"), detail);
        assertFalse(detail.contains("1111 2345") || detail.contains("BANK-902"), detail);

        assertEquals(200, api.post("/api/v1/admin/distribution/withdrawals/" + rejected + "/approve", Map.of()).status());
        assertEquals(200, admin.post("/api/v1/admin/distribution/withdrawals/" + rejected + "/reject",
                Map.of("note", "account closed")).status());
        assertEquals(409, admin.post("/api/v1/admin/distribution/withdrawals/" + rejected + "/reject",
                Map.of("note", "twice")).status());
        List<JsonNode> entries = audit(admin, rejectedTarget);
        assertEquals(List.of("distribution.withdrawal_rejected", "distribution.withdrawal_approved"), auditActions(admin, rejectedTarget),
                "the refused second rejection left no entry");
        assertActor(admin, entries.get(0));
        assertTrue(entries.get(0).path("detail").asText().contains("account closed"), entries.get(0).toString());
        assertTrue(entries.get(1).path("actor").asText().startsWith("API key "), "an API key's act names the key: " + entries.get(1));
        assertLedgerBalanced(p);
    }

    @Test
    void theMinimumTheDailyLimitAndTheBalanceAreEachRefusedWithTheirCode() {
        Http dist = distributorWith("limits", 2_000_00);
        assertEquals("below_minimum", withdraw(dist, 9_99).errorCode());
        assertEquals("insufficient_commission", withdraw(dist, 2_000_01).errorCode());
        assertEquals(201, withdraw(dist, 600_00).status());
        assertEquals(201, withdraw(dist, 400_00).status());
        Http.Response overLimit = withdraw(dist, 1_00 + 9_99);
        assertEquals(409, overLimit.status());
        assertEquals("daily_limit", overLimit.errorCode(), "1000.00 a day at most");
        clock.advance(java.time.Duration.ofDays(1));
        assertEquals(201, withdraw(dist, 10_99).status(), "a new day, a new limit");
        Http.Response bad = dist.post("/api/v1/distribution/withdrawals", Map.of("amount", 20_00, "method", "cash", "account", "x"));
        assertEquals(400, bad.status());
        assertEquals("invalid_field", bad.errorCode());
        Http.Response missing = dist.post("/api/v1/distribution/withdrawals", Map.of("amount", 20_00));
        assertEquals(400, missing.status());
        assertEquals("missing_field", missing.errorCode());
        assertLedgerBalanced(p);
    }

    @Test
    void aWithdrawalGoesRequestedApprovedPaidWithTheAccountMaskedInEveryListAndEachStatusNotified() {
        Http dist = distributorWith("paid", 100_00);
        Http.Response r = dist.post("/api/v1/distribution/withdrawals", Map.of("amount", 50_00, "method", "bank",
                "account", "6222 0000 1111 9876"), Map.of("Idempotency-Key", "w-1"));
        assertEquals(201, r.status(), r.body());
        Http.Response repeat = dist.post("/api/v1/distribution/withdrawals", Map.of("amount", 50_00, "method", "bank",
                "account", "6222 0000 1111 9876"), Map.of("Idempotency-Key", "w-1"));
        assertEquals(r.json().path("withdrawal").path("id"), repeat.json().path("withdrawal").path("id"));
        assertEquals(50_00, available(dist), "the repeat took nothing");
        long id = r.json().path("withdrawal").path("id").asLong();
        assertEquals("****9876", r.json().path("withdrawal").path("account").asText());

        assertEquals(409, admin.post("/api/v1/admin/distribution/withdrawals/" + id + "/pay", Map.of("reference", "X")).status(),
                "only an approved withdrawal is paid");
        assertEquals("approved", admin.post("/api/v1/admin/distribution/withdrawals/" + id + "/approve", Map.of())
                .json().path("withdrawal").path("status").asText());
        JsonNode paid = admin.post("/api/v1/admin/distribution/withdrawals/" + id + "/pay", Map.of("reference", "BANK-778"))
                .json().path("withdrawal");
        assertEquals("paid", paid.path("status").asText());
        assertEquals(50_00, me(dist).path("commission").path("withdrawn").asLong());

        String queue = admin.get("/api/v1/admin/distribution/withdrawals?userId=" + userId(dist)).body();
        String mine = dist.get("/api/v1/distribution/withdrawals").body();
        String csv = admin.get("/console/distribution/withdrawals.csv").body();
        String page = admin.get("/console/distribution/withdrawals").body();
        for (String list : List.of(queue, mine, csv, page, dist.get("/invite/withdraw").body())) {
            assertFalse(list.contains("1111 9876") || list.contains("11119876"), list);
        }
        assertTrue(csv.contains("****9876") && csv.contains("BANK-778"), csv);
        assertTrue(admin.get("/api/v1/admin/distribution/withdrawals/" + id).body().contains("6222 0000 1111 9876"),
                "the operator who pays sees the whole account on the withdrawal itself");

        String notifications = dist.get("/api/v1/me/notifications").body();
        for (String type : List.of("withdrawal_requested", "withdrawal_approved", "withdrawal_paid", "released", "earned")) {
            assertTrue(notifications.contains("distribution." + type), type + " in " + notifications);
        }
        assertLedgerBalanced(p);
    }
}
