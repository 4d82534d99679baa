package io.kindred.plugins.creators.agencies;

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
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.kindred.plugins.creators.agencies.AgencyFixture.agency;
import static io.kindred.plugins.creators.agencies.AgencyFixture.assertLedgerBalanced;
import static io.kindred.plugins.creators.agencies.AgencyFixture.auditActions;
import static io.kindred.plugins.creators.agencies.AgencyFixture.available;
import static io.kindred.plugins.creators.agencies.AgencyFixture.balance;
import static io.kindred.plugins.creators.agencies.AgencyFixture.contract;
import static io.kindred.plugins.creators.agencies.AgencyFixture.creatorWithFan;
import static io.kindred.plugins.creators.agencies.AgencyFixture.purchase;
import static io.kindred.plugins.creators.agencies.AgencyFixture.refund;
import static io.kindred.plugins.creators.agencies.AgencyFixture.release;
import static io.kindred.plugins.creators.agencies.AgencyFixture.shares;
import static io.kindred.plugins.creators.agencies.AgencyFixture.userId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * End to end through PF4J with the real distribution plugin: a contracted creator's fan buys, the commission
 * (Bronze: 10%) is released, and the agency's share moves from the creator's available commission to the agency's
 * account once, whatever the deliveries; a terminated contract books nothing new; a refund after release gives the
 * share back; settling pays the balance out, audited; the ledger stays balanced throughout.
 */
class AgencyShareIT {

    private static MutableClock clock;
    private static TestPlatform p;
    private static Http admin;
    private static Http api;

    @BeforeAll
    static void start() {
        clock = new MutableClock(AgencyFixture.START);
        p = AgencyFixture.platform(clock, true).start();
        admin = p.admin();
        api = p.apiClient("shop");
    }

    @BeforeEach
    void signIn() {
        admin = p.admin();
    }

    @AfterAll
    static void stop() {
        p.close();
    }

    @Test
    void aContractedCreatorsReleasedCommissionBooksTheAgencyShareOnceEvenWhenTheEventIsDeliveredAgain() {
        Http[] c = creatorWithFan(p, admin, "once");
        long agency = agency(admin, "Once MCN");
        contract(admin, agency, userId(c[0]), 20);
        purchase(p, api, userId(c[1]), "ONCE-1", 100_00);
        release(p, clock, admin);
        admin = p.admin(); // sessions do not outlive the refund window

        assertEquals(2_00, balance(admin, agency), "20% of the 10.00 commission");
        assertEquals(8_00, available(c[0]), "the creator keeps the rest");
        Http.Response replay = admin.post("/api/v1/admin/events/subscribers/creators:agency-share/replay", Map.of());
        assertEquals(200, replay.status(), replay.body());
        p.awaitEvents();
        assertEquals(2_00, balance(admin, agency), "a second delivery books nothing");
        assertEquals(1, shares(admin, agency).size());
        assertEquals(8_00, available(c[0]));
        assertLedgerBalanced(admin);
    }

    @Test
    void parallelReleaseRunsBookEachCommissionsShareOnce() throws Exception {
        Http[] c = creatorWithFan(p, admin, "parallel");
        long agency = agency(admin, "Parallel MCN");
        contract(admin, agency, userId(c[0]), 12.5);
        for (int i = 0; i < 6; i++) {
            purchase(p, api, userId(c[1]), "PAR-" + i, 80_00);
        }
        clock.advance(java.time.Duration.ofDays(8));
        admin = p.admin();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> runs = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                Callable<Integer> run = () -> admin.post("/api/v1/admin/jobs/distribution/release-commissions/run", Map.of()).status();
                runs.add(pool.submit(run));
            }
            for (Future<Integer> f : runs) {
                assertEquals(200, f.get());
            }
        } finally {
            pool.shutdown();
        }
        p.awaitEvents();
        assertEquals(6, shares(admin, agency).size());
        assertEquals(6 * 1_00, balance(admin, agency), "12.5% of six 8.00 commissions");
        assertEquals(6 * 7_00, available(c[0]));
        assertLedgerBalanced(admin);
    }

    @Test
    void aTerminatedContractStopsNewSharesAndTheTerminationIsAudited() {
        Http[] c = creatorWithFan(p, admin, "terminated");
        long agency = agency(admin, "Terminated MCN");
        long id = contract(admin, agency, userId(c[0]), 50);
        purchase(p, api, userId(c[1]), "TERM-1", 100_00);
        release(p, clock, admin);
        admin = p.admin(); // sessions do not outlive the refund window
        assertEquals(5_00, balance(admin, agency));

        Http.Response t = admin.post("/api/v1/admin/creators/contracts/" + id + "/terminate", Map.of("reason", "Breach of exclusivity"));
        assertEquals(200, t.status(), t.body());
        assertEquals("terminated", t.json().path("contract").path("status").asText());
        assertEquals(List.of("creators.contract_terminated", "creators.contract_created"),
                auditActions(admin, "creators:contract:" + id));
        assertEquals(409, admin.post("/api/v1/admin/creators/contracts/" + id + "/terminate", Map.of("reason", "again")).status());

        purchase(p, api, userId(c[1]), "TERM-2", 100_00);
        release(p, clock, admin);
        admin = p.admin(); // sessions do not outlive the refund window
        assertEquals(5_00, balance(admin, agency), "no share after the termination");
        assertEquals(5_00 + 10_00, available(c[0]));
        assertLedgerBalanced(admin);
    }

    @Test
    void commissionEarnedBeforeTheTerminationStillBooksTheShareWhenReleasedAfter() {
        Http[] c = creatorWithFan(p, admin, "earned-before");
        long agency = agency(admin, "Earned Before MCN");
        long id = contract(admin, agency, userId(c[0]), 10);
        purchase(p, api, userId(c[1]), "EB-1", 100_00);
        clock.advance(java.time.Duration.ofDays(1));
        Http.Response t = admin.post("/api/v1/admin/creators/contracts/" + id + "/terminate", Map.of("reason", "Ended early"));
        assertEquals(200, t.status(), t.body());
        release(p, clock, admin);
        admin = p.admin(); // sessions do not outlive the refund window
        assertEquals(1_00, balance(admin, agency), "the contract was in force when the commission was earned");
        assertLedgerBalanced(admin);
    }

    @Test
    void aRefundAfterReleaseGivesTheShareBackToTheCreatorOnce() {
        Http[] c = creatorWithFan(p, admin, "refund");
        long agency = agency(admin, "Refund MCN");
        contract(admin, agency, userId(c[0]), 30);
        purchase(p, api, userId(c[1]), "REF-1", 100_00);
        release(p, clock, admin);
        admin = p.admin(); // sessions do not outlive the refund window
        assertEquals(3_00, balance(admin, agency));

        refund(p, api, "REF-1");
        assertEquals(0, balance(admin, agency));
        assertEquals(0, available(c[0]), "the share came back and distribution clawed the whole commission back");
        JsonNode share = shares(admin, agency).get(0);
        assertEquals("reversed", share.path("status").asText());
        admin.post("/api/v1/admin/events/subscribers/creators:agency-share-refund/replay", Map.of());
        p.awaitEvents();
        assertEquals(0, balance(admin, agency));
        assertLedgerBalanced(admin);
    }

    @Test
    void settlingPaysTheBalanceOutOnceAndIsAudited() {
        Http[] c = creatorWithFan(p, admin, "settle");
        long agency = agency(admin, "Settle MCN");
        contract(admin, agency, userId(c[0]), 40);
        purchase(p, api, userId(c[1]), "SET-1", 100_00);
        release(p, clock, admin);
        admin = p.admin(); // sessions do not outlive the refund window
        assertEquals(4_00, balance(admin, agency));

        assertEquals(409, admin.post("/api/v1/admin/creators/agencies/" + agency + "/settle",
                Map.of("amount", 5_00, "reference", "TOO-MUCH")).status());
        Map<String, String> key = Map.of("Idempotency-Key", "settle-" + agency);
        Http.Response first = admin.post("/api/v1/admin/creators/agencies/" + agency + "/settle", Map.of("reference", "BANK-1"), key);
        assertEquals(201, first.status(), first.body());
        assertEquals(4_00, first.json().path("payout").path("amount").asLong());
        Http.Response again = admin.post("/api/v1/admin/creators/agencies/" + agency + "/settle", Map.of("reference", "BANK-1"), key);
        assertEquals(first.json().path("payout").path("id").asLong(), again.json().path("payout").path("id").asLong());
        assertEquals(0, balance(admin, agency));
        assertTrue(auditActions(admin, "creators:agency:" + agency).contains("creators.agency_settled"));
        assertLedgerBalanced(admin);
    }
}
