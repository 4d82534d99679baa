package io.kindred.plugins.activities.surveys;

import org.jdbi.v3.core.Handle;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** SQL of {@code survey_surveys}, {@code survey_questions} and {@code survey_options}. */
final class SurveyStore {

    /** What a survey is made of, as the operator gives it (questions without ids). */
    record Input(String title, String intro, LocalDate startsOn, LocalDate endsOn, String status, boolean anonymous,
                 long rewardPoints, Target target) {
    }

    private static final String SELECT = """
            SELECT s.*, (SELECT COUNT(*) FROM survey_responses r WHERE r.survey_id = s.id) AS responses
            FROM survey_surveys s
            """;

    long insert(Handle tx, Input in, long now) {
        return bind(tx.createUpdate("""
                        INSERT INTO survey_surveys(title, intro, starts_on, ends_on, status, anonymous, reward_points,
                                                   target_kind, target_value, created_at, updated_at)
                        VALUES (:title, :intro, :startsOn, :endsOn, :status, :anonymous, :reward, :targetKind,
                                :targetValue, :now, :now)
                        """), in).bind("now", now).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    boolean update(Handle tx, long id, Input in, long now) {
        return bind(tx.createUpdate("""
                        UPDATE survey_surveys SET title = :title, intro = :intro, starts_on = :startsOn, ends_on = :endsOn,
                            status = :status, anonymous = :anonymous, reward_points = :reward, target_kind = :targetKind,
                            target_value = :targetValue, updated_at = :now
                        WHERE id = :id
                        """), in).bind("id", id).bind("now", now).execute() == 1;
    }

    private static org.jdbi.v3.core.statement.Update bind(org.jdbi.v3.core.statement.Update u, Input in) {
        return u.bind("title", in.title()).bind("intro", in.intro()).bind("startsOn", in.startsOn().toString())
                .bind("endsOn", in.endsOn().toString()).bind("status", in.status()).bind("anonymous", in.anonymous() ? 1 : 0)
                .bind("reward", in.rewardPoints()).bind("targetKind", in.target().kind())
                .bind("targetValue", in.target().value());
    }

    /** Replaces the questions (and their options) of a survey. */
    void replaceQuestions(Handle tx, long surveyId, List<Question> questions) {
        tx.createUpdate("DELETE FROM survey_options WHERE question_id IN (SELECT id FROM survey_questions WHERE survey_id = :s)")
                .bind("s", surveyId).execute();
        tx.createUpdate("DELETE FROM survey_questions WHERE survey_id = :s").bind("s", surveyId).execute();
        for (Question q : questions) {
            long qid = tx.createUpdate("""
                            INSERT INTO survey_questions(survey_id, position, kind, text, required)
                            VALUES (:s, :position, :kind, :text, :required)
                            """)
                    .bind("s", surveyId).bind("position", q.position()).bind("kind", q.kind().code())
                    .bind("text", q.text()).bind("required", q.required() ? 1 : 0)
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            int position = 1;
            for (Option o : q.options()) {
                tx.createUpdate("""
                                INSERT INTO survey_options(question_id, position, label, image_url, go_to)
                                VALUES (:q, :position, :label, :image, :goTo)
                                """)
                        .bind("q", qid).bind("position", position++).bind("label", o.label())
                        .bind("image", o.imageUrl()).bind("goTo", o.goTo()).execute();
            }
        }
    }

    boolean delete(Handle tx, long id) {
        replaceQuestions(tx, id, List.of());
        return tx.createUpdate("DELETE FROM survey_surveys WHERE id = :id").bind("id", id).execute() == 1;
    }

    Optional<Survey> find(Handle h, long id) {
        return h.createQuery(SELECT + " WHERE s.id = :id").bind("id", id).map((rs, c) -> row(rs)).findOne()
                .map(r -> r.survey(questions(h, List.of(id)).getOrDefault(id, List.of())));
    }

    /** @return surveys of a status (all when null), newest first, below the cursor id */
    List<Survey> list(Handle h, String status, long before, int limit) {
        var q = h.createQuery(SELECT + " WHERE s.id < :before" + (status == null ? "" : " AND s.status = :status")
                + " ORDER BY s.id DESC LIMIT :limit").bind("before", before).bind("limit", limit);
        if (status != null) {
            q.bind("status", status);
        }
        return withQuestions(h, q.map((rs, c) -> row(rs)).list());
    }

    /** @return the published (not draft) surveys among the ids, newest first */
    List<Survey> published(Handle h, java.util.Collection<Long> ids, int limit) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return withQuestions(h, h.createQuery(SELECT + " WHERE s.id IN (<ids>) AND s.status <> 'draft'"
                        + " ORDER BY s.id DESC LIMIT :limit")
                .bindList("ids", List.copyOf(ids)).bind("limit", limit).map((rs, c) -> row(rs)).list());
    }

    /** @return surveys taking answers on {@code today}, ending soonest first */
    List<Survey> open(Handle h, LocalDate today, int limit) {
        return withQuestions(h, h.createQuery(SELECT + """
                         WHERE s.status = 'open' AND s.starts_on <= :today AND s.ends_on >= :today
                        ORDER BY s.ends_on, s.id LIMIT :limit
                        """)
                .bind("today", today.toString()).bind("limit", limit).map((rs, c) -> row(rs)).list());
    }

    private record Row(long id, String title, String intro, LocalDate startsOn, LocalDate endsOn, String status,
                       boolean anonymous, long reward, Target target, int responses, long createdAt, long updatedAt) {
        Survey survey(List<Question> questions) {
            return new Survey(id, title, intro, startsOn, endsOn, status, anonymous, reward, target, questions, responses,
                    createdAt, updatedAt);
        }
    }

    private List<Survey> withQuestions(Handle h, List<Row> rows) {
        Map<Long, List<Question>> qs = questions(h, rows.stream().map(Row::id).toList());
        return rows.stream().map(r -> r.survey(qs.getOrDefault(r.id(), List.of()))).toList();
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(rs.getLong("id"), rs.getString("title"), rs.getString("intro"),
                LocalDate.parse(rs.getString("starts_on")), LocalDate.parse(rs.getString("ends_on")), rs.getString("status"),
                rs.getInt("anonymous") == 1, rs.getLong("reward_points"),
                new Target(rs.getString("target_kind"), rs.getString("target_value")), rs.getInt("responses"),
                rs.getLong("created_at"), rs.getLong("updated_at"));
    }

    /** @return the questions of the surveys, with their options, in order */
    private Map<Long, List<Question>> questions(Handle h, List<Long> surveyIds) {
        Map<Long, List<Question>> out = new LinkedHashMap<>();
        if (surveyIds.isEmpty()) {
            return out;
        }
        Map<Long, List<Option>> options = new LinkedHashMap<>();
        h.createQuery("""
                        SELECT o.* FROM survey_options o JOIN survey_questions q ON q.id = o.question_id
                        WHERE q.survey_id IN (<ids>) ORDER BY o.question_id, o.position
                        """).bindList("ids", surveyIds)
                .map((rs, c) -> {
                    int goTo = rs.getInt("go_to");
                    Integer g = rs.wasNull() ? null : goTo;
                    options.computeIfAbsent(rs.getLong("question_id"), k -> new ArrayList<>())
                            .add(new Option(rs.getLong("id"), rs.getString("label"), rs.getString("image_url"), g));
                    return 0;
                }).list();
        h.createQuery("SELECT * FROM survey_questions WHERE survey_id IN (<ids>) ORDER BY survey_id, position")
                .bindList("ids", surveyIds)
                .map((rs, c) -> {
                    long id = rs.getLong("id");
                    out.computeIfAbsent(rs.getLong("survey_id"), k -> new ArrayList<>()).add(new Question(id,
                            rs.getInt("position"), QuestionKind.of(rs.getString("kind")), rs.getString("text"),
                            rs.getInt("required") == 1, options.getOrDefault(id, List.of())));
                    return 0;
                }).list();
        return out;
    }

    /** @return whether the member is in the set of members the segments engine selects */
    static boolean isIn(Handle h, io.kindred.api.segments.MemberIds ids, long userId) {
        return h.createQuery("SELECT COUNT(*) FROM users WHERE id = :surveyMember AND id IN (" + ids.sql() + ")")
                .bindMap(ids.params()).bind("surveyMember", userId).mapTo(Integer.class).one() > 0;
    }
}
