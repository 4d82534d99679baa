package io.kindred.plugins.activities.surveys;

import com.fasterxml.jackson.databind.JsonNode;
import io.kindred.testkit.Http;
import io.kindred.testkit.MutableClock;
import io.kindred.testkit.TestPlatform;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the questionnaire tests share: the plugin jar, a clock on 10 March 2026, questionnaires, answers, the ledger. */
final class SurveyFixture {

    static final Path JAR = Path.of(System.getProperty("kindred.plugin.jar"));
    static final Instant START = Instant.parse("2026-03-10T04:00:00Z");

    private SurveyFixture() {
    }

    static MutableClock clock() {
        return new MutableClock(START);
    }

    static TestPlatform.Builder platform(MutableClock clock) {
        return TestPlatform.builder().plugin(JAR).clock(clock).setting("site.timezone", "UTC");
    }

    static Map<String, Object> question(String kind, String text, boolean required, Map<?, ?>... options) {
        Map<String, Object> q = new LinkedHashMap<>();
        q.put("kind", kind);
        q.put("text", text);
        q.put("required", required);
        if (options.length > 0) {
            q.put("options", List.of(options));
        }
        return q;
    }

    static Map<String, Object> option(String label) {
        return Map.of("label", label);
    }

    static Map<String, Object> option(String label, String goTo) {
        return Map.of("label", label, "goTo", goTo);
    }

    /** A body for an open questionnaire from 1 to 31 March 2026. */
    static Map<String, Object> body(String title, long reward, boolean anonymous, List<Map<String, Object>> questions) {
        Map<String, Object> b = new HashMap<>();
        b.put("title", title);
        b.put("intro", "Help us choose.");
        b.put("startsOn", "2026-03-01");
        b.put("endsOn", "2026-03-31");
        b.put("status", "open");
        b.put("anonymous", anonymous);
        b.put("rewardPoints", reward);
        b.put("questions", questions);
        return b;
    }

    static JsonNode create(Http admin, Map<String, Object> body) {
        Http.Response r = admin.post("/api/v1/admin/surveys", body);
        assertEquals(201, r.status(), r.body());
        return r.json().path("survey");
    }

    /**
     * Five questions: 1 "Do you use our serum?" Yes (next) / No (→ 4); 2 which sizes (multiple); 3 what do you like
     * (long text); 4 how likely to recommend (NPS, required); 5 anything else (short text).
     */
    static JsonNode branching(Http admin, String title, long reward) {
        return create(admin, body(title, reward, false, List.of(
                question("single", "Do you use our serum?", true, option("Yes"), option("No", "4")),
                question("multiple", "Which sizes do you buy?", false, option("30 ml"), option("50 ml"), option("100 ml")),
                question("long_text", "What do you like about it?", false),
                question("nps", "How likely are you to recommend us?", true),
                question("short_text", "Anything else?", false))));
    }

    static long questionId(JsonNode survey, int position) {
        return survey.path("questions").get(position - 1).path("id").asLong();
    }

    static long optionId(JsonNode survey, int position, int option) {
        return survey.path("questions").get(position - 1).path("options").get(option - 1).path("id").asLong();
    }

    /** Builds an answers body: pairs of question id and value (a List of option ids, an Integer or a String). */
    static Map<String, Object> answers(Object... idsAndValues) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (int i = 0; i < idsAndValues.length; i += 2) {
            Map<String, Object> a = new HashMap<>();
            a.put("questionId", idsAndValues[i]);
            Object v = idsAndValues[i + 1];
            a.put(v instanceof List ? "optionIds" : v instanceof Integer ? "value" : "text", v);
            list.add(a);
        }
        return Map.of("answers", list);
    }

    static Http.Response answer(Http member, long surveyId, Map<String, Object> answers) {
        return member.post("/api/v1/surveys/" + surveyId + "/responses", answers);
    }

    static long userId(Http member) {
        return member.get("/api/v1/me").json().path("user").path("id").asLong();
    }

    static long points(Http member) {
        return member.get("/api/v1/me/balances").json().path("balances").path("points").asLong();
    }

    static void ledgerHolds(Http admin) {
        Http.Response check = admin.get("/api/v1/admin/ledger/check");
        assertTrue(check.json().path("ok").asBoolean(), check.body());
    }

    static int events(TestPlatform p, String type) {
        return p.kindred().database.read(h -> h.createQuery("SELECT COUNT(*) FROM events WHERE type = :t")
                .bind("t", type).mapTo(Integer.class).one());
    }
}
