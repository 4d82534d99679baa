package io.kindred.plugins.shop;

import io.kindred.api.PluginContext;
import io.kindred.api.badges.Badge;
import io.kindred.api.badges.BadgeService;
import org.jdbi.v3.core.Handle;

import java.time.Instant;
import java.util.List;

/**
 * Badges (纪念徽章) sold as badge items; offered to other plugins as the {@link BadgeService}, which may also grant
 * an active badge item as a prize (code {@code shop:<itemId>}).
 */
final class Badges implements BadgeService {

    private static final String CODE_PREFIX = "shop:";

    private final PluginContext ctx;

    Badges(PluginContext ctx) {
        this.ctx = ctx;
    }

    void grant(Handle tx, long userId, long itemId, long redemptionId, long now) {
        tx.createUpdate("""
                        INSERT INTO shop_badges(redemption_id, user_id, item_id, granted_at) VALUES (:r, :user, :item, :now)
                        ON CONFLICT (redemption_id) DO NOTHING""")
                .bind("r", redemptionId).bind("user", userId).bind("item", itemId).bind("now", now).execute();
    }

    @Override
    public List<Badge> badgesOf(long userId) {
        return ctx.db().read(h -> h.createQuery("""
                        SELECT b.item_id, i.name, i.image_url, MIN(b.granted_at) AS granted_at
                          FROM (SELECT item_id, granted_at FROM shop_badges WHERE user_id = :user
                                UNION ALL
                                SELECT item_id, granted_at FROM shop_badge_grants WHERE user_id = :user) b
                          JOIN shop_items i ON i.id = b.item_id
                         GROUP BY b.item_id, i.name, i.image_url
                         ORDER BY MIN(b.granted_at), b.item_id""")
                .bind("user", userId)
                .map((rs, c) -> new Badge(CODE_PREFIX + rs.getLong("item_id"), rs.getString("name"), rs.getString("image_url"),
                        Instant.ofEpochMilli(rs.getLong("granted_at"))))
                .list());
    }

    /** @return the active badge items, by name */
    @Override
    public List<Badge> grantable() {
        return ctx.db().read(h -> h.createQuery("""
                        SELECT id, name, image_url FROM shop_items WHERE kind = :kind AND active = 1 ORDER BY name, id""")
                .bind("kind", Item.BADGE)
                .map((rs, c) -> new Badge(CODE_PREFIX + rs.getLong("id"), rs.getString("name"), rs.getString("image_url"), null))
                .list());
    }

    @Override
    public boolean grant(Handle tx, long userId, String badgeCode, String key) {
        long itemId = grantableItem(tx, badgeCode);
        if (key == null || key.isBlank() || key.length() > 200) {
            throw new IllegalArgumentException("a badge grant needs a key of at most 200 characters");
        }
        return tx.createUpdate("""
                        INSERT INTO shop_badge_grants(grant_key, user_id, item_id, granted_at) VALUES (:key, :user, :item, :now)
                        ON CONFLICT (grant_key) DO NOTHING""")
                .bind("key", key).bind("user", userId).bind("item", itemId).bind("now", ctx.clock().millis())
                .execute() == 1;
    }

    private static long grantableItem(Handle tx, String badgeCode) {
        String id = badgeCode == null || !badgeCode.startsWith(CODE_PREFIX) ? "" : badgeCode.substring(CODE_PREFIX.length());
        if (!id.matches("\\d{1,18}") || tx.createQuery("""
                        SELECT COUNT(*) FROM shop_items WHERE id = :id AND kind = :kind AND active = 1""")
                .bind("id", Long.parseLong(id)).bind("kind", Item.BADGE).mapTo(Long.class).one() == 0) {
            throw new IllegalArgumentException("not a badge the shop can grant: " + badgeCode);
        }
        return Long.parseLong(id);
    }
}
