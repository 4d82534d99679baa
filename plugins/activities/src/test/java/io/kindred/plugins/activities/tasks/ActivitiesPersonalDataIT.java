package io.kindred.plugins.activities.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import io.kindred.testkit.Http;
import io.kindred.testkit.Multipart;
import io.kindred.testkit.MutableClock;
import io.kindred.testkit.TestPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A member's proofs, task progress and survey answers: exported, then erased with the points kept. */
class ActivitiesPersonalDataIT {

    /** The smallest PNG: one transparent pixel. */
    private static final byte[] PNG = java.util.Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=");

    private static TestPlatform p;
    private static Http admin;

    @BeforeAll
    static void start() {
        p = TaskFixture.alone(new MutableClock(TaskFixture.START));
        admin = p.admin();
    }

    @AfterAll
    static void stop() {
        p.close();
    }

    @Test
    void erasureKeepsCompletedTasksAndAnonymousResponsesWithoutHandlesScreenshotsOrFreeText() throws Exception {
        long approvedTask = TaskFixture.task(p, "tasks.follow", 1, 50, "once", Map.of("platform", "Weibo", "account", "@kindred"));
        long pendingTask = TaskFixture.task(p, "tasks.follow", 1, 30, "once", Map.of("platform", "Douyin", "account", "@kindred"));
        JsonNode created = survey();
        long survey = created.path("id").asLong();
        long question = created.path("questions").path(0).path("id").asLong();
        Http zq = p.member("pd-tasks@kindred.test", "Tasks PD");
        long userId = TaskFixture.userId(zq);
        Http.Response sent = sendProof(zq, approvedTask, "zq7x_weibo");
        assertEquals(201, sent.status(), sent.body());
        String screenshot = sent.json().path("proof").path("image").asText();
        assertEquals(200, admin.post("/api/v1/admin/tasks/proofs/" + sent.json().path("proof").path("id").asLong()
                + "/approve", Map.of()).status());
        assertEquals(201, sendProof(zq, pendingTask, "zq7x_pending").status());
        Http.Response answered = zq.post("/api/v1/surveys/" + survey + "/responses",
                Map.of("answers", List.of(Map.of("questionId", question, "text", "zq7x-note smells of rain"))));
        assertTrue(answered.status() == 201 || answered.status() == 200, answered.body());
        p.awaitEvents();
        long points = p.kindred().ledger.balance(userId, "points");

        JsonNode before = section(userId);
        assertEquals(2, before.path("taskProofs").size(), before.toString());
        assertEquals("zq7x_weibo", before.path("taskProofs").path(0).path("handle").asText());
        assertEquals("zq7x-note smells of rain", before.path("surveyAnswers").path(0).path("text").asText());

        erase(userId);
        JsonNode after = section(userId);
        assertEquals(1, after.path("taskProofs").size(), after.toString());
        JsonNode proof = after.path("taskProofs").path(0);
        assertEquals("approved", proof.path("status").asText());
        assertTrue(proof.path("handle").isNull() && proof.path("screenshot").isNull(), proof.toString());
        assertEquals(approvedTask, after.path("taskProgress").path(0).path("taskId").asLong(), after.toString());
        assertEquals(0, after.path("surveyAnswers").size());
        assertEquals(1, responses(survey), "the response stays in the results, anonymous");
        assertEquals(points, p.kindred().ledger.balance(userId, "points"));
        assertTrue(p.kindred().invariants.check().isEmpty());
        assertEquals(404, p.http().get(screenshot).status(), "the screenshot's file is deleted");

        erase(userId);
        assertEquals(after, section(userId));
        assertNotInDatabase("zq7x");
    }

    private static JsonNode survey() {
        Map<String, Object> b = new HashMap<>();
        b.put("title", "Rain or shine");
        b.put("intro", "Help us choose.");
        b.put("startsOn", "2026-03-01");
        b.put("endsOn", "2026-03-31");
        b.put("status", "open");
        b.put("anonymous", false);
        b.put("rewardPoints", 20);
        b.put("questions", List.of(Map.of("kind", "short_text", "text", "What does it smell of?", "required", true)));
        Http.Response r = admin.post("/api/v1/admin/surveys", b);
        assertEquals(201, r.status(), r.body());
        return r.json().path("survey");
    }

    private static long responses(long survey) {
        return p.kindred().database.read(h -> h.createQuery("SELECT COUNT(*) FROM survey_responses WHERE survey_id = :s")
                .bind("s", survey).mapTo(Long.class).one());
    }

    private static Http.Response sendProof(Http member, long task, String handle) {
        Multipart body = new Multipart().field("handle", handle).file("screenshot", "follow.png", PNG);
        return member.raw("POST", "/api/v1/tasks/" + task + "/proofs", body.contentType(), body.bytes());
    }

    private static JsonNode section(long userId) {
        Http.Response r = admin.get("/api/v1/admin/users/" + userId + "/export");
        assertEquals(200, r.status(), r.body());
        JsonNode s = r.json().path("plugins").path("activities");
        assertTrue(s.isObject(), r.body());
        return s;
    }

    private static void erase(long userId) {
        p.erase(userId);
    }

    /** Reads the bytes of the database file and its write-ahead log after a checkpoint, as an attacker with a copy would. */
    private static void assertNotInDatabase(String... needles) throws Exception {
        String file = p.databaseText();
        for (String needle : needles) {
            assertFalse(file.contains(needle), needle + " is still in the database file or its write-ahead log");
        }
    }
}
