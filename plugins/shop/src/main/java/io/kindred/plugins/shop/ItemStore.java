package io.kindred.plugins.shop;

import org.jdbi.v3.core.Handle;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The SQL of the catalog. Stock only moves through the guarded updates here. */
final class ItemStore {

    private static final String SELECT = """
            SELECT i.id, i.name, i.description, i.category, i.kind, i.price_points, i.stock, i.limit_per_member,
                   i.available_from, i.available_until, i.min_tier, i.exclusive, i.image_url, i.active,
                   (SELECT COUNT(*) FROM shop_coupon_codes c WHERE c.item_id = i.id AND c.handed_to IS NULL) AS coupons_left
              FROM shop_items i""";

    /** Columns an operator may set, by their API name. */
    static final Map<String, String> COLUMNS = Map.ofEntries(Map.entry("name", "name"),
            Map.entry("description", "description"), Map.entry("category", "category"), Map.entry("kind", "kind"),
            Map.entry("pricePoints", "price_points"), Map.entry("stock", "stock"),
            Map.entry("limitPerMember", "limit_per_member"), Map.entry("availableFrom", "available_from"),
            Map.entry("availableUntil", "available_until"), Map.entry("minTier", "min_tier"),
            Map.entry("exclusive", "exclusive"), Map.entry("imageUrl", "image_url"), Map.entry("active", "active"));

    Optional<Item> find(Handle h, long id) {
        return h.createQuery(SELECT + " WHERE i.id = :id").bind("id", id).map((rs, c) -> row(rs)).findOne();
    }

    /** @return the catalog, newest first; only active items when {@code activeOnly} */
    boolean any(Handle h) {
        return h.createQuery("SELECT EXISTS (SELECT 1 FROM shop_items)").mapTo(Boolean.class).one();
    }

    List<Item> list(Handle h, boolean activeOnly) {
        return h.createQuery(SELECT + (activeOnly ? " WHERE i.active = 1" : "") + " ORDER BY i.id DESC")
                .map((rs, c) -> row(rs)).list();
    }

    /** @param values column name → value (epoch millis for times, 0/1 for flags) @return the new id */
    long insert(Handle tx, Map<String, Object> values, long now) {
        String cols = String.join(", ", values.keySet());
        String params = values.keySet().stream().map(k -> ":" + k).collect(Collectors.joining(", "));
        var update = tx.createUpdate("INSERT INTO shop_items(" + cols + ", created_at, updated_at) VALUES (" + params
                + ", :now, :now)").bind("now", now);
        values.forEach(update::bind);
        return update.executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    /** @param values column name → value, columns from {@link #COLUMNS} only */
    void update(Handle tx, long id, Map<String, Object> values, long now) {
        String set = values.keySet().stream().map(k -> k + " = :" + k).collect(Collectors.joining(", "));
        var update = tx.createUpdate("UPDATE shop_items SET " + set + (set.isEmpty() ? "" : ", ")
                + "updated_at = :now WHERE id = :id").bind("id", id).bind("now", now);
        values.forEach(update::bind);
        update.execute();
    }

    /** Takes {@code quantity} from the stock unless that would go below zero. @return whether it did */
    /**
     * Holds the item's row until the transaction ends (a write that changes nothing): on PostgreSQL, where writers run
     * side by side, redemptions of the item then take turns from here on; on SQLite they already do.
     */
    void hold(Handle tx, long id) {
        tx.createUpdate("UPDATE shop_items SET stock = stock WHERE id = :id").bind("id", id).execute();
    }

    boolean takeStock(Handle tx, long id, int quantity) {
        return tx.createUpdate("""
                        UPDATE shop_items SET stock = stock - :q
                         WHERE id = :id AND (stock IS NULL OR stock >= :q)""")
                .bind("q", quantity).bind("id", id).execute() == 1;
    }

    void returnStock(Handle tx, long id, int quantity) {
        tx.createUpdate("UPDATE shop_items SET stock = stock + :q WHERE id = :id AND stock IS NOT NULL")
                .bind("q", quantity).bind("id", id).execute();
    }

    List<String> categories(Handle h) {
        return h.createQuery("SELECT DISTINCT category FROM shop_items WHERE active = 1 ORDER BY category")
                .mapTo(String.class).list();
    }

    private static Item row(ResultSet rs) throws SQLException {
        return new Item(rs.getLong("id"), rs.getString("name"), rs.getString("description"), rs.getString("category"),
                rs.getString("kind"), rs.getLong("price_points"), nullableLong(rs, "stock"),
                (Integer) nullableInt(rs, "limit_per_member"), instant(rs, "available_from"),
                instant(rs, "available_until"), nullableInt(rs, "min_tier"), rs.getInt("exclusive") == 1,
                rs.getString("image_url"),
                rs.getInt("active") == 1, rs.getLong("coupons_left"));
    }

    static Long nullableLong(ResultSet rs, String col) throws SQLException {
        long v = rs.getLong(col);
        return rs.wasNull() ? null : v;
    }

    static Integer nullableInt(ResultSet rs, String col) throws SQLException {
        int v = rs.getInt(col);
        return rs.wasNull() ? null : v;
    }

    static Instant instant(ResultSet rs, String col) throws SQLException {
        Long v = nullableLong(rs, col);
        return v == null ? null : Instant.ofEpochMilli(v);
    }
}
