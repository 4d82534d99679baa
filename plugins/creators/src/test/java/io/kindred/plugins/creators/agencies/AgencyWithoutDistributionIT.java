package io.kindred.plugins.creators.agencies;

import io.kindred.testkit.Http;
import io.kindred.testkit.MutableClock;
import io.kindred.testkit.TestPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.kindred.plugins.creators.agencies.AgencyFixture.agency;
import static io.kindred.plugins.creators.agencies.AgencyFixture.assertLedgerBalanced;
import static io.kindred.plugins.creators.agencies.AgencyFixture.balance;
import static io.kindred.plugins.creators.agencies.AgencyFixture.contract;
import static io.kindred.plugins.creators.agencies.AgencyFixture.member;
import static io.kindred.plugins.creators.agencies.AgencyFixture.purchase;
import static io.kindred.plugins.creators.agencies.AgencyFixture.refund;
import static io.kindred.plugins.creators.agencies.AgencyFixture.shares;
import static io.kindred.plugins.creators.agencies.AgencyFixture.userId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Without the distribution plugin agencies, contracts and managers work; no share is booked (no commission is ever
 * announced), purchases and refunds break nothing, the pages render with their contracts, and an operator's
 * console acts (terminate, settle with nothing to settle) answer with a message, never a 500.
 */
class AgencyWithoutDistributionIT {

    private static TestPlatform p;
    private static Http admin;
    private static Http api;

    @BeforeAll
    static void start() {
        p = AgencyFixture.platform(new MutableClock(AgencyFixture.START), false).start();
        admin = p.admin();
        api = p.apiClient("shop");
    }

    @AfterAll
    static void stop() {
        p.close();
    }

    @Test
    void agenciesContractsAndManagersWorkAndNoShareIsBooked() {
        long agency = agency(admin, "Solo MCN");
        Http creator = member(p, "solo-creator@kindred.test", "Solo Creator", null);
        long contractId = contract(admin, agency, userId(creator), 25);
        Http manager = member(p, "solo-manager@kindred.test", "Solo Manager", null);
        assertEquals(200, admin.post("/api/v1/admin/creators/agencies/" + agency + "/managers",
                Map.of("userId", userId(manager))).status());

        purchase(p, api, userId(creator), "SOLO-1", 100_00);
        refund(p, api, "SOLO-1");
        assertEquals(0, balance(admin, agency));
        assertEquals(0, shares(admin, agency).size());

        Http.Response creators = manager.get("/api/v1/creators/agency/creators");
        assertEquals(200, creators.status(), creators.body());
        assertTrue(creators.json().path("items").get(0).path("fans").isNull(), "fans come from distribution");
        Http.Response page = manager.get("/creators/agency");
        assertEquals(200, page.status(), page.body());
        assertTrue(page.body().contains("Solo Creator"));
        Http.Response console = admin.get("/console/creators/agencies/" + agency);
        assertEquals(200, console.status(), console.body());
        assertTrue(console.body().contains("Solo Creator"));
        assertEquals(409, admin.post("/api/v1/admin/creators/agencies/" + agency + "/settle", Map.of("reference", "X")).status());
        assertLedgerBalanced(admin);

        Http.Response terminated = admin.submitForm("/console/creators/agencies/" + agency,
                "/console/creators/contracts/" + contractId, "action", "terminate", "reason", "Left the brand");
        assertEquals(303, terminated.status(), terminated.body());
        assertEquals("terminated", admin.get("/api/v1/admin/creators/contracts/" + contractId).json().path("contract")
                .path("status").asText());
        Http.Response nothing = admin.submitForm("/console/creators/agencies/" + agency,
                "/console/creators/agencies/" + agency + "/settle", "reference", "BANK-0");
        assertEquals(303, nothing.status());
        assertTrue(nothing.headers().getOrDefault("location", "").contains("error="), nothing.headers().toString());
    }

    @Test
    void contractsPastTheirLastDayEndByThemselves() {
        long agency = agency(admin, "Ending MCN");
        long creator = userId(member(p, "ending@kindred.test", "Ending", null));
        Http.Response r = AgencyFixture.sign(admin, agency, creator, "2025-01-01", "2025-12-31", 10);
        assertEquals(201, r.status(), r.body());
        assertEquals("ended", r.json().path("contract").path("status").asText(), "computed before the job runs");
        Http.Response job = admin.post("/api/v1/admin/jobs/creators/end-contracts/run", Map.of());
        assertEquals(200, job.status(), job.body());
        assertTrue(job.json().path("job").path("count").asLong() >= 1, job.body());
        assertEquals(201, AgencyFixture.sign(admin, agency, creator, "2026-01-01", "2026-12-31", 10).status(),
                "an ended contract leaves room for a new one");
    }
}
