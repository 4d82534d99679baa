package io.kindred.plugins.activities.tasks;

import org.jdbi.v3.core.Handle;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** SQL of {@code task_progress}. */
final class ProgressStore {

    /** One member's progress on one task in one period. */
    record Row(long taskId, long userId, String periodKey, long progress, long lastEventId, Long completedAt) {

        boolean completed() {
            return completedAt != null;
        }
    }

    /** A completion, for the operator's CSV. */
    record Completion(long taskId, long userId, String periodKey, long completedAt) {
    }

    Optional<Row> find(Handle h, long taskId, long userId, String periodKey) {
        return h.createQuery("""
                        SELECT * FROM task_progress WHERE task_id = :t AND user_id = :u AND period_key = :p""")
                .bind("t", taskId).bind("u", userId).bind("p", periodKey)
                .map((rs, c) -> new Row(rs.getLong("task_id"), rs.getLong("user_id"), rs.getString("period_key"),
                        rs.getLong("progress"), rs.getLong("last_event_id"),
                        rs.getObject("completed_at") == null ? null : rs.getLong("completed_at")))
                .findOne();
    }

    /** @return the member's progress rows of these periods ('' and today), by task id */
    Map<Long, Row> ofMember(Handle h, long userId, String today) {
        List<Row> rows = h.createQuery("""
                        SELECT * FROM task_progress WHERE user_id = :u AND period_key IN ('', :today)""")
                .bind("u", userId).bind("today", today)
                .map((rs, c) -> new Row(rs.getLong("task_id"), rs.getLong("user_id"), rs.getString("period_key"),
                        rs.getLong("progress"), rs.getLong("last_event_id"),
                        rs.getObject("completed_at") == null ? null : rs.getLong("completed_at")))
                .list();
        return rows.stream().collect(java.util.stream.Collectors.toMap(Row::taskId, r -> r, (a, b) -> a));
    }

    /** Writes the progress; creates the row on the first step. */
    void save(Handle tx, long taskId, long userId, String periodKey, long progress, long eventId) {
        tx.createUpdate("""
                        INSERT INTO task_progress(task_id, user_id, period_key, progress, last_event_id)
                        VALUES (:t, :u, :p, :progress, :e)
                        ON CONFLICT (task_id, user_id, period_key)
                        DO UPDATE SET progress = excluded.progress,
                            last_event_id = CASE WHEN excluded.last_event_id > task_progress.last_event_id
                                                 THEN excluded.last_event_id ELSE task_progress.last_event_id END
                        """)
                .bind("t", taskId).bind("u", userId).bind("p", periodKey).bind("progress", progress).bind("e", eventId)
                .execute();
    }

    /** @return whether this call completed it (false: it was completed already, by a race or a replay) */
    boolean complete(Handle tx, long taskId, long userId, String periodKey, long now) {
        return tx.createUpdate("""
                        UPDATE task_progress SET completed_at = :now
                        WHERE task_id = :t AND user_id = :u AND period_key = :p AND completed_at IS NULL""")
                .bind("t", taskId).bind("u", userId).bind("p", periodKey).bind("now", now).execute() == 1;
    }

    /** @return completions of a task, oldest first, after the cursor (completion time) */
    List<Completion> completions(Handle h, long taskId, int limit) {
        return h.createQuery("""
                        SELECT task_id, user_id, period_key, completed_at FROM task_progress
                        WHERE task_id = :t AND completed_at IS NOT NULL ORDER BY completed_at, user_id LIMIT :limit""")
                .bind("t", taskId).bind("limit", limit)
                .map((rs, c) -> new Completion(rs.getLong("task_id"), rs.getLong("user_id"), rs.getString("period_key"),
                        rs.getLong("completed_at")))
                .list();
    }

    long countCompleted(Handle h, long taskId) {
        return h.createQuery("SELECT COUNT(*) FROM task_progress WHERE task_id = :t AND completed_at IS NOT NULL")
                .bind("t", taskId).mapTo(Long.class).one();
    }
}
