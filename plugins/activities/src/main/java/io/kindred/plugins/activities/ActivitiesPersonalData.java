package io.kindred.plugins.activities;

import static io.kindred.api.privacy.MemberRows.rows;
import io.kindred.api.privacy.PersonalData;
import org.jdbi.v3.core.Handle;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The activities plugin's part of a member's export and erasure (docs/plugins/activities.md, "Personal data"):
 * meetup tickets, photos and proposals, survey responses, task progress, proofs and share links. Tickets paid in
 * points and completed tasks stay (the ledger rests on them) without the ticket's secret; survey responses stay in
 * the results as anonymous ones, without free text; photos, screenshots, handles, share links, unfinished
 * progress and undecided proposals and proofs are deleted.
 */
final class ActivitiesPersonalData implements PersonalData {

    private static final String OWN_PROPOSALS = """
            SELECT id FROM meetup_events e WHERE e.proposed_by = :u AND e.status IN ('proposed', 'rejected')
            AND NOT EXISTS (SELECT 1 FROM meetup_tickets t WHERE t.event_id = e.id)""";

    private static final List<String> ERASE = List.of(
            "DELETE FROM meetup_photos WHERE user_id = :u",
            "DELETE FROM meetup_events WHERE id IN (" + OWN_PROPOSALS + ")",
            "UPDATE meetup_events SET proposed_by = NULL WHERE proposed_by = :u",
            """
            UPDATE survey_answers SET text_value = NULL
            WHERE response_id IN (SELECT id FROM survey_responses WHERE user_id = :u)""",
            "UPDATE survey_responses SET user_id = NULL, submitted_at = NULL WHERE user_id = :u",
            "DELETE FROM task_progress WHERE user_id = :u AND completed_at IS NULL",
            "DELETE FROM task_proofs WHERE user_id = :u AND status = 'pending'",
            "UPDATE task_proofs SET image = NULL, handle = NULL, reason = NULL WHERE user_id = :u",
            "DELETE FROM task_share_visits WHERE share_id IN (SELECT id FROM task_shares WHERE user_id = :u)",
            "DELETE FROM task_shares WHERE user_id = :u");

    @Override
    public String section() {
        return "activities";
    }

    @Override
    public Object export(Handle h, long userId) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("meetupTickets", rows(h, userId, """
                SELECT t.id AS "id", t.event_id AS "meetupId", e.title AS "meetup", e.starts_at AS "startsAt",
                       t.status AS "status", t.code AS "code", t.paid_points AS "paidPoints", t.refunded AS "refunded",
                       t.offline_paid AS "paidAtTheDoor", t.admitted_at AS "admittedAt", t.joined_at AS "joinedAt"
                FROM meetup_tickets t JOIN meetup_events e ON e.id = t.event_id WHERE t.user_id = :u ORDER BY t.id"""));
        m.put("meetupPhotos", rows(h, userId, """
                SELECT event_id AS "meetupId", url AS "url", created_at AS "createdAt"
                FROM meetup_photos WHERE user_id = :u ORDER BY id"""));
        m.put("meetupsProposed", rows(h, userId, """
                SELECT id AS "id", title AS "title", description AS "description", city AS "city",
                       address AS "address", starts_at AS "startsAt", status AS "status", created_at AS "createdAt"
                FROM meetup_events WHERE proposed_by = :u ORDER BY id"""));
        m.put("surveyAnswers", rows(h, userId, """
                SELECT r.survey_id AS "surveyId", s.title AS "survey", q.text AS "question", a.option_ids AS "optionIds",
                       a.number_value AS "number", a.text_value AS "text", r.submitted_at AS "submittedAt"
                FROM survey_responses r JOIN survey_surveys s ON s.id = r.survey_id
                JOIN survey_answers a ON a.response_id = r.id JOIN survey_questions q ON q.id = a.question_id
                WHERE r.user_id = :u AND a.asked = 1 ORDER BY r.survey_id, q.position"""));
        m.put("surveysTaken", rows(h, userId, """
                SELECT t.survey_id AS "surveyId", s.title AS "survey", t.taken_on AS "takenOn"
                FROM survey_takers t JOIN survey_surveys s ON s.id = t.survey_id WHERE t.user_id = :u
                ORDER BY t.taken_on"""));
        m.putAll(tasks(h, userId));
        return m;
    }

    private static Map<String, Object> tasks(Handle h, long userId) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("taskProgress", rows(h, userId, """
                SELECT p.task_id AS "taskId", t.kind AS "kind", t.title AS "title", p.period_key AS "period",
                       p.progress AS "progress", t.target AS "target", p.completed_at AS "completedAt"
                FROM task_progress p JOIN task_tasks t ON t.id = p.task_id WHERE p.user_id = :u
                ORDER BY p.period_key, p.task_id"""));
        m.put("taskProofs", rows(h, userId, """
                SELECT task_id AS "taskId", image AS "screenshot", handle AS "handle", status AS "status",
                       reason AS "reason", created_at AS "createdAt", decided_at AS "decidedAt"
                FROM task_proofs WHERE user_id = :u ORDER BY id"""));
        m.put("taskShareLinks", rows(h, userId, """
                SELECT s.task_id AS "taskId", s.created_at AS "createdAt",
                       (SELECT COUNT(*) FROM task_share_visits v WHERE v.share_id = s.id) AS "visits"
                FROM task_shares s WHERE s.user_id = :u ORDER BY s.id"""));
        return m;
    }

    @Override
    public List<String> files(Handle h, long userId) {
        return List.copyOf(pictures(h, userId, "proposed_by = :u"));
    }

    @Override
    public Erased erase(Handle tx, long userId) {
        Set<String> files = pictures(tx, userId, "id IN (" + OWN_PROPOSALS + ")");
        for (String sql : ERASE) {
            tx.createUpdate(sql).bind("u", userId).execute();
        }
        replaceTicketTokens(tx, userId);
        return Erased.files(List.copyOf(files));
    }

    /** A ticket's token opens its page and QR code: each gets a new random one that nobody was ever given. */
    private static void replaceTicketTokens(Handle tx, long userId) {
        for (long id : tx.createQuery("SELECT id FROM meetup_tickets WHERE user_id = :u AND token NOT LIKE 'erased-%'")
                .bind("u", userId).mapTo(Long.class).list()) {
            tx.createUpdate("UPDATE meetup_tickets SET token = :token WHERE id = :id")
                    .bind("token", "erased-" + UUID.randomUUID()).bind("id", id).execute();
        }
    }

    /** @return the member's meetup photos, proof screenshots and the covers of the meetups {@code proposals} picks */
    private static Set<String> pictures(Handle h, long userId, String proposals) {
        Set<String> files = new LinkedHashSet<>(h.createQuery("""
                        SELECT url FROM meetup_photos WHERE user_id = :u
                        UNION SELECT image FROM task_proofs WHERE user_id = :u AND image IS NOT NULL
                        UNION SELECT cover_url FROM meetup_events e WHERE cover_url IS NOT NULL AND %s"""
                        .formatted(proposals))
                .bind("u", userId).mapTo(String.class).list());
        files.removeIf(f -> !f.startsWith("/uploads/"));
        return files;
    }


}
