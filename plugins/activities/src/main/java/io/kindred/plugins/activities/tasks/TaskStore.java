package io.kindred.plugins.activities.tasks;

import org.jdbi.v3.core.Handle;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** SQL of {@code task_tasks}. */
final class TaskStore {

    /** What a task is made of, as the operator gives it. */
    record Input(String kind, String eventType, String title, Map<String, String> params, long target, long reward,
                 Task.Period period, LocalDate startsOn, LocalDate endsOn, Task.Status status) {
    }

    long insert(Handle tx, Input in, long now) {
        return tx.createUpdate("""
                        INSERT INTO task_tasks(kind, event_type, title, params, target, reward, period, starts_on, ends_on,
                                               status, created_at, updated_at)
                        VALUES (:kind, :eventType, :title, :params, :target, :reward, :period, :startsOn, :endsOn, :status,
                                :now, :now)
                        """)
                .bind("kind", in.kind()).bind("eventType", in.eventType()).bind("title", in.title())
                .bind("params", encode(in.params())).bind("target", in.target()).bind("reward", in.reward())
                .bind("period", in.period().code()).bind("startsOn", day(in.startsOn())).bind("endsOn", day(in.endsOn()))
                .bind("status", in.status().code()).bind("now", now)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    /** Changes what an operator may change once members work on a task: not its kind nor its period. */
    boolean update(Handle tx, long id, Input in, long now) {
        return tx.createUpdate("""
                        UPDATE task_tasks SET title = :title, params = :params, target = :target, reward = :reward,
                            starts_on = :startsOn, ends_on = :endsOn, status = :status, updated_at = :now
                        WHERE id = :id
                        """)
                .bind("id", id).bind("title", in.title()).bind("params", encode(in.params()))
                .bind("target", in.target()).bind("reward", in.reward()).bind("startsOn", day(in.startsOn()))
                .bind("endsOn", day(in.endsOn())).bind("status", in.status().code()).bind("now", now).execute() == 1;
    }

    Optional<Task> find(Handle h, long id) {
        return h.createQuery("SELECT * FROM task_tasks WHERE id = :id").bind("id", id).map((rs, c) -> task(rs)).findOne();
    }

    /** @return every task, newest first, below the cursor id */
    List<Task> list(Handle h, long before, int limit) {
        return h.createQuery("SELECT * FROM task_tasks WHERE id < :before ORDER BY id DESC LIMIT :limit")
                .bind("before", before).bind("limit", limit).map((rs, c) -> task(rs)).list();
    }

    /** @return active tasks, oldest first (the operator's order of making them); few: a task centre lists dozens */
    List<Task> active(Handle h) {
        return h.createQuery("SELECT * FROM task_tasks WHERE status = 'active' ORDER BY id LIMIT 500")
                .map((rs, c) -> task(rs)).list();
    }

    /** @return active tasks reading events of this type */
    List<Task> readingEvent(Handle h, String eventType) {
        return h.createQuery("SELECT * FROM task_tasks WHERE status = 'active' AND event_type = :t ORDER BY id")
                .bind("t", eventType).map((rs, c) -> task(rs)).list();
    }

    /** @return the event types that tasks read (the subscriptions the task centre needs) */
    List<String> eventTypes(Handle h) {
        return h.createQuery("SELECT DISTINCT event_type FROM task_tasks WHERE event_type IS NOT NULL")
                .mapTo(String.class).list();
    }

    static String encode(Map<String, String> params) {
        return params.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    static Map<String, String> decode(String text) {
        Map<String, String> params = new LinkedHashMap<>();
        if (text == null || text.isEmpty()) {
            return params;
        }
        for (String pair : text.split("&")) {
            int eq = pair.indexOf('=');
            params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return params;
    }

    private static String day(LocalDate d) {
        return d == null ? null : d.toString();
    }

    private static LocalDate day(String s) {
        return s == null || s.isEmpty() ? null : LocalDate.parse(s);
    }

    private static Task task(ResultSet rs) throws SQLException {
        return new Task(rs.getLong("id"), rs.getString("kind"), rs.getString("event_type"), rs.getString("title"),
                decode(rs.getString("params")), rs.getLong("target"), rs.getLong("reward"),
                Task.Period.of(rs.getString("period")), day(rs.getString("starts_on")), day(rs.getString("ends_on")),
                Task.Status.of(rs.getString("status")), rs.getLong("created_at"));
    }
}
