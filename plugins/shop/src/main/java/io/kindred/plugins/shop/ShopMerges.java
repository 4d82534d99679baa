package io.kindred.plugins.shop;

import io.kindred.api.events.Event;
import org.jdbi.v3.core.Handle;

/**
 * {@code member.merged} {into, from}: the merged member's redemptions (orders, with their shipping state),
 * coupon codes and badges become the target's; the points they cost moved with the ledger already. A request
 * key both used keeps its meaning for the target and is prefixed on the moved order. Running it twice changes
 * nothing.
 */
final class ShopMerges {

    void onMerged(Event e, Handle tx) {
        long into = e.longValue("into");
        long from = e.longValue("from");
        tx.createUpdate("""
                        UPDATE shop_redemptions SET request_key = :prefix || request_key
                         WHERE user_id = :from AND request_key IN
                               (SELECT r.request_key FROM shop_redemptions r WHERE r.user_id = :into AND r.request_key IS NOT NULL)""")
                .bind("prefix", "merged-" + from + "-").bind("into", into).bind("from", from).execute();
        for (String sql : new String[]{
                "UPDATE shop_redemptions SET user_id = :into WHERE user_id = :from",
                "UPDATE shop_coupon_codes SET handed_to = :into WHERE handed_to = :from",
                "UPDATE shop_badges SET user_id = :into WHERE user_id = :from",
                "UPDATE shop_badge_grants SET user_id = :into WHERE user_id = :from"}) {
            tx.createUpdate(sql).bind("into", into).bind("from", from).execute();
        }
    }
}
