package io.kindred.plugins.activities.meetups;

import org.jdbi.v3.core.Handle;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** SQL of {@code meetup_tickets} and {@code meetup_photos}. */
final class TicketStore {

    /** A photo of an event. */
    record Photo(long id, long eventId, long userId, String url, long createdAt) {
    }

    Optional<Ticket> find(Handle h, long eventId, long userId) {
        return h.createQuery("SELECT * FROM meetup_tickets WHERE event_id = :e AND user_id = :u")
                .bind("e", eventId).bind("u", userId).map((rs, c) -> ticket(rs)).findOne();
    }

    Optional<Ticket> byToken(Handle h, String token) {
        return h.createQuery("SELECT * FROM meetup_tickets WHERE token = :t").bind("t", token)
                .map((rs, c) -> ticket(rs)).findOne();
    }

    Optional<Ticket> byCode(Handle h, long eventId, String code) {
        return h.createQuery("SELECT * FROM meetup_tickets WHERE event_id = :e AND code = :c")
                .bind("e", eventId).bind("c", code).map((rs, c) -> ticket(rs)).findOne();
    }

    /** @return the next arrival number on the event */
    long nextQueue(Handle tx, long eventId) {
        return tx.createQuery("SELECT COALESCE(MAX(queue), 0) + 1 FROM meetup_tickets WHERE event_id = :e")
                .bind("e", eventId).mapTo(Long.class).one();
    }

    long insert(Handle tx, long eventId, long userId, String status, long queue, String token, String code,
                long paid, long now) {
        return tx.createUpdate("""
                        INSERT INTO meetup_tickets(event_id, user_id, status, queue, attempt, token, code, paid_points,
                            refunded, offline_paid, joined_at, updated_at)
                        VALUES (:e, :u, :status, :queue, 1, :token, :code, :paid, 0, 0, :now, :now)
                        """)
                .bind("e", eventId).bind("u", userId).bind("status", status).bind("queue", queue).bind("token", token)
                .bind("code", code).bind("paid", paid).bind("now", now)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    /** Joins again with a cancelled or skipped ticket: a new attempt at the end of the queue. */
    void rejoin(Handle tx, long id, String status, long queue, long paid, long now) {
        tx.createUpdate("""
                        UPDATE meetup_tickets SET status = :status, queue = :queue, attempt = attempt + 1, paid_points = :paid,
                            refunded = 0, offline_paid = 0, joined_at = :now, updated_at = :now
                        WHERE id = :id
                        """).bind("id", id).bind("status", status).bind("queue", queue).bind("paid", paid).bind("now", now)
                .execute();
    }

    /** Moves a ticket between statuses; false when it was not in {@code from}. */
    boolean move(Handle tx, long id, String from, String to, long paid, long now) {
        return tx.createUpdate("""
                        UPDATE meetup_tickets SET status = :to, paid_points = :paid, updated_at = :now
                        WHERE id = :id AND status = :from
                        """).bind("id", id).bind("from", from).bind("to", to).bind("paid", paid).bind("now", now)
                .execute() == 1;
    }

    void markRefunded(Handle tx, long id, long now) {
        tx.createUpdate("UPDATE meetup_tickets SET refunded = 1, updated_at = :now WHERE id = :id")
                .bind("id", id).bind("now", now).execute();
    }

    /** Marks attendance once; false when the ticket was admitted before (or is not a joined one). */
    boolean admit(Handle tx, long id, Long by, long now) {
        return tx.createUpdate("""
                        UPDATE meetup_tickets SET admitted_at = :now, admitted_by = :by, updated_at = :now
                        WHERE id = :id AND status = 'joined' AND admitted_at IS NULL
                        """).bind("id", id).bind("by", by).bind("now", now).execute() == 1;
    }

    void setOfflinePaid(Handle tx, long id, boolean paid, long now) {
        tx.createUpdate("UPDATE meetup_tickets SET offline_paid = :paid, updated_at = :now WHERE id = :id")
                .bind("id", id).bind("paid", paid ? 1 : 0).bind("now", now).execute();
    }

    /** @return the first ticket on the waiting list, in order of arrival */
    Optional<Ticket> firstWaiting(Handle tx, long eventId) {
        return tx.createQuery("""
                        SELECT * FROM meetup_tickets WHERE event_id = :e AND status = 'waiting' ORDER BY queue LIMIT 1
                        """).bind("e", eventId).map((rs, c) -> ticket(rs)).findOne();
    }

    int count(Handle h, long eventId, String status) {
        return h.createQuery("SELECT COUNT(*) FROM meetup_tickets WHERE event_id = :e AND status = :s")
                .bind("e", eventId).bind("s", status).mapTo(Integer.class).one();
    }

    int admittedCount(Handle h, long eventId) {
        return h.createQuery("SELECT COUNT(*) FROM meetup_tickets WHERE event_id = :e AND admitted_at IS NOT NULL")
                .bind("e", eventId).mapTo(Integer.class).one();
    }

    /** @return tickets of an event in a status, in order of arrival */
    List<Ticket> ofEvent(Handle h, long eventId, String status) {
        return h.createQuery("SELECT * FROM meetup_tickets WHERE event_id = :e AND status = :s ORDER BY queue")
                .bind("e", eventId).bind("s", status).map((rs, c) -> ticket(rs)).list();
    }

    /** @return tickets with points paid and not returned, of any status */
    List<Ticket> unrefunded(Handle h, long eventId) {
        return h.createQuery("""
                        SELECT * FROM meetup_tickets WHERE event_id = :e AND paid_points > 0 AND refunded = 0 ORDER BY queue
                        """).bind("e", eventId).map((rs, c) -> ticket(rs)).list();
    }

    /** @return the event's joined and waiting tickets, joined first, each in order of arrival */
    List<Ticket> participants(Handle h, long eventId) {
        return h.createQuery("""
                        SELECT * FROM meetup_tickets WHERE event_id = :e AND status IN ('joined', 'waiting')
                        ORDER BY CASE status WHEN 'joined' THEN 0 ELSE 1 END, queue
                        """).bind("e", eventId).map((rs, c) -> ticket(rs)).list();
    }

    long addPhoto(Handle tx, long eventId, long userId, String url, long now) {
        return tx.createUpdate("""
                        INSERT INTO meetup_photos(event_id, user_id, url, created_at) VALUES (:e, :u, :url, :now)
                        """).bind("e", eventId).bind("u", userId).bind("url", url).bind("now", now)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    List<Photo> photos(Handle h, long eventId) {
        return h.createQuery("SELECT * FROM meetup_photos WHERE event_id = :e ORDER BY id LIMIT 200").bind("e", eventId)
                .map((rs, c) -> new Photo(rs.getLong("id"), rs.getLong("event_id"), rs.getLong("user_id"),
                        rs.getString("url"), rs.getLong("created_at"))).list();
    }

    private static Ticket ticket(ResultSet rs) throws SQLException {
        return new Ticket(rs.getLong("id"), rs.getLong("event_id"), rs.getLong("user_id"), rs.getString("status"),
                rs.getLong("queue"), rs.getInt("attempt"), rs.getString("token"), rs.getString("code"),
                rs.getLong("paid_points"), rs.getInt("refunded") == 1, rs.getInt("offline_paid") == 1,
                rs.getObject("admitted_at") == null ? null : rs.getLong("admitted_at"),
                rs.getObject("admitted_by") == null ? null : rs.getLong("admitted_by"), rs.getLong("joined_at"));
    }
}
