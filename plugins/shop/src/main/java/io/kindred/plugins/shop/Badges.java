package io.kindred.plugins.shop;

import io.kindred.api.PluginContext;
import io.kindred.api.badges.Badge;
import io.kindred.api.badges.BadgeService;
import org.jdbi.v3.core.Handle;

import java.time.Instant;
import java.util.List;

/** Badges (纪念徽章) sold as badge items; offered to other plugins as the {@link BadgeService}. */
final class Badges implements BadgeService {

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
                          FROM shop_badges b JOIN shop_items i ON i.id = b.item_id
                         WHERE b.user_id = :user
                         GROUP BY b.item_id, i.name, i.image_url
                         ORDER BY MIN(b.granted_at), b.item_id""")
                .bind("user", userId)
                .map((rs, c) -> new Badge("shop:" + rs.getLong("item_id"), rs.getString("name"), rs.getString("image_url"),
                        Instant.ofEpochMilli(rs.getLong("granted_at"))))
                .list());
    }
}
