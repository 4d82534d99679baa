package io.kindred.plugins.activities.meetups;

import io.kindred.testkit.Http;
import io.kindred.testkit.MutableClock;
import io.kindred.testkit.TestPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.kindred.plugins.activities.meetups.MeetupFixture.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Without the membership and community plugins, events work; the tier and plan options and the recap are hidden. */
class WithoutMembershipIT {

    private static final MutableClock clock = new MutableClock(START);
    private static TestPlatform p;
    private static Http admin;

    @BeforeAll
    static void start() {
        p = platform(clock).start();
        admin = p.admin();
    }

    @AfterAll
    static void stop() {
        p.close();
    }

    @Test
    void tierEventsAreRefusedAndTheirOptionIsHiddenWhileEverythingElseWorks() {
        Map<String, Object> tier = event("Gold members only", 10, 0);
        tier.put("audience", "tier");
        tier.put("audienceValue", "3");
        Http.Response r = admin.post("/api/v1/admin/activities/events", tier);
        assertEquals(400, r.status(), r.body());
        assertEquals("invalid_field", r.errorCode());
        String console = admin.get("/console/activities/events").body();
        assertFalse(console.contains("value=\"tier\"") || console.contains("value=\"plan\""), "the tier and plan choices are hidden");
        assertTrue(console.contains("value=\"label\""));

        long id = create(admin, event("Open to all", 10, 10));
        Http m = memberWithPoints(p, admin, "free@meet.test", 10);
        assertEquals("joined", join(m, id).path("status").asText());
        assertEquals(200, m.get("/activities/events/" + id).status());
        ledgerHolds(admin);
    }

    @Test
    void aLabelEventAdmitsOnlyLabelledMembers() {
        Map<String, Object> e = event("Tea club", 10, 0);
        e.put("audience", "label");
        e.put("audienceValue", "tea-lover");
        long id = create(admin, e);
        Http m = memberWithPoints(p, admin, "label@meet.test", 0);
        Http.Response refused = m.post("/api/v1/activities/events/" + id + "/join", Map.of());
        assertEquals("not_eligible", refused.errorCode());
    }

    @Test
    void aProposalWaitsForAnOperatorAndItsProposerIsToldTheDecision() {
        Http proposer = memberWithPoints(p, admin, "organiser@meet.test", 0);
        Http.Response proposed = proposer.post("/api/v1/activities/events", event("Board games night", 8, 0));
        assertEquals(201, proposed.status(), proposed.body());
        long id = proposed.json().path("event").path("id").asLong();
        assertEquals("proposed", proposed.json().path("event").path("status").asText());
        assertEquals(404, p.http().get("/api/v1/activities/events/" + id).status(), "nobody else sees a proposal");
        assertEquals("event_closed", memberWithPoints(p, admin, "early@meet.test", 0)
                .post("/api/v1/activities/events/" + id + "/join", Map.of()).errorCode());
        assertTrue(admin.get("/console/activities/events/proposals").body().contains("Board games night"));
        Http.Response approved = admin.post("/api/v1/admin/activities/events/" + id + "/approve", Map.of("note", "Have fun"));
        assertEquals(200, approved.status(), approved.body());
        assertEquals("open", approved.json().path("event").path("status").asText());
        assertEquals("wrong_status", admin.post("/api/v1/admin/activities/events/" + id + "/reject", Map.of()).errorCode());
        String notes = proposer.get("/api/v1/me/notifications").body();
        assertTrue(notes.contains("Board games night"), notes);
    }

    @Test
    void theRecapButtonIsHiddenAndTheApiSaysCommunityIsUnavailable() {
        long id = create(admin, event("Night run", 10, 0));
        Http runner = memberWithPoints(p, admin, "runner@meet.test", 0);
        join(runner, id);
        clock.set(java.time.Instant.parse("2026-03-20T11:00:00Z"));
        try {
            String page = runner.get("/activities/events/" + id).body();
            assertTrue(page.contains("id=\"photos-input\""), "a participant may add photos once it started");
            assertFalse(page.contains("/recap\""), "no recap form without community");
            Http.Response recap = runner.post("/api/v1/activities/events/" + id + "/recap", Map.of("body", "Great run"));
            assertEquals("community_unavailable", recap.errorCode());
        } finally {
            clock.set(START);
        }
    }
}
