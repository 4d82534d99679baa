package io.kindred.plugins.shop;

import org.jdbi.v3.core.Handle;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import static io.kindred.plugins.shop.ItemStore.instant;

/** The SQL of redemptions. Status changes are guarded updates, so a retried transition happens once. */
final class RedemptionStore {

    private static final String SELECT = """
            SELECT r.id, r.user_id, r.item_id, i.name AS item_name, i.kind, r.quantity, r.points_spent, r.status,
                   r.shipping_address, r.carrier, r.tracking_number, r.created_at, r.shipped_at, r.delivered_at,
                   r.cancelled_at
              FROM shop_redemptions r JOIN shop_items i ON i.id = r.item_id""";

    long insert(Handle tx, long userId, long itemId, int quantity, long pointsSpent, String status, String address,
                String requestKey, long now) {
        return tx.createUpdate("""
                        INSERT INTO shop_redemptions(user_id, item_id, quantity, points_spent, status, shipping_address,
                                                     request_key, created_at, updated_at)
                        VALUES (:user, :item, :q, :points, :status, :address, :key, :now, :now)""")
                .bind("user", userId).bind("item", itemId).bind("q", quantity).bind("points", pointsSpent)
                .bind("status", status).bind("address", address).bind("key", requestKey).bind("now", now)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    Optional<Redemption> find(Handle h, long id) {
        return h.createQuery(SELECT + " WHERE r.id = :id").bind("id", id).map((rs, c) -> row(rs)).findOne();
    }

    Optional<Long> idByKey(Handle h, long userId, String requestKey) {
        return h.createQuery("SELECT id FROM shop_redemptions WHERE user_id = :user AND request_key = :key")
                .bind("user", userId).bind("key", requestKey).mapTo(Long.class).findOne();
    }

    /** @return how many of the item the member holds in redemptions that were not cancelled */
    long quantityHeld(Handle h, long userId, long itemId) {
        return h.createQuery("""
                        SELECT COALESCE(SUM(quantity), 0) FROM shop_redemptions
                         WHERE item_id = :item AND user_id = :user AND status <> 'cancelled'""")
                .bind("item", itemId).bind("user", userId).mapTo(Long.class).one();
    }

    /** @return the member's redemptions with an id below {@code before}, newest first */
    List<Redemption> ofMember(Handle h, long userId, long before, int limit) {
        return h.createQuery(SELECT + " WHERE r.user_id = :user AND r.id < :before ORDER BY r.id DESC LIMIT :limit")
                .bind("user", userId).bind("before", before).bind("limit", limit).map((rs, c) -> row(rs)).list();
    }

    /** @return redemptions of one status (or all when null) with an id below {@code before}, newest first */
    List<Redemption> queue(Handle h, String status, long before, int limit) {
        return h.createQuery(SELECT + " WHERE r.id < :before" + (status == null ? "" : " AND r.status = :status")
                        + " ORDER BY r.id DESC LIMIT :limit")
                .bind("before", before).bind("status", status).bind("limit", limit).map((rs, c) -> row(rs)).list();
    }

    /** Moves a redemption to {@code to} if it is in one of {@code from}. @return whether it moved */
    boolean transition(Handle tx, long id, Collection<String> from, String to, String timeColumn, long now) {
        return tx.createUpdate("UPDATE shop_redemptions SET status = :to, " + timeColumn + " = :now, updated_at = :now"
                        + " WHERE id = :id AND status IN (<from>)")
                .bind("to", to).bind("now", now).bind("id", id).bindList("from", List.copyOf(from)).execute() == 1;
    }

    void setTracking(Handle tx, long id, String carrier, String trackingNumber) {
        tx.createUpdate("UPDATE shop_redemptions SET carrier = :carrier, tracking_number = :tracking WHERE id = :id")
                .bind("carrier", carrier).bind("tracking", trackingNumber).bind("id", id).execute();
    }

    private static Redemption row(ResultSet rs) throws SQLException {
        return new Redemption(rs.getLong("id"), rs.getLong("user_id"), rs.getLong("item_id"), rs.getString("item_name"),
                rs.getString("kind"), rs.getInt("quantity"), rs.getLong("points_spent"), rs.getString("status"),
                rs.getString("shipping_address"), rs.getString("carrier"), rs.getString("tracking_number"),
                instant(rs, "created_at"), instant(rs, "shipped_at"), instant(rs, "delivered_at"),
                instant(rs, "cancelled_at"), List.of());
    }
}
