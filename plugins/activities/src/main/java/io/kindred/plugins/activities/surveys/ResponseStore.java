package io.kindred.plugins.activities.surveys;

import io.kindred.api.segments.MemberIds;
import org.jdbi.v3.core.Handle;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** SQL of {@code survey_takers}, {@code survey_responses} and {@code survey_answers}. */
final class ResponseStore {

    /**
     * A stored response and its answers by question id.
     *
     * @param id          its random id
     * @param userId      the member, or null (anonymous)
     * @param submittedOn the day
     * @param submittedAt epoch ms, or null (anonymous)
     * @param answers     question id to answer
     */
    record Response(String id, Long userId, String submittedOn, Long submittedAt, Map<Long, Answers.Answer> answers) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    /** @return whether the member was recorded as a taker now; false when they answered before */
    boolean take(Handle tx, long surveyId, long userId, String day) {
        return tx.createUpdate("""
                        INSERT INTO survey_takers(survey_id, user_id, taken_on) VALUES (:s, :u, :day)
                        ON CONFLICT (survey_id, user_id) DO NOTHING
                        """)
                .bind("s", surveyId).bind("u", userId).bind("day", day).execute() == 1;
    }

    boolean taken(Handle h, long surveyId, long userId) {
        return h.createQuery("SELECT COUNT(*) FROM survey_takers WHERE survey_id = :s AND user_id = :u")
                .bind("s", surveyId).bind("u", userId).mapTo(Integer.class).one() > 0;
    }

    /** @return ids of the surveys the member answered */
    Set<Long> takenOf(Handle h, long userId) {
        return Set.copyOf(h.createQuery("SELECT survey_id FROM survey_takers WHERE user_id = :u")
                .bind("u", userId).mapTo(Long.class).list());
    }

    /** Stores a response with a random id; for an anonymous survey without member and time. */
    String insert(Handle tx, long surveyId, Long userId, String day, Long at, List<Answers.Answer> answers) {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        String id = HexFormat.of().formatHex(bytes);
        tx.createUpdate("""
                        INSERT INTO survey_responses(id, survey_id, user_id, submitted_on, submitted_at)
                        VALUES (:id, :s, :u, :day, :at)
                        """)
                .bind("id", id).bind("s", surveyId).bind("u", userId).bind("day", day).bind("at", at).execute();
        for (Answers.Answer a : answers) {
            tx.createUpdate("""
                            INSERT INTO survey_answers(response_id, question_id, asked, option_ids, number_value, text_value)
                            VALUES (:r, :q, :asked, :options, :number, :text)
                            """)
                    .bind("r", id).bind("q", a.questionId()).bind("asked", a.asked() ? 1 : 0)
                    .bind("options", a.optionIds().isEmpty() ? null : String.join(",",
                            a.optionIds().stream().map(String::valueOf).toList()))
                    .bind("number", a.number()).bind("text", a.text()).execute();
        }
        return id;
    }

    /**
     * @return the survey's responses with their answers, in a stable order that says nothing of who answered when:
     * by their random id. {@code only}: just the responses of these members (null: all).
     */
    List<Response> all(Handle h, long surveyId, MemberIds only) {
        String filter = only == null ? "" : " AND r.user_id IN (" + only.sql() + ")";
        Map<String, Response> out = new LinkedHashMap<>();
        var q = h.createQuery("SELECT r.* FROM survey_responses r WHERE r.survey_id = :surveyId" + filter + " ORDER BY r.id")
                .bind("surveyId", surveyId);
        if (only != null) {
            q.bindMap(only.params());
        }
        q.map((rs, c) -> {
            long u = rs.getLong("user_id");
            Long user = rs.wasNull() ? null : u;
            long at = rs.getLong("submitted_at");
            Long time = rs.wasNull() ? null : at;
            String id = rs.getString("id");
            return out.put(id, new Response(id, user, rs.getString("submitted_on"), time, new LinkedHashMap<>()));
        }).list();
        if (out.isEmpty()) {
            return List.of();
        }
        h.createQuery("""
                        SELECT a.* FROM survey_answers a JOIN survey_responses r ON r.id = a.response_id
                        WHERE r.survey_id = :surveyId
                        """).bind("surveyId", surveyId)
                .map((rs, c) -> {
                    Response r = out.get(rs.getString("response_id"));
                    if (r != null) {
                        int n = rs.getInt("number_value");
                        Integer number = rs.wasNull() ? null : n;
                        r.answers().put(rs.getLong("question_id"), new Answers.Answer(rs.getLong("question_id"),
                                rs.getInt("asked") == 1, ids(rs.getString("option_ids")), number, rs.getString("text_value")));
                    }
                    return 0;
                }).list();
        return new ArrayList<>(out.values());
    }

    private static List<Long> ids(String text) {
        return text == null ? List.of() : Arrays.stream(text.split(",")).map(Long::parseLong).toList();
    }
}
