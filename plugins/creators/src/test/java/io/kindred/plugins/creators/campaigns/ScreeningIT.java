package io.kindred.plugins.creators.campaigns;

import com.fasterxml.jackson.databind.JsonNode;
import io.kindred.testkit.Http;
import io.kindred.testkit.TestPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.kindred.plugins.creators.campaigns.CampaignFixture.apply;
import static io.kindred.plugins.creators.campaigns.CampaignFixture.approval;
import static io.kindred.plugins.creators.campaigns.CampaignFixture.campaign;
import static io.kindred.plugins.creators.campaigns.CampaignFixture.events;
import static io.kindred.plugins.creators.campaigns.CampaignFixture.move;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The screening workflow: each state, scores from the rubric, history, approval exactly once, bulk moves, outcome texts. */
class ScreeningIT {

    private static TestPlatform p;
    private static Http admin;

    @BeforeAll
    static void start() {
        p = CampaignFixture.platform(CampaignFixture.clock())
                .setting("creators.rejectedMessageEn", "Not this time for {campaign}, thank you!")
                .setting("creators.rejectedMessageZh", "「{campaign}」这次未通过，谢谢你！").start();
        admin = p.admin();
    }

    @AfterAll
    static void stop() {
        p.close();
    }

    @Test
    void aMemberIsScreenedThroughEachStateAndApprovedWithItsHistory() {
        long campaign = campaign(admin, "Spring skincare creators", 10);
        Http lily = p.member("lily@kindred.test", "Lily");
        long id = apply(lily, campaign, "Lily Wang").path("id").asLong();

        assertEquals("screening", move(admin, id, "screening", "Looks promising").path("status").asText());
        Http.Response scored = admin.post("/api/v1/admin/creators/applications/" + id + "/transition", Map.of("to",
                "interview", "note", "Call on Friday", "score", Map.of("content", 8, "reach", 6, "fit", 10)));
        assertEquals(200, scored.status(), scored.body());
        // (8·40 + 6·30 + 10·30) / 100 · 10 = 80
        assertEquals(80, scored.json().path("application").path("score").asInt());
        assertEquals("interview", scored.json().path("application").path("status").asText());

        Http.Response approved = admin.post("/api/v1/admin/creators/applications/" + id + "/approve", approval());
        assertEquals(200, approved.status(), approved.body());
        JsonNode a = approved.json().path("application");
        assertEquals("approved", a.path("status").asText());
        assertEquals("kol", a.path("approval").path("level").asText());
        assertTrue(a.path("reviewerId").asLong() > 0);
        List<String> steps = new ArrayList<>();
        a.path("history").forEach(h -> steps.add((h.path("from").isNull() ? "-" : h.path("from").asText()) + ">"
                + h.path("to").asText() + (h.path("note").isNull() ? "" : ":" + h.path("note").asText())));
        // The score is a step of its own (screening>screening), recorded before the move it came with.
        assertEquals(List.of("->submitted", "submitted>screening:Looks promising", "screening>screening:Call on Friday",
                "screening>interview:Call on Friday", "interview>approved:Great fit"), steps);
        assertFalse(a.path("history").get(4).path("actorName").asText().isEmpty(), a.toString());
        a.path("history").forEach(h -> assertTrue(h.path("at").asText().startsWith("2026-03-10"), h.toString()));

        Http.Response audit = admin.get("/api/v1/admin/audit?limit=50&target=creators:application:" + id);
        List<String> actions = new ArrayList<>();
        audit.json().path("items").forEach(e -> actions.add(e.path("action").asText()));
        assertTrue(actions.containsAll(List.of("creators.application_screening", "creators.application_scored",
                "creators.application_interview", "creators.application_approved")), actions.toString());
        Http.Response mine = lily.get("/api/v1/creators/applications/mine");
        assertEquals("approved", mine.json().path("items").get(0).path("status").asText());
        assertTrue(events(p, "creators.application_submitted") >= 1);
    }

    @Test
    void approvalRetriedAndInParallelPublishesOneApprovedEvent() throws Exception {
        long campaign = campaign(admin, "Food creators", 10);
        Http tom = p.member("tom@kindred.test", "Tom");
        long id = apply(tom, campaign, "Tom Li").path("id").asLong();
        move(admin, id, "screening", "ok");
        int before = events(p, "creators.application_approved");

        Http api = p.apiClient("ops");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Http.Response>> calls = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                calls.add(() -> api.post("/api/v1/admin/creators/applications/" + id + "/approve", approval()));
            }
            for (Future<Http.Response> f : pool.invokeAll(calls)) {
                Http.Response r = f.get();
                assertEquals(200, r.status(), r.body());
                assertEquals("approved", r.json().path("application").path("status").asText());
            }
        } finally {
            pool.shutdown();
        }
        Http.Response again = admin.post("/api/v1/admin/creators/applications/" + id + "/approve", approval());
        assertEquals(200, again.status(), again.body());
        assertEquals(before + 1, events(p, "creators.application_approved"));
        String text = p.kindred().database.read(h -> h.createQuery(
                "SELECT payload FROM events WHERE type = 'creators.application_approved' ORDER BY id DESC LIMIT 1")
                .mapTo(String.class).one());
        assertTrue(text.contains("\"applicationId\":" + id), text);
        assertTrue(text.contains("\"planCode\":\"gold\"") && text.contains("\"points\":500")
                && text.contains("\"distributionRights\":true") && text.contains("\"level\":\"kol\""), text);
        List<String> tos = new ArrayList<>();
        admin.get("/api/v1/admin/creators/applications/" + id).json().path("application").path("history")
                .forEach(h -> tos.add(h.path("to").asText()));
        assertEquals(1, tos.stream().filter("approved"::equals).count(), tos.toString());
    }

    @Test
    void movesTheWorkflowDoesNotAllowAreRefused() {
        long campaign = campaign(admin, "Digital creators", 10);
        long id = apply(p.member("ann@kindred.test", "Ann"), campaign, "Ann").path("id").asLong();
        Http.Response skip = admin.post("/api/v1/admin/creators/applications/" + id + "/transition", Map.of("to", "interview"));
        assertEquals(409, skip.status(), skip.body());
        assertEquals("wrong_status", skip.errorCode());
        Http.Response early = admin.post("/api/v1/admin/creators/applications/" + id + "/approve", approval());
        assertEquals(409, early.status(), early.body());
        Http.Response viaMove = admin.post("/api/v1/admin/creators/applications/" + id + "/transition", Map.of("to", "approved"));
        assertEquals(400, viaMove.status(), viaMove.body());
        Http.Response badScore = admin.post("/api/v1/admin/creators/applications/" + id + "/score",
                Map.of("score", Map.of("content", 11, "reach", 1, "fit", 1)));
        assertEquals(400, badScore.status(), badScore.body());
    }

    @Test
    void bulkMovesManyToScreeningThenRejectsThemAndTheyReadTheOperatorsText() {
        long campaign = campaign(admin, "Travel creators", 10);
        List<Long> ids = new ArrayList<>();
        List<Http> members = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Http m = p.member("t" + i + "@kindred.test", "Traveller " + i);
            members.add(m);
            ids.add(apply(m, campaign, "Traveller " + i).path("id").asLong());
        }
        Http.Response toScreening = admin.post("/api/v1/admin/creators/applications/bulk", Map.of("ids", ids, "to", "screening",
                "note", "First pass"));
        assertEquals(200, toScreening.status(), toScreening.body());
        toScreening.json().path("items").forEach(r -> assertEquals("screening", r.path("status").asText(), r.toString()));

        List<Long> withUnknown = new ArrayList<>(ids.subList(0, 3));
        withUnknown.add(999_999L);
        Http.Response rejected = admin.post("/api/v1/admin/creators/applications/bulk", Map.of("ids", withUnknown,
                "to", "rejected", "note", "Not now"));
        assertEquals(200, rejected.status(), rejected.body());
        JsonNode items = rejected.json().path("items");
        assertEquals("rejected", items.get(0).path("status").asText());
        assertEquals("not_found", items.get(3).path("error").asText());
        Http.Response list = admin.get("/api/v1/admin/creators/applications?status=rejected&campaign=" + campaign);
        assertEquals(3, list.json().path("items").size(), list.body());

        Http.Response notes = members.get(0).get("/api/v1/me/notifications");
        assertTrue(notes.body().contains("Not this time for Travel creators, thank you!"), notes.body());
        Http zh = members.get(1).header("Accept-Language", "zh-CN");
        Http.Response zhNotes = zh.get("/api/v1/me/notifications");
        assertTrue(zhNotes.body().contains("「Travel creators」这次未通过，谢谢你！"), zhNotes.body());
        assertTrue(members.get(3).get("/api/v1/me/notifications").json().path("items").isEmpty());
        assertTrue(events(p, "creators.application_decided") >= 3);
    }
}
