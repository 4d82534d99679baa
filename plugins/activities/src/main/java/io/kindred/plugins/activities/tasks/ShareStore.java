package io.kindred.plugins.activities.tasks;

import org.jdbi.v3.core.Handle;

import java.util.Optional;

/** SQL of {@code task_shares} and {@code task_share_visits}. */
final class ShareStore {

    /** A member's share link of a share task. */
    record Share(long id, long taskId, long userId, String token) {
    }

    Optional<Share> ofMember(Handle h, long taskId, long userId) {
        return h.createQuery("SELECT * FROM task_shares WHERE task_id = :t AND user_id = :u")
                .bind("t", taskId).bind("u", userId)
                .map((rs, c) -> new Share(rs.getLong("id"), rs.getLong("task_id"), rs.getLong("user_id"),
                        rs.getString("token")))
                .findOne();
    }

    Optional<Share> byToken(Handle h, String token) {
        return h.createQuery("SELECT * FROM task_shares WHERE token = :token").bind("token", token)
                .map((rs, c) -> new Share(rs.getLong("id"), rs.getLong("task_id"), rs.getLong("user_id"),
                        rs.getString("token")))
                .findOne();
    }

    /** Creates the member's link unless a concurrent request did. */
    void insert(Handle tx, long taskId, long userId, String token, long now) {
        tx.createUpdate("""
                        INSERT INTO task_shares(task_id, user_id, token, created_at) VALUES (:t, :u, :token, :now)
                        ON CONFLICT (task_id, user_id) DO NOTHING""")
                .bind("t", taskId).bind("u", userId).bind("token", token).bind("now", now).execute();
    }

    /** @return whether the visitor is new on this share today (false: seen already, nothing written) */
    boolean firstVisit(Handle tx, long shareId, String day, String visitor, long now) {
        return tx.createUpdate("""
                        INSERT INTO task_share_visits(share_id, day, visitor, created_at) VALUES (:s, :day, :v, :now)
                        ON CONFLICT (share_id, day, visitor) DO NOTHING""")
                .bind("s", shareId).bind("day", day).bind("v", visitor).bind("now", now).execute() == 1;
    }
}
