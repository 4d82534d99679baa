package io.kindred.plugins.activities.surveys;

import com.fasterxml.jackson.databind.JsonNode;
import io.kindred.testkit.Http;
import io.kindred.testkit.MutableClock;
import io.kindred.testkit.TestPlatform;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.kindred.plugins.activities.surveys.SurveyFixture.answer;
import static io.kindred.plugins.activities.surveys.SurveyFixture.answers;
import static io.kindred.plugins.activities.surveys.SurveyFixture.body;
import static io.kindred.plugins.activities.surveys.SurveyFixture.branching;
import static io.kindred.plugins.activities.surveys.SurveyFixture.create;
import static io.kindred.plugins.activities.surveys.SurveyFixture.option;
import static io.kindred.plugins.activities.surveys.SurveyFixture.optionId;
import static io.kindred.plugins.activities.surveys.SurveyFixture.question;
import static io.kindred.plugins.activities.surveys.SurveyFixture.questionId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Questionnaires through the API: branching recorded exactly, a reward paid once, NPS, targeting, frozen questions. */
class SurveysIT {

    private static TestPlatform p;
    private static Http admin;

    @BeforeAll
    static void start() {
        MutableClock clock = SurveyFixture.clock();
        p = SurveyFixture.platform(clock).start();
        admin = p.admin();
    }

    @AfterAll
    static void stop() {
        p.close();
    }

    @Test
    void aBranchingQuestionnaireRecordsAnswersExactlyAsGivenAndSkippedQuestionsAsNotAsked() throws IOException {
        JsonNode s = branching(admin, "Serum habits", 0);
        long id = s.path("id").asLong();
        Http yes = p.member("yes@surveys.test", "Yes");
        Http no = p.member("no@surveys.test", "No");
        String text = "  The smell,\n and \"the\" bottle  ";
        Http.Response a = answer(yes, id, answers(questionId(s, 1), List.of(optionId(s, 1, 1)),
                questionId(s, 2), List.of(optionId(s, 2, 3), optionId(s, 2, 1)), questionId(s, 3), text,
                questionId(s, 4), 9));
        assertEquals(201, a.status(), a.body());
        Http.Response b = answer(no, id, answers(questionId(s, 1), List.of(optionId(s, 1, 2)), questionId(s, 4), 3,
                questionId(s, 5), "Cheaper please"));
        assertEquals(201, b.status(), b.body());

        List<CSVRecord> rows = csv(admin.get("/api/v1/admin/surveys/" + id + "/results.csv"));
        assertEquals(3, rows.size());
        CSVRecord yesRow = row(rows, SurveyFixture.userId(yes));
        CSVRecord noRow = row(rows, SurveyFixture.userId(no));
        assertEquals(List.of("Yes", "100 ml; 30 ml", text, "9", ""), answersOf(yesRow));
        assertEquals(List.of("No", "(not asked)", "(not asked)", "3", "Cheaper please"), answersOf(noRow));

        JsonNode results = admin.get("/api/v1/admin/surveys/" + id + "/results").json().path("results");
        assertEquals(2, results.path("responses").asInt());
        JsonNode sizes = results.path("questions").get(1);
        assertEquals(1, sizes.path("asked").asInt());
        assertEquals(1, sizes.path("options").get(0).path("count").asInt());
        assertEquals(100.0, sizes.path("options").get(2).path("percent").asDouble());
        assertEquals(text, results.path("questions").get(2).path("texts").get(0).asText());
        assertEquals(6.0, results.path("questions").get(3).path("average").asDouble());
    }

    @Test
    void answersOffTheBranchOrMissingOnItOrOutOfRangeAreRefused() {
        JsonNode s = branching(admin, "Strict serum", 0);
        long id = s.path("id").asLong();
        Http m = p.member("strict@surveys.test", "Strict");
        Http.Response offPath = answer(m, id, answers(questionId(s, 1), List.of(optionId(s, 1, 2)),
                questionId(s, 2), List.of(optionId(s, 2, 1)), questionId(s, 4), 5));
        assertEquals(400, offPath.status(), offPath.body());
        assertEquals("invalid_field", offPath.errorCode());
        Http.Response missing = answer(m, id, answers(questionId(s, 1), List.of(optionId(s, 1, 1))));
        assertEquals(400, missing.status(), missing.body());
        Http.Response outOfRange = answer(m, id, answers(questionId(s, 1), List.of(optionId(s, 1, 2)), questionId(s, 4), 11));
        assertEquals(400, outOfRange.status(), outOfRange.body());
        Http.Response foreignOption = answer(m, id, answers(questionId(s, 1), List.of(optionId(s, 2, 1)), questionId(s, 4), 5));
        assertEquals(400, foreignOption.status(), foreignOption.body());
        Http.Response twoOfSingle = answer(m, id, answers(questionId(s, 1), List.of(optionId(s, 1, 1), optionId(s, 1, 2)),
                questionId(s, 4), 5));
        assertEquals(400, twoOfSingle.status(), twoOfSingle.body());
        assertEquals(0, admin.get("/api/v1/admin/surveys/" + id).json().path("survey").path("responses").asInt());
    }

    @Test
    void twentyRacingIdenticalSubmitsMakeOneResponseAndPayTheRewardOnce() throws Exception {
        JsonNode s = branching(admin, "Racing", 50);
        long id = s.path("id").asLong();
        Http m = p.member("racer@surveys.test", "Racer");
        long before = SurveyFixture.points(m);
        int eventsBefore = SurveyFixture.events(p, "survey.answered");
        Map<String, Object> body = answers(questionId(s, 1), List.of(optionId(s, 1, 2)), questionId(s, 4), 10);
        ExecutorService pool = Executors.newFixedThreadPool(10);
        List<Future<Http.Response>> all = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            all.add(pool.submit((Callable<Http.Response>) () -> answer(m, id, body)));
        }
        int created = 0;
        for (Future<Http.Response> f : all) {
            Http.Response r = f.get();
            if (r.status() == 201) {
                created++;
            } else {
                assertEquals(409, r.status(), r.body());
                assertEquals("already_answered", r.errorCode());
            }
        }
        pool.shutdown();
        assertEquals(1, created);
        assertEquals(before + 50, SurveyFixture.points(m));
        assertEquals(1, admin.get("/api/v1/admin/surveys/" + id).json().path("survey").path("responses").asInt());
        assertEquals(eventsBefore + 1, SurveyFixture.events(p, "survey.answered"));
        SurveyFixture.ledgerHolds(admin);
    }

    @Test
    void theNpsFigureEqualsPromotersMinusDetractorsOverTwentyRandomAnswers() {
        JsonNode s = create(admin, body("NPS", 0, false, List.of(question("nps", "Recommend us?", true))));
        long id = s.path("id").asLong();
        Random random = new Random(18);
        int promoters = 0;
        int detractors = 0;
        for (int i = 0; i < 20; i++) {
            int score = random.nextInt(11);
            promoters += score >= 9 ? 1 : 0;
            detractors += score <= 6 ? 1 : 0;
            Http m = p.member("nps" + i + "@surveys.test", "Nps " + i);
            assertEquals(201, answer(m, id, answers(questionId(s, 1), score)).status());
        }
        double expected = Math.round(1000.0 * (promoters - detractors) / 20) / 10.0;
        JsonNode q = admin.get("/api/v1/admin/surveys/" + id + "/results").json().path("results").path("questions").get(0);
        assertEquals(expected, q.path("nps").asDouble(), 0.0001);
        assertEquals(promoters, q.path("promoters").asInt());
        assertEquals(detractors, q.path("detractors").asInt());
    }

    @Test
    void aMemberOutsideTheLabelOrSegmentTargetIsRefusedWith403AndDoesNotSeeIt() {
        Http vip = p.member("vip@surveys.test", "Vip");
        Http plain = p.member("plain@surveys.test", "Plain");
        assertEquals(200, admin.post("/api/v1/admin/users/" + SurveyFixture.userId(vip) + "/labels",
                Map.of("label", "vip")).status());
        Map<String, Object> labelled = body("For VIPs", 0, false, List.of(question("short_text", "Hello?", false)));
        labelled.put("target", Map.of("kind", "label", "value", "vip"));
        long byLabel = create(admin, labelled).path("id").asLong();
        Http.Response segment = admin.post("/api/v1/admin/segments", Map.of("name", "VIP segment", "filters", Map.of("label", "vip")));
        assertEquals(201, segment.status(), segment.body());
        Map<String, Object> segmented = body("For the VIP segment", 0, false, List.of(question("short_text", "Hi?", false)));
        segmented.put("target", Map.of("kind", "segment", "value", segment.json().path("segment").path("id").asText()));
        long bySegment = create(admin, segmented).path("id").asLong();

        for (long id : List.of(byLabel, bySegment)) {
            Http.Response refused = plain.get("/api/v1/surveys/" + id);
            assertEquals(403, refused.status(), refused.body());
            assertEquals("not_targeted", refused.errorCode());
            Http.Response post = answer(plain, id, answers());
            assertEquals(403, post.status(), post.body());
            assertEquals(200, vip.get("/api/v1/surveys/" + id).status());
            assertEquals(201, answer(vip, id, answers()).status());
        }
        assertFalse(plain.get("/api/v1/surveys").body().contains("For VIPs"));
        assertTrue(vip.get("/api/v1/surveys").body().contains("For the VIP segment"));
        assertTrue(plain.get("/activities/surveys/" + byLabel).body().contains("not-targeted"));
    }

    @Test
    void withMembershipOffTheTierTargetIsNotOfferedAndATierQuestionnaireAsksNobody() {
        assertFalse(admin.get("/console/activities/surveys").body().contains("value=\"tier\""));
        Map<String, Object> tiered = body("For V2 and above", 0, false, List.of(question("short_text", "Hi?", false)));
        tiered.put("target", Map.of("kind", "tier", "value", "2"));
        long id = create(admin, tiered).path("id").asLong();
        Http m = p.member("tierless@surveys.test", "Tierless");
        assertEquals(403, m.get("/api/v1/surveys/" + id).status());
        assertFalse(m.get("/api/v1/surveys").body().contains("For V2 and above"));
    }

    @Test
    void branchesOnlyJumpForwardToAnExistingQuestionAndQuestionsFreezeOnceAnswered() {
        Http.Response backwards = admin.post("/api/v1/admin/surveys", body("Back", 0, false, List.of(
                question("short_text", "One", false), question("single", "Two", false, option("A", "1"), option("B")))));
        assertEquals(400, backwards.status(), backwards.body());
        Http.Response beyond = admin.post("/api/v1/admin/surveys", body("Beyond", 0, false, List.of(
                question("single", "One", false, option("A", "3"), option("B")), question("short_text", "Two", false))));
        assertEquals(400, beyond.status(), beyond.body());
        JsonNode s = create(admin, body("End", 0, false, List.of(
                question("single", "One", false, option("Stop", "end"), option("Go")), question("short_text", "Two", true))));
        long id = s.path("id").asLong();
        Http m = p.member("ender@surveys.test", "Ender");
        assertEquals(201, answer(m, id, answers(questionId(s, 1), List.of(optionId(s, 1, 1)))).status());
        Map<String, Object> change = body("End", 0, false, List.of(question("short_text", "Other", false)));
        Http.Response frozen = admin.put("/api/v1/admin/surveys/" + id, change);
        assertEquals(409, frozen.status(), frozen.body());
        assertEquals("questions_frozen", frozen.errorCode());
        change.remove("questions");
        change.put("status", "closed");
        assertEquals(200, admin.put("/api/v1/admin/surveys/" + id, change).status());
        assertEquals(409, answer(p.member("late@surveys.test", "Late"), id, answers()).status());
        String mine = m.get("/activities/surveys").body();
        assertTrue(mine.contains("href=\"/activities/surveys/" + id + "\""), "a closed questionnaire I answered is listed");
    }

    @Test
    void theResultsFilterBySegmentKeepsTheAnswersOfItsMembersOnly() throws IOException {
        JsonNode s = create(admin, body("Filtered", 0, false, List.of(question("scale", "Soft?", true))));
        long id = s.path("id").asLong();
        Http gold = p.member("gold@surveys.test", "Gold");
        Http other = p.member("other@surveys.test", "Other");
        assertEquals(200, admin.post("/api/v1/admin/users/" + SurveyFixture.userId(gold) + "/labels",
                Map.of("label", "gold")).status());
        assertEquals(201, answer(gold, id, answers(questionId(s, 1), 5)).status());
        assertEquals(201, answer(other, id, answers(questionId(s, 1), 1)).status());
        Http.Response segment = admin.post("/api/v1/admin/segments", Map.of("name", "Gold", "filters", Map.of("label", "gold")));
        String seg = segment.json().path("segment").path("id").asText();
        JsonNode all = admin.get("/api/v1/admin/surveys/" + id + "/results").json().path("results");
        assertEquals(3.0, all.at("/questions/0/average").asDouble());
        JsonNode filtered = admin.get("/api/v1/admin/surveys/" + id + "/results?segment=" + seg).json().path("results");
        assertEquals(1, filtered.path("responses").asInt());
        assertEquals(5.0, filtered.at("/questions/0/average").asDouble());
        List<CSVRecord> rows = csv(admin.get("/api/v1/admin/surveys/" + id + "/results.csv?segment=" + seg));
        assertEquals(2, rows.size());
        assertEquals(String.valueOf(SurveyFixture.userId(gold)), rows.get(1).get(1));
        assertEquals(400, admin.get("/api/v1/admin/surveys/" + id + "/results?segment=999999").status());
    }

    private static List<CSVRecord> csv(Http.Response r) throws IOException {
        assertEquals(200, r.status(), r.body());
        return CSVFormat.DEFAULT.parse(new StringReader(r.body().replace("\uFEFF", ""))).getRecords();
    }

    private static CSVRecord row(List<CSVRecord> rows, long userId) {
        return rows.stream().filter(r -> r.get(1).equals(String.valueOf(userId))).findFirst().orElseThrow();
    }

    private static List<String> answersOf(CSVRecord r) {
        List<String> out = new ArrayList<>();
        for (int i = 3; i < r.size(); i++) {
            out.add(r.get(i));
        }
        return out;
    }
}
