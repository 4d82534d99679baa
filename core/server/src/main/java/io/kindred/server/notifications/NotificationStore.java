package io.kindred.server.notifications;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The SQL of notifications, members' channel choices and the email outbox. */
public final class NotificationStore {

    /** One stored notification, not yet rendered. */
    public record Row(long id, long userId, String type, String params, String link, Instant createdAt, Instant readAt) {
        public boolean unread() {
            return readAt == null;
        }
    }

    /** One queued email. */
    public record Email(long id, long userId, Long notificationId, String kind, String state, int attempts,
                        Instant nextAttemptAt, String lastError, Instant createdAt) {
        public boolean digest() {
            return "digest".equals(kind);
        }
    }

    /** The choice key of the daily digest, kept with the per-type choices. */
    public static final String DIGEST = "*/digest";

    private static final String ROW = "id, user_id, type, params, link, created_at, read_at";

    private static Row row(java.sql.ResultSet rs) throws java.sql.SQLException {
        long read = rs.getLong("read_at");
        return new Row(rs.getLong("id"), rs.getLong("user_id"), rs.getString("type"), rs.getString("params"),
                rs.getString("link"), Instant.ofEpochMilli(rs.getLong("created_at")),
                rs.wasNull() || read == 0 ? null : Instant.ofEpochMilli(read));
    }

    private final Jdbi jdbi;

    public NotificationStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** @return the new row's id, or empty when the member has a notification with that key already */
    public Optional<Long> insert(Handle h, long userId, String type, String params, String link, String key,
                                 boolean inSite, boolean digest, long now) {
        return h.createQuery("""
                        INSERT INTO notifications(user_id, type, params, link, dedup_key, in_site, digest, created_at)
                        VALUES (:u, :type, :params, :link, :key, :inSite, :digest, :now)
                        ON CONFLICT (user_id, dedup_key) DO NOTHING
                        RETURNING id""")
                .bind("u", userId).bind("type", type).bind("params", params).bind("link", link).bind("key", key)
                .bind("inSite", inSite ? 1 : 0).bind("digest", digest ? 1 : 0).bind("now", now).mapTo(Long.class).findOne();
    }

    public Optional<Long> idByKey(Handle h, long userId, String key) {
        return h.createQuery("SELECT id FROM notifications WHERE user_id = :u AND dedup_key = :key")
                .bind("u", userId).bind("key", key).mapTo(Long.class).findOne();
    }

    /** @return the member's in-site notifications below {@code beforeId}, newest first */
    public List<Row> newestFirst(long userId, long beforeId, int limit, boolean unreadOnly) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + ROW + """
                         FROM notifications
                        WHERE user_id = :u AND in_site = 1 AND id < :before
                        """ + (unreadOnly ? " AND read_at IS NULL" : "") + " ORDER BY id DESC LIMIT :limit")
                .bind("u", userId).bind("before", beforeId).bind("limit", limit).map((rs, c) -> row(rs)).list());
    }

    public Optional<Row> byId(Handle h, long id) {
        return h.createQuery("SELECT " + ROW + " FROM notifications WHERE id = :id").bind("id", id)
                .map((rs, c) -> row(rs)).findOne();
    }

    public Optional<Row> ofMember(long userId, long id) {
        return jdbi.withHandle(h -> byId(h, id)).filter(r -> r.userId() == userId);
    }

    public int unreadCount(long userId) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT COUNT(*) FROM notifications WHERE user_id = :u AND in_site = 1 AND read_at IS NULL""")
                .bind("u", userId).mapTo(Integer.class).one());
    }

    public int markRead(Handle h, long userId, List<Long> ids, long now) {
        if (ids.isEmpty()) {
            return 0;
        }
        return h.createUpdate("""
                        UPDATE notifications SET read_at = :now
                         WHERE user_id = :u AND read_at IS NULL AND id IN (<ids>)""")
                .bind("now", now).bind("u", userId).bindList("ids", ids).execute();
    }

    public int markAllRead(Handle h, long userId, long now) {
        return h.createUpdate("UPDATE notifications SET read_at = :now WHERE user_id = :u AND read_at IS NULL")
                .bind("now", now).bind("u", userId).execute();
    }

    /** @return the member's choices, keyed {@code type + "/" + channel} */
    public Map<String, Boolean> choices(Handle h, long userId) {
        Map<String, Boolean> out = new HashMap<>();
        h.createQuery("SELECT type, channel, enabled FROM notification_prefs WHERE user_id = :u").bind("u", userId)
                .map((rs, c) -> out.put(rs.getString("type") + "/" + rs.getString("channel"), rs.getInt("enabled") == 1))
                .list();
        return out;
    }

    public void choose(Handle h, long userId, String type, String channel, boolean enabled, long now) {
        h.createUpdate("""
                        INSERT INTO notification_prefs(user_id, type, channel, enabled, updated_at)
                        VALUES (:u, :type, :channel, :enabled, :now)
                        ON CONFLICT (user_id, type, channel) DO UPDATE SET enabled = :enabled, updated_at = :now""")
                .bind("u", userId).bind("type", type).bind("channel", channel).bind("enabled", enabled ? 1 : 0)
                .bind("now", now).execute();
    }

    /** Points of one member that expire soon: how many, and when the first of them expire. */
    public record Expiring(long userId, long amount, long firstExpiresAt) {
    }

    /** @return per member, the points whose lots expire after {@code from} and at or before {@code to} */
    public List<Expiring> expiringPoints(Handle h, long from, long to) {
        return h.createQuery("""
                        SELECT a.user_id, SUM(l.remaining) AS amount, MIN(l.expires_at) AS first_expires
                          FROM ledger_lots l JOIN ledger_accounts a ON a.id = l.account_id
                         WHERE a.asset = 'points' AND a.user_id IS NOT NULL AND l.remaining > 0
                           AND l.expires_at > :from AND l.expires_at <= :to
                         GROUP BY a.user_id ORDER BY a.user_id""")
                .bind("from", from).bind("to", to)
                .map((rs, c) -> new Expiring(rs.getLong(1), rs.getLong(2), rs.getLong(3))).list();
    }

    // ---- email outbox ----

    public void queueEmail(Handle h, long userId, long notificationId, long now) {
        h.createUpdate("""
                        INSERT INTO email_outbox(user_id, notification_id, kind, state, attempts, next_attempt_at, created_at)
                        VALUES (:u, :n, 'notification', 'pending', 0, :now, :now)""")
                .bind("u", userId).bind("n", notificationId).bind("now", now).execute();
    }

    /** @return members with notifications waiting for their digest, after {@code afterUserId} */
    public List<Long> membersWithDigest(Handle h, long afterUserId, int limit) {
        return h.createQuery("""
                        SELECT DISTINCT user_id FROM notifications WHERE digest = 1 AND user_id > :after
                         ORDER BY user_id LIMIT :limit""")
                .bind("after", afterUserId).bind("limit", limit).mapTo(Long.class).list();
    }

    /** Queues one digest email for the member and hands it every notification that waited for it. */
    public void queueDigest(Handle h, long userId, long now) {
        long email = h.createUpdate("""
                        INSERT INTO email_outbox(user_id, kind, state, attempts, next_attempt_at, created_at)
                        VALUES (:u, 'digest', 'pending', 0, :now, :now)""")
                .bind("u", userId).bind("now", now).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        h.createUpdate("UPDATE notifications SET digest = 0, digest_email_id = :e WHERE user_id = :u AND digest = 1")
                .bind("e", email).bind("u", userId).execute();
    }

    /** @return the notifications a digest email carries, oldest first */
    public List<Row> ofDigest(Handle h, long emailId) {
        return h.createQuery("SELECT " + ROW + " FROM notifications WHERE digest_email_id = :e ORDER BY id")
                .bind("e", emailId).map((rs, c) -> row(rs)).list();
    }

    private static Email email(java.sql.ResultSet rs) throws java.sql.SQLException {
        long n = rs.getLong("notification_id");
        Long notification = rs.wasNull() ? null : n;
        return new Email(rs.getLong("id"), rs.getLong("user_id"), notification, rs.getString("kind"), rs.getString("state"),
                rs.getInt("attempts"), Instant.ofEpochMilli(rs.getLong("next_attempt_at")), rs.getString("last_error"),
                Instant.ofEpochMilli(rs.getLong("created_at")));
    }

    public List<Email> dueEmails(long now, int limit) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT * FROM email_outbox WHERE state = 'pending' AND next_attempt_at <= :now
                         ORDER BY next_attempt_at, id LIMIT :limit""")
                .bind("now", now).bind("limit", limit).map((rs, c) -> email(rs)).list());
    }

    /** @return emails in a state, newest first, below {@code beforeId} */
    public List<Email> emails(String state, long beforeId, int limit) {
        return jdbi.withHandle(h -> h.createQuery("""
                        SELECT * FROM email_outbox WHERE state = :state AND id < :before ORDER BY id DESC LIMIT :limit""")
                .bind("state", state).bind("before", beforeId).bind("limit", limit).map((rs, c) -> email(rs)).list());
    }

    public int countEmails(String state) {
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM email_outbox WHERE state = :state")
                .bind("state", state).mapTo(Integer.class).one());
    }

    public void emailSent(Handle h, long id, long now) {
        h.createUpdate("UPDATE email_outbox SET state = 'sent', sent_at = :now, attempts = attempts + 1 WHERE id = :id")
                .bind("now", now).bind("id", id).execute();
    }

    public void emailFailed(Handle h, long id, String state, long nextAttemptAt, String error) {
        h.createUpdate("""
                        UPDATE email_outbox SET state = :state, attempts = attempts + 1, next_attempt_at = :next,
                               last_error = :error WHERE id = :id""")
                .bind("state", state).bind("next", nextAttemptAt).bind("error", error).bind("id", id).execute();
    }
}
