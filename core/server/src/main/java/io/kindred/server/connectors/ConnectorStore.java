package io.kindred.server.connectors;

import io.kindred.api.db.Database;
import org.jdbi.v3.core.Handle;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The SQL of connectors: their settings and the delivery log. */
final class ConnectorStore {

    /** What claiming a verified delivery found: a new row to process, or the row of the same delivery seen before. */
    record Claim(long id, Optional<ConnectorDelivery> earlier) {
    }

    /** A row to add to the log as it is (rejected, pings, duplicates). */
    record Entry(Shop shop, String topic, String webhookId, String orderRef, String outcome, String message,
                 boolean verified, String contentType, byte[] body) {
    }

    private final Database db;

    ConnectorStore(Database db) {
        this.db = db;
    }

    ConnectorSettings settings(Shop shop) {
        return db.read(h -> h.createQuery("SELECT * FROM connectors WHERE shop = :shop").bind("shop", shop.id())
                .map((rs, c) -> new ConnectorSettings(shop, rs.getInt("enabled") == 1, rs.getString("secret"),
                        rs.getString("client_id"), Instant.ofEpochMilli(rs.getLong("updated_at"))))
                .findOne().orElse(ConnectorSettings.none(shop)));
    }

    /** Sets the connector; a null secret keeps the one stored. */
    void save(Handle h, Shop shop, boolean enabled, String secret, String clientId, long now) {
        h.createUpdate("""
                        INSERT INTO connectors(shop, enabled, secret, client_id, updated_at)
                        VALUES (:shop, :enabled, COALESCE(:secret, ''), :client, :now)
                        ON CONFLICT (shop) DO UPDATE SET enabled = excluded.enabled,
                               secret = COALESCE(:secret, connectors.secret), client_id = excluded.client_id,
                               updated_at = excluded.updated_at""")
                .bind("shop", shop.id()).bind("enabled", enabled ? 1 : 0).bind("secret", secret)
                .bind("client", clientId).bind("now", now).execute();
    }

    long add(Entry e, long now) {
        return db.write(h -> insert(h, e, null, now));
    }

    /**
     * Claims a verified delivery: a new row with the shop's delivery id as its dedupe key, or, when that key was seen
     * before, the earlier row. An earlier row that is replayable (or stuck in processing since before
     * {@code staleBefore}) is taken over for another attempt.
     */
    Claim claim(Entry e, String dedupeKey, long now, long staleBefore) {
        return db.write(h -> {
            io.kindred.server.db.KeyLocks.take(h, db.dialect(), "connector-delivery", e.shop().id() + ":" + dedupeKey);
            Optional<ConnectorDelivery> earlier = dedupeKey == null ? Optional.empty() : h.createQuery("""
                            SELECT * FROM connector_deliveries WHERE shop = :shop AND dedupe_key = :key""")
                    .bind("shop", e.shop().id()).bind("key", dedupeKey).map((rs, c) -> delivery(rs)).findOne();
            if (earlier.isEmpty()) {
                return new Claim(insert(h, e, dedupeKey, now), Optional.empty());
            }
            ConnectorDelivery d = earlier.get();
            boolean retry = d.replayable() || (d.outcome().equals("processing") && d.updatedAt().toEpochMilli() < staleBefore);
            if (retry) {
                restart(h, d.id(), now);
                return new Claim(d.id(), Optional.empty());
            }
            return new Claim(d.id(), earlier);
        });
    }

    private static long insert(Handle h, Entry e, String dedupeKey, long now) {
        return h.createQuery("""
                        INSERT INTO connector_deliveries(shop, received_at, topic, webhook_id, dedupe_key, order_ref, outcome,
                               message, verified, content_type, body, attempts, updated_at)
                        VALUES (:shop, :now, :topic, :webhook, :key, :order, :outcome, :message, :verified, :type, :body, 1, :now)
                        RETURNING id""")
                .bind("shop", e.shop().id()).bind("now", now).bind("topic", cut(e.topic(), 100))
                .bind("webhook", cut(e.webhookId(), 200)).bind("key", dedupeKey).bind("order", e.orderRef())
                .bind("outcome", e.outcome()).bind("message", cut(e.message(), 1000)).bind("verified", e.verified() ? 1 : 0)
                .bind("type", cut(e.contentType(), 200)).bind("body", new String(e.body(), StandardCharsets.UTF_8))
                .mapTo(Long.class).one();
    }

    /** Takes a replayable delivery for another attempt; @return false when it is not replayable (any more) */
    boolean restart(long id, long now) {
        return db.write(h -> h.createUpdate("""
                        UPDATE connector_deliveries SET outcome = 'processing', attempts = attempts + 1, updated_at = :now
                         WHERE id = :id AND verified = 1 AND outcome IN ('no_member', 'error')""")
                .bind("now", now).bind("id", id).execute() > 0);
    }

    private static void restart(Handle h, long id, long now) {
        h.createUpdate("""
                        UPDATE connector_deliveries SET outcome = 'processing', attempts = attempts + 1, updated_at = :now
                         WHERE id = :id""").bind("now", now).bind("id", id).execute();
    }

    void finish(long id, String outcome, String orderRef, String message, long now) {
        db.write(h -> h.createUpdate("""
                        UPDATE connector_deliveries SET outcome = :outcome, order_ref = COALESCE(:order, order_ref),
                               message = :message, updated_at = :now WHERE id = :id""")
                .bind("outcome", outcome).bind("order", orderRef).bind("message", cut(message, 1000)).bind("now", now)
                .bind("id", id).execute());
    }

    Optional<ConnectorDelivery> delivery(long id) {
        return db.read(h -> h.createQuery("SELECT * FROM connector_deliveries WHERE id = :id").bind("id", id)
                .map((rs, c) -> delivery(rs)).findOne());
    }

    /** A connector's log, newest first, below the id {@code before} (ids grow with arrival). */
    List<ConnectorDelivery> deliveries(Shop shop, long before, int limit) {
        return db.read(h -> h.createQuery("""
                        SELECT * FROM connector_deliveries WHERE shop = :shop AND id < :before ORDER BY id DESC LIMIT :limit""")
                .bind("shop", shop.id()).bind("before", before).bind("limit", limit).map((rs, c) -> delivery(rs)).list());
    }

    /** Deletes log rows (and their raw bodies) received before {@code cutoff}; @return how many */
    int prune(long cutoff) {
        return db.write(h -> h.createUpdate("DELETE FROM connector_deliveries WHERE received_at < :cutoff")
                .bind("cutoff", cutoff).execute());
    }

    private static ConnectorDelivery delivery(ResultSet rs) throws SQLException {
        return new ConnectorDelivery(rs.getLong("id"), Shop.of(rs.getString("shop")),
                Instant.ofEpochMilli(rs.getLong("received_at")), rs.getString("topic"), rs.getString("webhook_id"),
                rs.getString("order_ref"), rs.getString("outcome"), rs.getString("message"), rs.getInt("verified") == 1,
                rs.getString("content_type"), rs.getString("body"), rs.getInt("attempts"),
                Instant.ofEpochMilli(rs.getLong("updated_at")));
    }

    private static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
