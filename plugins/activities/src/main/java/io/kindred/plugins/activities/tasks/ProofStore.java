package io.kindred.plugins.activities.tasks;

import org.jdbi.v3.core.Handle;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** SQL of {@code task_proofs}. */
final class ProofStore {

    long insert(Handle tx, long taskId, long userId, String image, String handle, long now) {
        return tx.createUpdate("""
                        INSERT INTO task_proofs(task_id, user_id, image, handle, status, created_at)
                        VALUES (:t, :u, :image, :handle, 'pending', :now)""")
                .bind("t", taskId).bind("u", userId).bind("image", image).bind("handle", handle).bind("now", now)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    Optional<Proof> find(Handle h, long id) {
        return h.createQuery("SELECT * FROM task_proofs WHERE id = :id").bind("id", id).map((rs, c) -> proof(rs))
                .findOne();
    }

    /** @return the member's newest proof of the task */
    Optional<Proof> latest(Handle h, long taskId, long userId) {
        return h.createQuery("SELECT * FROM task_proofs WHERE task_id = :t AND user_id = :u ORDER BY id DESC LIMIT 1")
                .bind("t", taskId).bind("u", userId).map((rs, c) -> proof(rs)).findOne();
    }

    /** @return proofs of a status, oldest first (the queue's order), after the cursor id */
    List<Proof> queue(Handle h, Proof.Status status, long after, int limit) {
        return h.createQuery("SELECT * FROM task_proofs WHERE status = :s AND id > :after ORDER BY id LIMIT :limit")
                .bind("s", status.code()).bind("after", after).bind("limit", limit).map((rs, c) -> proof(rs)).list();
    }

    /** @return whether this call decided it (false: decided already, e.g. by a second operator's click) */
    boolean decide(Handle tx, long id, Proof.Status status, String reason, long operatorId, long now) {
        return tx.createUpdate("""
                        UPDATE task_proofs SET status = :s, reason = :reason, decided_at = :now, decided_by = :op
                        WHERE id = :id AND status = 'pending'""")
                .bind("id", id).bind("s", status.code()).bind("reason", reason).bind("now", now).bind("op", operatorId)
                .execute() == 1;
    }

    private static Proof proof(ResultSet rs) throws SQLException {
        return new Proof(rs.getLong("id"), rs.getLong("task_id"), rs.getLong("user_id"), rs.getString("image"),
                rs.getString("handle"), Proof.Status.of(rs.getString("status")), rs.getString("reason"),
                rs.getLong("created_at"), rs.getObject("decided_at") == null ? null : rs.getLong("decided_at"));
    }
}
