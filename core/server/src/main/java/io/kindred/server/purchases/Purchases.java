package io.kindred.server.purchases;

import io.kindred.api.CoreError;
import io.kindred.api.KindredException;
import io.kindred.api.db.Database;
import io.kindred.api.events.Events;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Purchases reported by the brand's shop. Recording is idempotent on the shop's order id and emits
 * {@code purchase.recorded}; a refund emits {@code purchase.refunded} once.
 */
public final class Purchases {

    /** A recorded purchase. */
    public record Purchase(long id, String externalOrderId, long userId, long amount, String currency, String sku,
                           String status, Instant createdAt, Instant refundedAt) {

        public Map<String, Object> toJson() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", id);
            m.put("externalOrderId", externalOrderId);
            m.put("userId", userId);
            m.put("amount", amount);
            m.put("currency", currency);
            m.put("sku", sku);
            m.put("status", status);
            m.put("createdAt", createdAt);
            m.put("refundedAt", refundedAt);
            return m;
        }
    }

    /** The answer to a record request: the purchase and whether it was new. */
    public record Recorded(Purchase purchase, boolean created) {
    }

    private static final RowMapper<Purchase> MAPPER = (rs, c) -> new Purchase(rs.getLong("id"),
            rs.getString("external_order_id"), rs.getLong("user_id"), rs.getLong("amount"), rs.getString("currency"),
            rs.getString("sku"), rs.getString("status"), Instant.ofEpochMilli(rs.getLong("created_at")),
            rs.getObject("refunded_at") == null ? null : Instant.ofEpochMilli(rs.getLong("refunded_at")));

    private final Database db;
    private final Events events;
    private final Clock clock;
    private final Supplier<ZoneId> zone;

    public Purchases(Database db, Events events, Clock clock, Supplier<ZoneId> zone) {
        this.db = db;
        this.events = events;
        this.clock = clock;
        this.zone = zone;
    }

    public Recorded record(long buyerId, String externalOrderId, long amount, String currency, String sku) {
        return db.write(h -> {
            io.kindred.server.db.KeyLocks.take(h, db.dialect(), "purchase", externalOrderId);
            long userId = stayingMember(h, buyerId);
            Optional<Purchase> earlier = find(h, externalOrderId);
            if (earlier.isPresent()) {
                Purchase p = earlier.get();
                String differences = differences(p, userId, amount, currency, sku);
                if (!differences.isEmpty()) {
                    throw KindredException.conflict("order_conflict", "Order " + externalOrderId
                            + " was already recorded with a different " + differences + ".");
                }
                return new Recorded(p, false);
            }
            long now = clock.millis();
            long id = h.createQuery("""
                            INSERT INTO purchases(external_order_id, user_id, amount, currency, sku, status, created_at)
                            VALUES (:order, :user, :amount, :currency, :sku, 'recorded', :now) RETURNING id""")
                    .bind("order", externalOrderId).bind("user", userId).bind("amount", amount)
                    .bind("currency", currency).bind("sku", sku).bind("now", now).mapTo(Long.class).one();
            h.createUpdate("""
                            UPDATE users SET total_spent = total_spent + :amount, purchase_count = purchase_count + 1,
                                   last_purchase_day = :day,
                                   last_active_day = CASE WHEN last_active_day IS NULL OR last_active_day < :day
                                                          THEN :day ELSE last_active_day END
                             WHERE id = :user""")
                    .bind("amount", amount).bind("day", Instant.ofEpochMilli(now).atZone(zone.get()).toLocalDate().toString())
                    .bind("user", userId).execute();
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("purchaseId", id);
            payload.put("externalOrderId", externalOrderId);
            payload.put("userId", userId);
            payload.put("amount", amount);
            payload.put("currency", currency);
            payload.put("sku", sku);
            events.publish(h, "purchase.recorded", userId, payload);
            return new Recorded(find(h, externalOrderId).orElseThrow(), true);
        });
    }

    /**
     * @return the buyer, or on PostgreSQL the member the buyer went into if a merge committed meanwhile: the buyer's row
     * is locked first, so a merge in flight (it locks both rows) ends before, and this purchase is not left behind
     * on the merged member (on SQLite writes take turns and the caller's look-up is current)
     */
    private long stayingMember(Handle h, long buyerId) {
        long id = buyerId;
        if (db.dialect().equals("postgresql")) {
            for (int hops = 0; hops < 16; hops++) {
                List<Long> into = h.createQuery("SELECT merged_into FROM users WHERE id = :id FOR UPDATE")
                        .bind("id", id).mapTo(Long.class).list();
                if (into.isEmpty() || into.get(0) == null) {
                    break;
                }
                id = into.get(0);
            }
        }
        return id;
    }

    /**
     * @return what a repeat of an order changes ("member, amount, currency or sku"), empty when it is the same
     *         order; a repeat that leaves the sku out names the same order (shops often resend without it)
     */
    private static String differences(Purchase p, long userId, long amount, String currency, String sku) {
        List<String> d = new ArrayList<>();
        if (p.userId() != userId) {
            d.add("member (" + p.userId() + ", not " + userId + ")");
        }
        if (p.amount() != amount || !p.currency().equals(currency)) {
            d.add("amount or currency (" + p.amount() + " " + p.currency() + ", not " + amount + " " + currency + ")");
        }
        if (sku != null && !sku.equals(p.sku())) {
            d.add("sku (" + (p.sku() == null ? "none" : p.sku()) + ", not " + sku + ")");
        }
        return String.join(" and ", d);
    }

    public Purchase refund(String externalOrderId) {
        return db.write(h -> {
            io.kindred.server.db.KeyLocks.take(h, db.dialect(), "purchase", externalOrderId); // one refund, not two
            Purchase p = find(h, externalOrderId).orElseThrow(() -> new KindredException(CoreError.PURCHASE_NOT_FOUND,
                    "There is no purchase with order id " + externalOrderId + "."));
            if (p.status().equals("refunded")) {
                return p;
            }
            h.createUpdate("UPDATE purchases SET status = 'refunded', refunded_at = :now WHERE id = :id")
                    .bind("now", clock.millis()).bind("id", p.id()).execute();
            h.createUpdate("UPDATE users SET total_spent = total_spent - :amount, purchase_count = purchase_count - 1 WHERE id = :user")
                    .bind("amount", p.amount()).bind("user", p.userId()).execute();
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("purchaseId", p.id());
            payload.put("externalOrderId", externalOrderId);
            payload.put("userId", p.userId());
            payload.put("amount", p.amount());
            payload.put("currency", p.currency());
            payload.put("sku", p.sku());
            events.publish(h, "purchase.refunded", p.userId(), payload);
            return find(h, externalOrderId).orElseThrow();
        });
    }

    public Optional<Purchase> find(Handle h, String externalOrderId) {
        return h.createQuery("SELECT * FROM purchases WHERE external_order_id = :order")
                .bind("order", externalOrderId).map(MAPPER).findOne();
    }
}
