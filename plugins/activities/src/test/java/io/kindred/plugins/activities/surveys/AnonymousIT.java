package io.kindred.plugins.activities.surveys;

import com.fasterxml.jackson.databind.JsonNode;
import io.kindred.testkit.Http;
import io.kindred.testkit.MutableClock;
import io.kindred.testkit.TestPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.kindred.plugins.activities.surveys.SurveyFixture.answer;
import static io.kindred.plugins.activities.surveys.SurveyFixture.answers;
import static io.kindred.plugins.activities.surveys.SurveyFixture.body;
import static io.kindred.plugins.activities.surveys.SurveyFixture.create;
import static io.kindred.plugins.activities.surveys.SurveyFixture.option;
import static io.kindred.plugins.activities.surveys.SurveyFixture.optionId;
import static io.kindred.plugins.activities.surveys.SurveyFixture.question;
import static io.kindred.plugins.activities.surveys.SurveyFixture.questionId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Anonymous questionnaires: no API (member or admin, JSON or CSV) carries a member's id, email or name next to the
 * answers, response ids are random, no time is kept, the order is not the order of answering, the segment filter is
 * off, nothing shows below 3 responses, and the reward is still paid once.
 */
class AnonymousIT {

    private static TestPlatform p;
    private static Http admin;
    private static JsonNode survey;
    private static final List<Long> userIds = new ArrayList<>();
    private static final List<String> answerTexts = new ArrayList<>();
    private static final List<Http.Response> memberReplies = new ArrayList<>();

    @BeforeAll
    static void start() {
        MutableClock clock = SurveyFixture.clock();
        p = SurveyFixture.platform(clock).start();
        admin = p.admin();
        survey = create(admin, body("Honest feedback", 20, true, List.of(
                question("single", "Happy?", true, option("Yes"), option("No")),
                question("long_text", "Tell us more", false))));
        long id = survey.path("id").asLong();
        Http few = p.member("first@anon.test", "First Anon");
        assertEquals(201, answer(few, id, answers(questionId(survey, 1), List.of(optionId(survey, 1, 1)))).status());
        Http.Response tooFew = admin.get("/api/v1/admin/surveys/" + id + "/results");
        assertEquals(409, tooFew.status(), tooFew.body());
        assertEquals("too_few_responses", tooFew.errorCode());
        assertEquals(409, admin.get("/api/v1/admin/surveys/" + id + "/results.csv").status());
        userIds.add(SurveyFixture.userId(few));
        for (int i = 0; i < 6; i++) {
            Http m = p.member("anon" + i + "@anon.test", "Anon Member " + i);
            userIds.add(SurveyFixture.userId(m));
            String text = "I am answer " + i;
            answerTexts.add(text);
            clock.advance(java.time.Duration.ofMinutes(7));
            Http.Response r = answer(m, id, answers(questionId(survey, 1), List.of(optionId(survey, 1, 1 + i % 2)),
                    questionId(survey, 2), text));
            assertEquals(201, r.status(), r.body());
            memberReplies.add(r);
        }
    }

    @AfterAll
    static void stop() {
        p.close();
    }

    @Test
    void neitherResultsNorCsvNorTheMemberApiCarryAnythingThatPointsAtAMember() {
        long id = survey.path("id").asLong();
        List<String> payloads = new ArrayList<>();
        payloads.add(admin.get("/api/v1/admin/surveys/" + id + "/results").body());
        payloads.add(admin.get("/api/v1/admin/surveys/" + id + "/results.csv").body());
        payloads.add(admin.get("/api/v1/admin/surveys/" + id).body());
        payloads.add(admin.get("/api/v1/admin/surveys").body());
        memberReplies.forEach(r -> payloads.add(r.body()));
        for (String body : payloads) {
            assertFalse(body.contains("userId"), body);
            assertFalse(body.contains("\"member\""), body);
            assertFalse(body.contains("@anon.test"), body);
            assertFalse(body.contains("Anon Member"), body);
            assertFalse(body.contains("submittedAt") || body.contains("submittedOn"), body);
        }
        for (String body : List.of(payloads.get(0), payloads.get(1))) {
            assertFalse(body.contains("2026-03-10"), "no time or day next to anonymous answers: " + body);
        }
        for (Http.Response r : memberReplies) {
            assertFalse(r.json().path("response").has("id"), r.body());
        }
        String csv = payloads.get(1);
        assertTrue(csv.replace("\uFEFF", "").startsWith("\"response\",\"Q1"), csv);
        for (long userId : userIds) {
            assertFalse(csv.contains("\"" + userId + "\""), csv);
        }
    }

    @Test
    void responsesHaveRandomIdsNoTimeAndNoMemberInTheDatabaseAndAreNotListedInAnsweringOrder() {
        long id = survey.path("id").asLong();
        List<Map<String, Object>> rows = p.kindred().database.read(h -> h.createQuery(
                "SELECT id, user_id, submitted_at FROM survey_responses WHERE survey_id = :s").bind("s", id).mapToMap().list());
        assertEquals(7, rows.size());
        for (Map<String, Object> r : rows) {
            assertNull(r.get("user_id"));
            assertNull(r.get("submitted_at"));
            assertTrue(String.valueOf(r.get("id")).matches("[0-9a-f]{24}"), String.valueOf(r.get("id")));
        }
        JsonNode texts = admin.get("/api/v1/admin/surveys/" + id + "/results").json().at("/results/questions/1/texts");
        List<String> listed = new ArrayList<>();
        texts.forEach(t -> listed.add(t.asText()));
        assertEquals(answerTexts.size(), listed.size());
        assertTrue(listed.containsAll(answerTexts));
        // Listed by the random id: stable across calls; the chance of matching answering order by luck is 1 in 720.
        assertEquals(listed, readTexts(id));
        assertFalse(listed.equals(answerTexts), "texts are listed in the order they were given");
    }

    @Test
    void theSegmentFilterIsOffAndTheRewardWasPaidOncePerMember() {
        long id = survey.path("id").asLong();
        Http.Response filtered = admin.get("/api/v1/admin/surveys/" + id + "/results?segment=1");
        assertEquals(409, filtered.status(), filtered.body());
        assertEquals("anonymous_survey", filtered.errorCode());
        long rewards = p.kindred().database.read(h -> h.createQuery(
                "SELECT COUNT(*) FROM ledger_transfers WHERE reason = 'surveys.reward'").mapTo(Long.class).one());
        assertEquals(7, rewards);
        SurveyFixture.ledgerHolds(admin);
    }

    private static List<String> readTexts(long id) {
        List<String> out = new ArrayList<>();
        admin.get("/api/v1/admin/surveys/" + id + "/results").json().at("/results/questions/1/texts").forEach(t -> out.add(t.asText()));
        return out;
    }
}
