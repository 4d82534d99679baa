package io.kindred.plugins.creators.campaigns;

import com.fasterxml.jackson.databind.JsonNode;
import io.kindred.testkit.Http;
import io.kindred.testkit.MutableClock;
import io.kindred.testkit.TestPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.kindred.plugins.creators.campaigns.CampaignFixture.ID_NUMBER;
import static io.kindred.plugins.creators.campaigns.CampaignFixture.answers;
import static io.kindred.plugins.creators.campaigns.CampaignFixture.apply;
import static io.kindred.plugins.creators.campaigns.CampaignFixture.campaign;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Applying: once per campaign, within dates and quota, required fields, and the identity number sealed and masked. */
class ApplicationsIT {

    private static MutableClock clock;
    private static TestPlatform p;
    private static Http admin;

    @BeforeAll
    static void start() {
        clock = CampaignFixture.clock();
        p = CampaignFixture.platform(clock).start();
        admin = p.admin();
    }

    @AfterAll
    static void stop() {
        p.close();
    }

    @Test
    void aSecondApplicationToTheSameCampaignIsRefusedWith409AlreadyApplied() {
        long campaign = campaign(admin, "Beauty creators", 10);
        Http lily = p.member("lily@kindred.test", "Lily");
        apply(lily, campaign, "Lily");
        Http.Response again = lily.post("/api/v1/creators/campaigns/" + campaign + "/applications", answers("Lily"));
        assertEquals(409, again.status(), again.body());
        assertEquals("already_applied", again.errorCode());
        assertEquals(1, lily.get("/api/v1/creators/applications/mine").json().path("items").size());
    }

    @Test
    void tenParallelApplicationsOfOneMemberMakeOneApplication() throws Exception {
        long campaign = campaign(admin, "Parallel", 10);
        Http max = p.member("max@kindred.test", "Max");
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(10);
        List<Integer> statuses;
        try {
            List<java.util.concurrent.Callable<Integer>> calls = new java.util.ArrayList<>();
            for (int i = 0; i < 10; i++) {
                calls.add(() -> max.post("/api/v1/creators/campaigns/" + campaign + "/applications", answers("Max")).status());
            }
            statuses = new java.util.ArrayList<>();
            for (var f : pool.invokeAll(calls)) {
                statuses.add(f.get());
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
        assertEquals(9, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
        assertEquals(1, admin.get("/api/v1/admin/creators/applications?campaign=" + campaign).json().path("items").size());
    }

    @Test
    void twelveMembersApplyingAtOnceToFivePlacesGetFiveApplications() throws Exception {
        long campaign = campaign(admin, "Five places", 5);
        List<Http> members = new java.util.ArrayList<>();
        for (int i = 0; i < 12; i++) {
            members.add(p.member("rush" + i + "@kindred.test", "Rush " + i));
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(12);
        List<String> outcomes = new java.util.ArrayList<>();
        try {
            List<java.util.concurrent.Callable<Http.Response>> calls = new java.util.ArrayList<>();
            for (Http m : members) {
                calls.add(() -> m.post("/api/v1/creators/campaigns/" + campaign + "/applications", answers("Rush")));
            }
            for (var f : pool.invokeAll(calls)) {
                Http.Response r = f.get();
                outcomes.add(r.status() == 201 ? "ok" : r.errorCode());
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(5, outcomes.stream().filter("ok"::equals).count(), outcomes.toString());
        assertEquals(7, outcomes.stream().filter("quota_reached"::equals).count(), outcomes.toString());
    }

    @Test
    void theIdentityNumberIsMaskedInListsAndMineUnmaskedInTheDetailAndNeverStoredReadable() throws IOException {
        long campaign = campaign(admin, "Identity check", 10);
        Http kim = p.member("kim@kindred.test", "Kim");
        JsonNode created = apply(kim, campaign, "Kim");
        String masked = "1101**********1234";
        assertEquals(masked, created.path("answers").path("identity").path("number").asText());
        JsonNode mine = kim.get("/api/v1/creators/applications/mine").json().path("items").get(0);
        assertEquals(masked, mine.path("answers").path("identity").path("number").asText());
        Http.Response list = admin.get("/api/v1/admin/creators/applications?campaign=" + campaign);
        assertFalse(list.body().contains(ID_NUMBER), list.body());
        assertTrue(list.body().contains(masked), list.body());
        Http.Response detail = admin.get("/api/v1/admin/creators/applications/" + created.path("id").asLong());
        assertEquals(ID_NUMBER, detail.json().path("application").path("answers").path("identity").path("number").asText());
        assertFalse(kim.get("/creators").body().contains(ID_NUMBER));

        p.kindred().database.read(h -> h.execute("PRAGMA wal_checkpoint(TRUNCATE)"));
        byte[] needle = ID_NUMBER.getBytes(StandardCharsets.UTF_8);
        try (Stream<Path> files = Files.walk(p.dataDir())) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                assertFalse(contains(Files.readAllBytes(f), needle), "readable identity number in " + f);
            }
        }
        assertTrue(Files.exists(p.dataDir().resolve("kindred.db")));
        Path key = p.dataDir().resolve("keys/vault.key");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
    }

    @Test
    void aFullCampaignAClosedOneAndOneNotStartedRefuseClearly() {
        long small = campaign(admin, "Two places", 2);
        apply(p.member("q1@kindred.test", "Q1"), small, "Q1");
        apply(p.member("q2@kindred.test", "Q2"), small, "Q2");
        Http.Response full = p.member("q3@kindred.test", "Q3").post("/api/v1/creators/campaigns/" + small + "/applications",
                answers("Q3"));
        assertEquals(409, full.status(), full.body());
        assertEquals("quota_reached", full.errorCode());

        Http late = p.member("late@kindred.test", "Late");
        long closed = campaign(admin, "Closed", 10, "closed", "2026-03-01", "2026-03-31");
        assertEquals("campaign_closed", late.post("/api/v1/creators/campaigns/" + closed + "/applications",
                answers("Late")).errorCode());
        long ended = campaign(admin, "Ended", 10, "open", "2026-02-01", "2026-03-09");
        assertEquals("campaign_closed", late.post("/api/v1/creators/campaigns/" + ended + "/applications",
                answers("Late")).errorCode());
        long future = campaign(admin, "April", 10, "open", "2026-04-01", "2026-04-30");
        Http.Response early = late.post("/api/v1/creators/campaigns/" + future + "/applications", answers("Late"));
        assertEquals(409, early.status(), early.body());
        assertEquals("campaign_not_started", early.errorCode());
        long draft = campaign(admin, "Draft", 10, "draft", "2026-03-01", "2026-03-31");
        assertEquals(404, late.post("/api/v1/creators/campaigns/" + draft + "/applications", answers("Late")).status());
        assertEquals(404, p.http().get("/api/v1/creators/campaigns/" + draft).status());

        List<String> open = titles(p.http().get("/api/v1/creators/campaigns").json());
        assertTrue(open.contains("Two places") && !open.contains("Closed") && !open.contains("April")
                && !open.contains("Draft") && !open.contains("Ended"), open.toString());
        clock.advance(Duration.ofDays(25));
        assertTrue(titles(p.http().get("/api/v1/creators/campaigns").json()).contains("April"));
        clock.advance(Duration.ofDays(-25));
    }

    @Test
    void requiredFieldsAndWellFormedAnswersAreChecked() {
        long campaign = campaign(admin, "Checks", 10);
        Http ada = p.member("ada@kindred.test", "Ada");
        Map<String, Object> noPhone = new java.util.HashMap<>(answers("Ada"));
        noPhone.remove("phone");
        Http.Response missing = ada.post("/api/v1/creators/campaigns/" + campaign + "/applications", noPhone);
        assertEquals(400, missing.status(), missing.body());
        assertEquals("missing_field", missing.errorCode());
        Map<String, Object> badLink = new java.util.HashMap<>(answers("Ada"));
        badLink.put("sampleLinks", List.of("javascript:alert(1)"));
        assertEquals("invalid_field", ada.post("/api/v1/creators/campaigns/" + campaign + "/applications", badLink).errorCode());
        assertEquals(401, p.http().post("/api/v1/creators/campaigns/" + campaign + "/applications", answers("X")).status());
        apply(ada, campaign, "Ada");
    }

    private static List<String> titles(JsonNode page) {
        List<String> titles = new java.util.ArrayList<>();
        page.path("items").forEach(c -> titles.add(c.path("title").asText()));
        return titles;
    }

    private static boolean contains(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
