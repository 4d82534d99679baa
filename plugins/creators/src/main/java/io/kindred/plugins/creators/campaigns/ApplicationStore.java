package io.kindred.plugins.creators.campaigns;

import org.jdbi.v3.core.Handle;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** SQL of {@code creator_applications} and {@code creator_application_history}. */
final class ApplicationStore {

    /** Filters of the operator's list; null means any. */
    record Filter(Long campaignId, String status) {
    }

    long insert(Handle tx, long campaignId, long userId, Map<String, Object> answers, long now) {
        return tx.createUpdate("""
                        INSERT INTO creator_applications(campaign_id, user_id, status, submitted_at, answers)
                        VALUES (:campaign, :user, 'submitted', :now, :answers)
                        """)
                .bind("campaign", campaignId).bind("user", userId).bind("now", now).bind("answers", Json.write(answers))
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    boolean exists(Handle h, long campaignId, long userId) {
        return h.createQuery("SELECT COUNT(*) FROM creator_applications WHERE campaign_id = :c AND user_id = :u")
                .bind("c", campaignId).bind("u", userId).mapTo(Integer.class).one() > 0;
    }

    /** Moves an application only if it is still in {@code from}: the guard against parallel moves. */
    boolean move(Handle tx, long id, String from, String to, Long reviewerId, Long decidedAt, String approval) {
        return tx.createUpdate("""
                        UPDATE creator_applications SET status = :to, reviewer_id = :reviewer, decided_at = :decided,
                            approval = COALESCE(:approval, approval)
                        WHERE id = :id AND status = :from
                        """)
                .bind("id", id).bind("from", from).bind("to", to).bind("reviewer", reviewerId)
                .bind("decided", decidedAt).bind("approval", approval).execute() == 1;
    }

    void score(Handle tx, long id, int score, Map<String, Long> scores, Long reviewerId) {
        tx.createUpdate("UPDATE creator_applications SET score = :score, scores = :scores, reviewer_id = :reviewer WHERE id = :id")
                .bind("id", id).bind("score", score).bind("scores", Json.write(scores)).bind("reviewer", reviewerId)
                .execute();
    }

    void step(Handle tx, long id, String from, String to, Long actorId, String actorName, String note, Integer score,
              long now) {
        tx.createUpdate("""
                        INSERT INTO creator_application_history(application_id, from_status, to_status, actor_id,
                                                                actor_name, note, score, created_at)
                        VALUES (:id, :from, :to, :actor, :name, :note, :score, :now)
                        """)
                .bind("id", id).bind("from", from).bind("to", to).bind("actor", actorId).bind("name", actorName)
                .bind("note", note).bind("score", score).bind("now", now).execute();
    }

    Optional<Application> find(Handle h, long id) {
        return h.createQuery("SELECT * FROM creator_applications WHERE id = :id").bind("id", id)
                .map((rs, c) -> application(rs)).findOne();
    }

    List<Application> list(Handle h, Filter f, long before, int limit) {
        // Conditions are added, not written as ":x IS NULL OR ...", which PostgreSQL cannot type.
        var q = h.createQuery("SELECT * FROM creator_applications WHERE id < :before"
                        + (f.campaignId() == null ? "" : " AND campaign_id = :campaign")
                        + (f.status() == null ? "" : " AND status = :status")
                        + " ORDER BY id DESC LIMIT :limit")
                .bind("before", before).bind("limit", limit);
        if (f.campaignId() != null) {
            q.bind("campaign", f.campaignId());
        }
        if (f.status() != null) {
            q.bind("status", f.status());
        }
        return q.map((rs, c) -> application(rs)).list();
    }

    List<Application> ofMember(Handle h, long userId, long before, int limit) {
        return h.createQuery("""
                        SELECT * FROM creator_applications WHERE user_id = :u AND id < :before ORDER BY id DESC LIMIT :limit
                        """)
                .bind("u", userId).bind("before", before).bind("limit", limit).map((rs, c) -> application(rs)).list();
    }

    /** @return applications per status, for the board's tabs */
    Map<String, Integer> counts(Handle h, Long campaignId) {
        var q = h.createQuery("SELECT status, COUNT(*) AS n FROM creator_applications"
                + (campaignId == null ? "" : " WHERE campaign_id = :campaign") + " GROUP BY status");
        if (campaignId != null) {
            q.bind("campaign", campaignId);
        }
        return q.reduceRows(new java.util.HashMap<String, Integer>(), (m, row) -> {
            m.put(row.getColumn("status", String.class), row.getColumn("n", Integer.class));
            return m;
        });
    }

    List<Application.Step> history(Handle h, long id) {
        return h.createQuery("SELECT * FROM creator_application_history WHERE application_id = :id ORDER BY id")
                .bind("id", id).map((rs, c) -> new Application.Step(rs.getString("from_status"), rs.getString("to_status"),
                        nullable(rs, "actor_id"), rs.getString("actor_name"), rs.getString("note"),
                        integer(rs, "score"), rs.getLong("created_at"))).list();
    }

    private static Application application(ResultSet rs) throws SQLException {
        String scores = rs.getString("scores");
        String approval = rs.getString("approval");
        return new Application(rs.getLong("id"), rs.getLong("campaign_id"), rs.getLong("user_id"), rs.getString("status"),
                integer(rs, "score"), scores == null ? Map.of() : Json.readObject(scores),
                nullable(rs, "reviewer_id"), rs.getLong("submitted_at"), nullable(rs, "decided_at"),
                Json.readObject(rs.getString("answers")), approval == null ? Map.of() : Json.readObject(approval));
    }

    private static Long nullable(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    private static Integer integer(ResultSet rs, String column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }
}
