package io.kindred.plugins.creators.agencies;

import io.kindred.testkit.Http;
import io.kindred.testkit.Multipart;
import io.kindred.testkit.MutableClock;
import io.kindred.testkit.TestPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static io.kindred.plugins.creators.agencies.AgencyFixture.agency;
import static io.kindred.plugins.creators.agencies.AgencyFixture.auditActions;
import static io.kindred.plugins.creators.agencies.AgencyFixture.contract;
import static io.kindred.plugins.creators.agencies.AgencyFixture.member;
import static io.kindred.plugins.creators.agencies.AgencyFixture.sign;
import static io.kindred.plugins.creators.agencies.AgencyFixture.userId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Agency managers see their own agency only (403 elsewhere, pages and API, terms files included); a creator has
 * one contract at a time; renewals and terminations are audited; terms files are checked by their bytes; the
 * console pages render. With the real distribution plugin running.
 */
class AgencyManagerIT {

    private static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    private static TestPlatform p;
    private static Http admin;

    @BeforeAll
    static void start() {
        p = AgencyFixture.platform(new MutableClock(AgencyFixture.START), true).start();
        admin = p.admin();
    }

    @AfterAll
    static void stop() {
        p.close();
    }

    private static Http manager(long agencyId, String tag) {
        Http m = member(p, "manager-" + tag + "@kindred.test", "Manager " + tag, null);
        Http.Response r = admin.post("/api/v1/admin/creators/agencies/" + agencyId + "/managers", Map.of("userId", userId(m)));
        assertEquals(200, r.status(), r.body());
        return m;
    }

    private static Http.Response uploadTerms(long contractId, String name, byte[] bytes) {
        Multipart body = new Multipart().file("terms", name, bytes);
        return admin.raw("PUT", "/api/v1/admin/creators/contracts/" + contractId + "/terms", body.contentType(), body.bytes());
    }

    @Test
    void aManagerSeesOnlyTheirAgencysCreatorsContractsAndTermsFile() {
        long mine = agency(admin, "Mine MCN");
        long theirs = agency(admin, "Theirs MCN");
        Http creatorA = member(p, "creator-a@kindred.test", "Creator A", null);
        Http creatorB = member(p, "creator-b@kindred.test", "Creator B", null);
        contract(admin, mine, userId(creatorA), 10);
        long theirContract = contract(admin, theirs, userId(creatorB), 15);
        assertEquals(200, uploadTerms(theirContract, "b.pdf", PDF).status());
        Http manager = manager(mine, "mine");

        Http.Response own = manager.get("/api/v1/creators/agency");
        assertEquals(200, own.status(), own.body());
        assertEquals("Mine MCN", own.json().path("agency").path("name").asText());
        Http.Response creators = manager.get("/api/v1/creators/agency/creators");
        assertEquals(1, creators.json().path("items").size(), creators.body());
        assertEquals(userId(creatorA), creators.json().path("items").get(0).path("userId").asLong());

        for (String path : List.of("/api/v1/creators/agencies/" + theirs, "/api/v1/creators/agencies/" + theirs + "/creators",
                "/api/v1/creators/agencies/" + theirs + "/contracts", "/api/v1/creators/contracts/" + theirContract + "/terms",
                "/creators/agencies/" + theirs)) {
            Http.Response r = manager.get(path);
            assertEquals(403, r.status(), path + " " + r.body());
        }
        assertEquals(403, manager.get("/api/v1/admin/creators/agencies/" + theirs).status(), "managers are not operators");
        Http.Response page = manager.get("/creators/agency");
        assertEquals(200, page.status(), page.body());
        assertTrue(page.body().contains("Creator A") && !page.body().contains("Creator B"), page.body());
    }

    @Test
    void aMemberWhoManagesNoAgencyGetsForbidden() {
        Http stranger = member(p, "stranger@kindred.test", "Stranger", null);
        Http.Response r = stranger.get("/api/v1/creators/agency");
        assertEquals(403, r.status(), r.body());
        assertEquals("not_your_agency", r.errorCode());
        assertEquals(403, stranger.get("/creators/agency").status());
    }

    @Test
    void aCreatorHasOneContractAtATime() {
        long first = agency(admin, "First MCN");
        long second = agency(admin, "Second MCN");
        long creator = userId(member(p, "one-at-a-time@kindred.test", "One", null));
        contract(admin, first, creator, 10);
        Http.Response clash = sign(admin, second, creator, "2026-06-01", "2026-12-31", 20);
        assertEquals(409, clash.status(), clash.body());
        assertEquals("contract_exists", clash.errorCode());
        Http.Response bad = sign(admin, second, creator + 1000, "2026-06-01", "2026-12-31", 20);
        assertEquals(404, bad.status(), "a member that does not exist");
        assertEquals(400, sign(admin, second, creator, "2026-06-01", "2026-12-31", 12.345).status(), "two decimals at most");
        assertEquals(400, sign(admin, second, creator, "2026-06-01", "2026-12-31", 101).status());
    }

    @Test
    void aRenewalContinuesTheContractOnceAndIsAudited() {
        long agency = agency(admin, "Renewal MCN");
        long creator = userId(member(p, "renewed@kindred.test", "Renewed", null));
        long id = contract(admin, agency, creator, 10);
        Http.Response renewal = admin.post("/api/v1/admin/creators/contracts/" + id + "/renew", Map.of("endsOn", "2028-12-31",
                "sharePercent", 12.5));
        assertEquals(201, renewal.status(), renewal.body());
        assertEquals("2028-01-01", renewal.json().path("contract").path("startsOn").asText());
        assertEquals("12.5", renewal.json().path("contract").path("sharePercent").asText());
        assertEquals(id, renewal.json().path("contract").path("renewedFrom").asLong());
        assertEquals(409, admin.post("/api/v1/admin/creators/contracts/" + id + "/renew", Map.of("endsOn", "2029-12-31")).status(),
                "the renewal is in place already");
        assertEquals(List.of("creators.contract_renewed", "creators.contract_created"), auditActions(admin, "creators:contract:" + id));
    }

    @Test
    void termsFilesAreCheckedByTheirBytes() {
        long agency = agency(admin, "Terms MCN");
        long id = contract(admin, agency, userId(member(p, "terms@kindred.test", "Terms", null)), 10);
        Http.Response notPdf = uploadTerms(id, "terms.pdf", "<html>not a pdf</html>".getBytes(StandardCharsets.UTF_8));
        assertEquals(415, notPdf.status(), notPdf.body());
        Http.Response ok = uploadTerms(id, "signed terms.pdf", PDF);
        assertEquals(200, ok.status(), ok.body());
        assertTrue(ok.json().path("contract").path("hasTerms").asBoolean());
        Http manager = manager(agency, "terms");
        Http.Response download = manager.get("/api/v1/creators/contracts/" + id + "/terms");
        assertEquals(200, download.status());
        assertTrue(download.headers().getOrDefault("content-type", "").startsWith("application/pdf"), download.headers().toString());
        assertTrue(auditActions(admin, "creators:contract:" + id).contains("creators.contract_terms_uploaded"));
    }

    @Test
    void theConsolePagesListAndShowAnAgency() {
        long agency = agency(admin, "Console MCN");
        Http.Response list = admin.get("/console/creators/agencies");
        assertEquals(200, list.status(), list.body());
        assertTrue(list.body().contains("Console MCN"));
        Http.Response detail = admin.get("/console/creators/agencies/" + agency);
        assertEquals(200, detail.status(), detail.body());
        Http.Response created = admin.submitForm("/console/creators/agencies", "/console/creators/agencies", "name", "Form MCN",
                "status", "active");
        assertEquals(303, created.status(), created.body());
        assertTrue(admin.get("/console/creators/agencies").body().contains("Form MCN"));
    }
}
