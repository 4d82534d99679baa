package io.kindred.server.events;

import io.kindred.api.db.Database;

import java.time.Instant;
import java.util.List;

/** Reads the outbox, the subscribers' positions and the dead letters, for the admin API and the console. */
public final class EventLog {

    /** An event as stored; {@code payload} is its JSON text. */
    public record Recorded(long id, String type, Long userId, String payload, Instant createdAt) {
    }

    /** Where a subscriber stands. */
    public record Subscriber(String name, String eventType, long cursor, int attempts, Instant nextAttemptAt,
                             String lastError, long backlog) {

        /** @return the subscriber as the API and the console show it */
        public java.util.Map<String, Object> fields(boolean active) {
            java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
            m.put("name", name);
            m.put("eventType", eventType);
            m.put("cursor", cursor);
            m.put("attempts", attempts);
            m.put("nextAttemptAt", nextAttemptAt);
            m.put("lastError", lastError);
            m.put("backlog", backlog);
            m.put("active", active);
            return m;
        }
    }

    /** An event a subscriber gave up on. */
    public record DeadLetter(long id, String subscriber, long eventId, String eventType, int attempts, String lastError,
                             Instant createdAt, Instant retriedAt) {

        /** @return what the API and the console show of it, times left to the caller's format */
        public java.util.Map<String, Object> fields() {
            java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
            m.put("id", id);
            m.put("subscriber", subscriber);
            m.put("eventId", eventId);
            m.put("eventType", eventType);
            m.put("attempts", attempts);
            m.put("lastError", lastError);
            return m;
        }
    }

    private final Database db;

    public EventLog(Database db) {
        this.db = db;
    }

    /** Newest first, before the event id {@code beforeId}; all types when {@code type} is null. */
    public List<Recorded> recent(String type, long beforeId, int limit) {
        return db.read(h -> h.createQuery("""
                        SELECT id, type, user_id, payload, created_at FROM events
                         WHERE id < :cursor AND (CAST(:type AS TEXT) IS NULL OR type = :type)
                         ORDER BY id DESC LIMIT :limit""")
                .bind("cursor", beforeId).bind("type", type).bind("limit", limit)
                .map((rs, c) -> new Recorded(rs.getLong(1), rs.getString(2), rs.getObject(3) == null ? null : rs.getLong(3),
                        rs.getString(4), Instant.ofEpochMilli(rs.getLong(5))))
                .list());
    }

    public List<Subscriber> subscribers() {
        return db.read(h -> h.createQuery("""
                        SELECT s.name, s.event_type, s.cursor_id, s.attempts, s.next_attempt_at, s.last_error,
                               (SELECT COUNT(*) FROM events e WHERE e.type = s.event_type AND e.id > s.cursor_id) AS backlog
                          FROM event_subscribers s ORDER BY s.name""")
                .map((rs, c) -> new Subscriber(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getInt(4),
                        rs.getLong(5) == 0 ? null : Instant.ofEpochMilli(rs.getLong(5)), rs.getString(6), rs.getLong(7)))
                .list());
    }

    /** Newest first, before {@code beforeId}; with {@code waitingFirst}, those not yet retried come first. */
    public List<DeadLetter> deadLetters(long beforeId, int limit, boolean waitingFirst) {
        String order = waitingFirst ? "CASE WHEN d.retried_at IS NULL THEN 0 ELSE 1 END, d.id DESC" : "d.id DESC";
        return db.read(h -> h.createQuery("""
                        SELECT d.id, d.subscriber, d.event_id, e.type, d.attempts, d.last_error, d.created_at, d.retried_at
                          FROM event_dead_letters d JOIN events e ON e.id = d.event_id
                         WHERE d.id < :cursor""" + " ORDER BY " + order + " LIMIT :limit")
                .bind("cursor", beforeId).bind("limit", limit)
                .map((rs, c) -> new DeadLetter(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getInt(5),
                        rs.getString(6), Instant.ofEpochMilli(rs.getLong(7)),
                        rs.getObject(8) == null ? null : Instant.ofEpochMilli(rs.getLong(8))))
                .list());
    }
}
