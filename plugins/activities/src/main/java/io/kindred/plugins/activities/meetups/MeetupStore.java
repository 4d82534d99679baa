package io.kindred.plugins.activities.meetups;

import org.jdbi.v3.core.Handle;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** SQL of {@code meetup_events}. */
final class MeetupStore {

    /** What an event is made of, as an operator or a proposing member gives it. */
    record Input(String title, String description, String coverUrl, String city, String address, long startsAt,
                 long endsAt, int capacity, String audience, String audienceValue, long pricePoints, long priceOffline,
                 String currency, Integer minParticipants, Long deadlineAt, long rewardPoints, String rewardBadge) {
    }

    private static final String SELECT = """
            SELECT e.*,
                   (SELECT COUNT(*) FROM meetup_tickets t WHERE t.event_id = e.id AND t.status = 'joined') AS joined,
                   (SELECT COUNT(*) FROM meetup_tickets t WHERE t.event_id = e.id AND t.status = 'waiting') AS waiting
            FROM meetup_events e
            """;

    long insert(Handle tx, Input in, String status, Long proposedBy, long now) {
        return tx.createUpdate("""
                        INSERT INTO meetup_events(title, description, cover_url, city, address, starts_at, ends_at, capacity,
                            audience, audience_value, price_points, price_offline, currency, min_participants, deadline_at,
                            funding, reward_points, reward_badge, status, proposed_by, created_at, updated_at)
                        VALUES (:title, :description, :coverUrl, :city, :address, :startsAt, :endsAt, :capacity,
                            :audience, :audienceValue, :pricePoints, :priceOffline, :currency, :minParticipants, :deadlineAt,
                            :funding, :rewardPoints, :rewardBadge, :status, :proposedBy, :now, :now)
                        """)
                .bindMap(fields(in)).bind("funding", in.minParticipants() == null ? null : "pending")
                .bind("status", status).bind("proposedBy", proposedBy).bind("now", now)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    boolean update(Handle tx, long id, Input in, long now) {
        return tx.createUpdate("""
                        UPDATE meetup_events SET title = :title, description = :description,
                            cover_url = COALESCE(:coverUrl, cover_url), city = :city, address = :address,
                            starts_at = :startsAt, ends_at = :endsAt, capacity = :capacity, audience = :audience,
                            audience_value = :audienceValue, price_points = :pricePoints, price_offline = :priceOffline,
                            currency = :currency, min_participants = :minParticipants, deadline_at = :deadlineAt,
                            funding = CASE WHEN :minParticipants IS NULL THEN NULL ELSE COALESCE(funding, 'pending') END,
                            reward_points = :rewardPoints, reward_badge = :rewardBadge, updated_at = :now
                        WHERE id = :id
                        """)
                .bindMap(fields(in)).bind("id", id).bind("now", now).execute() == 1;
    }

    /**
     * Moves an event from one status to another, with the decision's note (approve, reject) or the cancellation's
     * reason (cancel); false when it was not in {@code from} (a racing change won).
     */
    boolean move(Handle tx, long id, String from, String to, String note, long now) {
        return tx.createUpdate("""
                        UPDATE meetup_events SET status = :to,
                            decision_note = CASE WHEN :to = 'cancelled' THEN decision_note ELSE COALESCE(:note, decision_note) END,
                            cancel_reason = CASE WHEN :to = 'cancelled' THEN COALESCE(:note, 'cancelled') ELSE cancel_reason END,
                            updated_at = :now
                        WHERE id = :id AND status = :from
                        """)
                .bind("id", id).bind("from", from).bind("to", to).bind("note", note).bind("now", now).execute() == 1;
    }

    boolean setFunding(Handle tx, long id, String funding, long now) {
        return tx.createUpdate("""
                        UPDATE meetup_events SET funding = :funding, updated_at = :now WHERE id = :id AND funding = 'pending'
                        """).bind("id", id).bind("funding", funding).bind("now", now).execute() == 1;
    }

    void setCover(Handle tx, long id, String url) {
        tx.createUpdate("UPDATE meetup_events SET cover_url = :url WHERE id = :id").bind("id", id).bind("url", url).execute();
    }

    void setRecap(Handle tx, long id, long postId) {
        tx.createUpdate("UPDATE meetup_events SET recap_post_id = :post WHERE id = :id")
                .bind("id", id).bind("post", postId).execute();
    }

    /**
     * Takes the event's row lock for the rest of the transaction, so that seat counts read afterwards stay true until
     * it commits: a no-op update, which PostgreSQL turns into a row lock and SQLite runs under its one writer.
     */
    void lock(Handle tx, long id) {
        tx.createUpdate("UPDATE meetup_events SET capacity = capacity WHERE id = :id").bind("id", id).execute();
    }

    Optional<Meetup> find(Handle h, long id) {
        return h.createQuery(SELECT + " WHERE e.id = :id").bind("id", id).map((rs, c) -> meetup(rs)).findOne();
    }

    /** @return open events that have not ended, soonest first */
    List<Meetup> upcoming(Handle h, long now, int limit) {
        return h.createQuery(SELECT + " WHERE e.status = 'open' AND e.ends_at > :now ORDER BY e.starts_at, e.id LIMIT :limit")
                .bind("now", now).bind("limit", limit).map((rs, c) -> meetup(rs)).list();
    }

    /** @return open events that have ended, latest first */
    List<Meetup> past(Handle h, long now, int limit) {
        return h.createQuery(SELECT + " WHERE e.status = 'open' AND e.ends_at <= :now ORDER BY e.starts_at DESC, e.id LIMIT :limit")
                .bind("now", now).bind("limit", limit).map((rs, c) -> meetup(rs)).list();
    }

    /** @return events of a status (all when null), newest first, below the cursor id */
    List<Meetup> list(Handle h, String status, long before, int limit) {
        var q = h.createQuery(SELECT + " WHERE e.id < :before" + (status == null ? "" : " AND e.status = :status")
                + " ORDER BY e.id DESC LIMIT :limit").bind("before", before).bind("limit", limit);
        if (status != null) {
            q.bind("status", status);
        }
        return q.map((rs, c) -> meetup(rs)).list();
    }

    /** @return events whose member holds an active or past ticket, soonest first */
    List<Meetup> ofMember(Handle h, long userId, int limit) {
        return h.createQuery(SELECT + """
                         WHERE e.id IN (SELECT event_id FROM meetup_tickets WHERE user_id = :user AND status IN ('joined', 'waiting'))
                        ORDER BY e.starts_at DESC, e.id LIMIT :limit
                        """).bind("user", userId).bind("limit", limit).map((rs, c) -> meetup(rs)).list();
    }

    /** @return open crowdfunded events whose deadline has passed and whose funding is still pending */
    List<Long> dueDeadlines(Handle h, long now) {
        return h.createQuery("""
                        SELECT id FROM meetup_events
                        WHERE funding = 'pending' AND status = 'open' AND deadline_at <= :now ORDER BY id
                        """).bind("now", now).mapTo(Long.class).list();
    }

    /** @return open events starting after {@code now} and up to {@code until} */
    List<Meetup> startingBetween(Handle h, long now, long until) {
        return h.createQuery(SELECT + " WHERE e.status = 'open' AND e.starts_at > :now AND e.starts_at <= :until ORDER BY e.id")
                .bind("now", now).bind("until", until).map((rs, c) -> meetup(rs)).list();
    }

    /** The input's values by parameter name (Jdbi cannot read a package-private record's accessors itself). */
    private static java.util.Map<String, Object> fields(Input in) {
        java.util.Map<String, Object> m = new java.util.HashMap<>();
        m.put("title", in.title());
        m.put("description", in.description());
        m.put("coverUrl", in.coverUrl());
        m.put("city", in.city());
        m.put("address", in.address());
        m.put("startsAt", in.startsAt());
        m.put("endsAt", in.endsAt());
        m.put("capacity", in.capacity());
        m.put("audience", in.audience());
        m.put("audienceValue", in.audienceValue());
        m.put("pricePoints", in.pricePoints());
        m.put("priceOffline", in.priceOffline());
        m.put("currency", in.currency());
        m.put("minParticipants", in.minParticipants());
        m.put("deadlineAt", in.deadlineAt());
        m.put("rewardPoints", in.rewardPoints());
        m.put("rewardBadge", in.rewardBadge());
        return m;
    }

    private static Meetup meetup(ResultSet rs) throws SQLException {
        return new Meetup(rs.getLong("id"), rs.getString("title"), rs.getString("description"), rs.getString("cover_url"),
                rs.getString("city"), rs.getString("address"), rs.getLong("starts_at"), rs.getLong("ends_at"),
                rs.getInt("capacity"), rs.getString("audience"), rs.getString("audience_value"), rs.getLong("price_points"),
                rs.getLong("price_offline"), rs.getString("currency"), rs.getObject("min_participants") == null
                ? null : rs.getInt("min_participants"), rs.getObject("deadline_at") == null ? null : rs.getLong("deadline_at"),
                rs.getString("funding"), rs.getLong("reward_points"), rs.getString("reward_badge"), rs.getString("status"),
                rs.getString("cancel_reason"), rs.getObject("proposed_by") == null ? null : rs.getLong("proposed_by"),
                rs.getString("decision_note"), rs.getObject("recap_post_id") == null ? null : rs.getLong("recap_post_id"),
                rs.getInt("joined"), rs.getInt("waiting"), rs.getLong("created_at"), rs.getLong("updated_at"));
    }
}
