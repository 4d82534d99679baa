package io.kindred.server.webhooks;

import io.kindred.api.db.Database;
import org.jdbi.v3.core.Handle;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiPredicate;

/** The SQL of webhooks: endpoints, deliveries (one per endpoint and event) and the deliverer's cursor. */
public final class WebhookStore {



    /** A delivery claimed for an attempt: what to send, where, signed with what. */
    public record Due(long deliveryId, long endpointId, String url, String secret, long eventId, String eventType,
                      Long userId, String payload, Instant eventAt, int attempts, Instant firstAttemptAt, long leaseUntil) {

        /** Without the secret, so that a log line never carries it. */
        @Override
        public String toString() {
            return "Due[delivery=" + deliveryId + ", endpoint=" + endpointId + ", event=" + eventId + "]";
        }
    }

    /** An endpoint's run of failures after one more. */
    public record FailureRun(int consecutiveFailures, Instant failingSince) {
    }

    private static final String CURSOR = "deliverer";
    private static final String DELIVERY_COLUMNS = """
            d.id, d.endpoint_id, d.event_id, e.type, d.status, d.attempts, d.next_attempt_at, d.first_attempt_at,
            d.last_attempt_at, d.response_status, d.latency_ms, d.response_excerpt, d.error, d.created_at
            """;

    private final Database db;
    private final io.kindred.server.events.CommitHorizon horizon;

    public WebhookStore(Database db) {
        this.db = db;
        this.horizon = new io.kindred.server.events.CommitHorizon(db);
    }

    public WebhookEndpoint insert(String url, List<String> events, String description, String secret, long now) {
        return db.write(h -> {
            long head = h.createQuery("SELECT COALESCE(MAX(id), 0) FROM events").mapTo(Long.class).one();
            long id = h.createUpdate("""
                            INSERT INTO webhook_endpoints(url, events, description, secret, enabled, after_event_id,
                                   consecutive_failures, created_at, updated_at)
                            VALUES (:url, :events, :description, :secret, 1, :head, 0, :now, :now)""")
                    .bind("url", url).bind("events", String.join(" ", events)).bind("description", description)
                    .bind("secret", secret).bind("head", head).bind("now", now)
                    .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
            return endpoint(h, id).orElseThrow();
        });
    }

    public Optional<WebhookEndpoint> endpoint(long id) {
        return db.read(h -> endpoint(h, id));
    }

    private static Optional<WebhookEndpoint> endpoint(Handle h, long id) {
        return h.createQuery("SELECT * FROM webhook_endpoints WHERE id = :id AND deleted_at IS NULL").bind("id", id)
                .map((rs, c) -> endpoint(rs)).findOne();
    }

    /** Newest first, below the id {@code before}. */
    public List<WebhookEndpoint> endpoints(long before, int limit) {
        return db.read(h -> h.createQuery("""
                        SELECT * FROM webhook_endpoints WHERE id < :before AND deleted_at IS NULL
                         ORDER BY id DESC LIMIT :limit""")
                .bind("before", before).bind("limit", limit).map((rs, c) -> endpoint(rs)).list());
    }

    /** Sets what is given; enabling clears the reason and the run of failures. */
    public Optional<WebhookEndpoint> update(long id, String url, List<String> events, String description, Boolean enabled, long now) {
        return db.write(h -> {
            int n = h.createUpdate("""
                            UPDATE webhook_endpoints
                               SET url = COALESCE(:url, url), events = COALESCE(:events, events),
                                   description = COALESCE(:description, description), updated_at = :now
                             WHERE id = :id AND deleted_at IS NULL""")
                    .bind("url", url).bind("events", events == null ? null : String.join(" ", events))
                    .bind("description", description).bind("now", now).bind("id", id).execute();
            if (n == 0) {
                return Optional.empty();
            }
            if (Boolean.TRUE.equals(enabled)) {
                h.createUpdate("""
                                UPDATE webhook_endpoints SET enabled = 1, disabled_reason = NULL, consecutive_failures = 0,
                                       failing_since = NULL WHERE id = :id AND enabled = 0""").bind("id", id).execute();
            } else if (Boolean.FALSE.equals(enabled)) {
                h.createUpdate("UPDATE webhook_endpoints SET enabled = 0, disabled_reason = :r WHERE id = :id AND enabled = 1")
                        .bind("r", "disabled by an operator").bind("id", id).execute();
            }
            return endpoint(h, id);
        });
    }

    public void disable(long id, String reason, long now) {
        db.write(h -> h.createUpdate("""
                        UPDATE webhook_endpoints SET enabled = 0, disabled_reason = :r, updated_at = :now
                         WHERE id = :id AND enabled = 1""")
                .bind("r", reason).bind("now", now).bind("id", id).execute());
    }

    /** Deletes the endpoint's deliveries and leaves a disabled tombstone without its secret. */
    public boolean delete(long id, long now) {
        return db.write(h -> {
            int n = h.createUpdate("""
                            UPDATE webhook_endpoints SET enabled = 0, secret = '', disabled_reason = 'deleted',
                                   deleted_at = :now, updated_at = :now WHERE id = :id AND deleted_at IS NULL""")
                    .bind("now", now).bind("id", id).execute();
            if (n > 0) {
                h.createUpdate("DELETE FROM webhook_deliveries WHERE endpoint_id = :id").bind("id", id).execute();
            }
            return n > 0;
        });
    }

    /** An endpoint's deliveries, newest first, below the id {@code before}. */
    public List<WebhookDelivery> deliveries(long endpointId, long before, int limit) {
        return db.read(h -> h.createQuery("SELECT " + DELIVERY_COLUMNS + """
                         FROM webhook_deliveries d JOIN events e ON e.id = d.event_id
                        WHERE d.endpoint_id = :endpoint AND d.id < :before ORDER BY d.id DESC LIMIT :limit""")
                .bind("endpoint", endpointId).bind("before", before).bind("limit", limit)
                .map((rs, c) -> delivery(rs)).list());
    }

    public Optional<WebhookDelivery> delivery(long id) {
        return db.read(h -> h.createQuery("SELECT " + DELIVERY_COLUMNS + """
                         FROM webhook_deliveries d JOIN events e ON e.id = d.event_id WHERE d.id = :id""")
                .bind("id", id).map((rs, c) -> delivery(rs)).findOne());
    }

    /**
     * Moves the cursor over up to {@code batch} new events, making a pending delivery of each for every enabled
     * endpoint that {@code matches} its type; the deliveries and the cursor commit together, and a delivery made
     * twice (another node, a crash before the cursor moved) is made once.
     *
     * @return how many events were read
     */
    public int fanOut(int batch, long now, BiPredicate<WebhookEndpoint, String> matches) {
        // most passes find nothing new: look first without taking the write lock
        long upTo = horizon.upTo();
        boolean nothingNew = db.read(h -> h.createQuery("""
                        SELECT COUNT(*) FROM webhook_cursor c
                         WHERE c.name = :n AND NOT EXISTS (SELECT 1 FROM events e WHERE e.id > c.cursor_id AND e.id <= :upTo)""")
                .bind("n", CURSOR).bind("upTo", upTo).mapTo(Integer.class).one() > 0);
        if (nothingNew) {
            return 0;
        }
        return db.write(h -> {
            long cursor = h.createQuery("SELECT cursor_id FROM webhook_cursor WHERE name = :n").bind("n", CURSOR)
                    .mapTo(Long.class).findOne().orElseGet(() -> {
                        // the first start begins at the newest event: no endpoint existed before it
                        long head = h.createQuery("SELECT COALESCE(MAX(id), 0) FROM events").mapTo(Long.class).one();
                        h.createUpdate("INSERT INTO webhook_cursor(name, cursor_id, updated_at) VALUES (:n, :c, :now)")
                                .bind("n", CURSOR).bind("c", head).bind("now", now).execute();
                        return head;
                    });
            record New(long id, String type) {
            }
            List<New> events = h.createQuery("SELECT id, type FROM events WHERE id > :cursor AND id <= :upTo ORDER BY id LIMIT :batch")
                    .bind("cursor", cursor).bind("upTo", upTo).bind("batch", batch).map((rs, c) -> new New(rs.getLong(1), rs.getString(2))).list();
            if (events.isEmpty()) {
                return 0;
            }
            List<WebhookEndpoint> endpoints = h.createQuery("SELECT * FROM webhook_endpoints WHERE enabled = 1")
                    .map((rs, c) -> endpoint(rs)).list();
            for (New e : events) {
                for (WebhookEndpoint ep : endpoints) {
                    if (e.id() > ep.afterEventId() && matches.test(ep, e.type())) {
                        insertDelivery(h, ep.id(), e.id(), now);
                    }
                }
            }
            h.createUpdate("UPDATE webhook_cursor SET cursor_id = :c, updated_at = :now WHERE name = :n")
                    .bind("c", events.get(events.size() - 1).id()).bind("now", now).bind("n", CURSOR).execute();
            return events.size();
        });
    }

    private static void insertDelivery(Handle h, long endpointId, long eventId, long now) {
        h.createUpdate("""
                        INSERT INTO webhook_deliveries(endpoint_id, event_id, status, attempts, next_attempt_at, created_at)
                        VALUES (:endpoint, :event, 'pending', 0, :now, :now)
                        ON CONFLICT (endpoint_id, event_id) DO NOTHING""")
                .bind("endpoint", endpointId).bind("event", eventId).bind("now", now).execute();
    }

    /** Makes a delivery of an event that only this endpoint gets (the test event), in the event's transaction. */
    public void deliverOnly(Handle h, long endpointId, long eventId, long now) {
        insertDelivery(h, endpointId, eventId, now);
    }

    /**
     * Claims up to {@code limit} due deliveries of enabled endpoints, at most one per endpoint and none of the
     * endpoints in {@code busy}: each is leased until {@code leaseUntil}, so no other pass or node sends it meanwhile.
     */
    public List<Due> claimDue(long now, int limit, Set<Long> busy, long leaseUntil) {
        boolean noneDue = limit <= 0 || db.read(h -> h.createQuery("""
                        SELECT COUNT(*) FROM webhook_deliveries WHERE status = 'pending' AND next_attempt_at <= :now""")
                .bind("now", now).mapTo(Integer.class).one() == 0);
        if (noneDue) {
            return List.of();
        }
        return db.write(h -> {
            List<Due> candidates = h.createQuery("""
                            SELECT d.id, d.endpoint_id, w.url, w.secret, e.id, e.type, e.user_id, e.payload, e.created_at,
                                   d.attempts, d.first_attempt_at, d.next_attempt_at
                              FROM webhook_deliveries d
                              JOIN webhook_endpoints w ON w.id = d.endpoint_id
                              JOIN events e ON e.id = d.event_id
                             WHERE d.status = 'pending' AND d.next_attempt_at <= :now AND w.enabled = 1
                             ORDER BY d.next_attempt_at, d.id LIMIT :scan""")
                    .bind("now", now).bind("scan", Math.max(100, limit * 10))
                    .map((rs, c) -> new Due(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getLong(5),
                            rs.getString(6), rs.getObject(7) == null ? null : rs.getLong(7), rs.getString(8),
                            Instant.ofEpochMilli(rs.getLong(9)), rs.getInt(10), instant(rs, 11), leaseUntil))
                    .list();
            Set<Long> taken = new HashSet<>(busy);
            List<Due> claimed = new ArrayList<>();
            for (Due d : candidates) {
                if (claimed.size() >= limit) {
                    break;
                }
                if (taken.add(d.endpointId())) {
                    h.createUpdate("UPDATE webhook_deliveries SET next_attempt_at = :lease WHERE id = :id")
                            .bind("lease", leaseUntil).bind("id", d.deliveryId()).execute();
                    claimed.add(d);
                }
            }
            return claimed;
        });
    }

    /**
     * Records an attempt: delivered, retried at {@code nextAttemptAt}, or given up ({@code FAILED}).
     *
     * @return false when the delivery is no longer held by this attempt's lease (redelivered, or its endpoint deleted)
     */
    public boolean recordAttempt(Due due, DeliveryStatus status, long attemptAt, long nextAttemptAt, Integer responseStatus,
                                 long latencyMs, String excerpt, String error) {
        return db.write(h -> h.createUpdate("""
                        UPDATE webhook_deliveries
                           SET status = :status, attempts = attempts + 1, next_attempt_at = :next,
                               first_attempt_at = COALESCE(first_attempt_at, :at), last_attempt_at = :at,
                               response_status = :code, latency_ms = :latency, response_excerpt = :excerpt, error = :error
                         WHERE id = :id AND status = 'pending' AND next_attempt_at = :lease""")
                .bind("status", status.json()).bind("next", nextAttemptAt).bind("at", attemptAt).bind("code", responseStatus)
                .bind("latency", latencyMs).bind("excerpt", excerpt).bind("error", error).bind("id", due.deliveryId())
                .bind("lease", due.leaseUntil()).execute() > 0);
    }

    public void endpointSucceeded(long endpointId) {
        db.write(h -> h.createUpdate("""
                        UPDATE webhook_endpoints SET consecutive_failures = 0, failing_since = NULL
                         WHERE id = :id AND consecutive_failures > 0""").bind("id", endpointId).execute());
    }

    /** Counts one more failure in a row; @return the run it is now part of */
    public FailureRun endpointFailed(long endpointId, long now) {
        return db.write(h -> {
            h.createUpdate("""
                            UPDATE webhook_endpoints SET consecutive_failures = consecutive_failures + 1,
                                   failing_since = COALESCE(failing_since, :now) WHERE id = :id""")
                    .bind("now", now).bind("id", endpointId).execute();
            return h.createQuery("SELECT consecutive_failures, failing_since FROM webhook_endpoints WHERE id = :id")
                    .bind("id", endpointId).map((rs, c) -> new FailureRun(rs.getInt(1), instant(rs, 2))).findOne()
                    .orElse(new FailureRun(0, null));
        });
    }

    /** Sends a delivery again from scratch (attempt count and 3-day window restart); @return false when there is none */
    public boolean redeliver(long deliveryId, long now) {
        return db.write(h -> h.createUpdate("""
                        UPDATE webhook_deliveries SET status = 'pending', attempts = 0, next_attempt_at = :now,
                               first_attempt_at = NULL WHERE id = :id""")
                .bind("now", now).bind("id", deliveryId).execute() > 0);
    }

    private static WebhookEndpoint endpoint(ResultSet rs) throws SQLException {
        return new WebhookEndpoint(rs.getLong("id"), rs.getString("url"),
                Arrays.stream(rs.getString("events").split(" ")).filter(s -> !s.isEmpty()).toList(),
                rs.getString("description"), rs.getString("secret"), rs.getInt("enabled") == 1, rs.getString("disabled_reason"),
                rs.getLong("after_event_id"), rs.getInt("consecutive_failures"), instant(rs, "failing_since"),
                Instant.ofEpochMilli(rs.getLong("created_at")), Instant.ofEpochMilli(rs.getLong("updated_at")));
    }

    private static WebhookDelivery delivery(ResultSet rs) throws SQLException {
        return new WebhookDelivery(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), DeliveryStatus.of(rs.getString(5)),
                rs.getInt(6), instant(rs, 7), instant(rs, 8), instant(rs, 9),
                rs.getObject(10) == null ? null : rs.getInt(10), rs.getObject(11) == null ? null : rs.getLong(11),
                rs.getString(12), rs.getString(13), Instant.ofEpochMilli(rs.getLong(14)));
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(v);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : Instant.ofEpochMilli(v);
    }
}
