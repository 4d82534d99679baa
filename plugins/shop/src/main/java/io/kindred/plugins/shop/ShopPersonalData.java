package io.kindred.plugins.shop;

import static io.kindred.api.privacy.MemberRows.rows;
import io.kindred.api.privacy.PersonalData;
import org.jdbi.v3.core.Handle;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The member's redemptions and badges in their export (section {@code shop}) and in the erasure of their account:
 * redemptions spent points and took stock, so they stay with their items, quantities, points, states and times;
 * the shipping address (which carries the recipient's name and phone when the member typed them), the tracking
 * number (it leads to the address at the carrier) and the caller's idempotency key are cleared. Badges and coupon
 * codes handed out stay: they were paid for and name no one. Safe to run twice.
 */
final class ShopPersonalData implements PersonalData {

    @Override
    public String section() {
        return "shop";
    }

    @Override
    public Object export(Handle h, long userId) {
        List<Map<String, Object>> redemptions = rows(h, userId, """
                SELECT r.id, r.item_id AS "itemId", i.name AS "itemName", i.kind AS "itemKind",
                       CASE i.exclusive WHEN 1 THEN 'exclusive' ELSE 'open' END AS "itemAccess", r.quantity,
                       r.points_spent AS "pointsSpent", 'points' AS asset, r.status,
                       r.shipping_address AS "shippingAddress", r.carrier, r.tracking_number AS "trackingNumber",
                       r.created_at AS "redeemedAt", r.shipped_at AS "shippedAt", r.delivered_at AS "deliveredAt",
                       r.cancelled_at AS "cancelledAt"
                  FROM shop_redemptions r JOIN shop_items i ON i.id = r.item_id
                 WHERE r.user_id = :u ORDER BY r.id""");
        Map<Long, List<Map<String, Object>>> codes = new LinkedHashMap<>();
        for (Map<String, Object> c : rows(h, userId, """
                SELECT redemption_id AS "redemptionId", code, handed_at AS "handedAt"
                  FROM shop_coupon_codes WHERE handed_to = :u ORDER BY id""")) {
            codes.computeIfAbsent(id(c.remove("redemptionId")), k -> new java.util.ArrayList<>()).add(c);
        }
        redemptions.forEach(r -> r.put("couponCodes", codes.getOrDefault(id(r.get("id")), List.of())));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("redemptions", redemptions);
        out.put("badges", rows(h, userId, """
                SELECT b.item_id AS "itemId", i.name AS badge, b.source, b.granted_at AS "grantedAt"
                  FROM (SELECT item_id, 'redemption' AS source, granted_at FROM shop_badges WHERE user_id = :u
                        UNION ALL
                        SELECT item_id, 'prize' AS source, granted_at FROM shop_badge_grants WHERE user_id = :u) b
                  JOIN shop_items i ON i.id = b.item_id
                 ORDER BY b.granted_at"""));
        return out;
    }

    @Override
    public Erased erase(Handle tx, long userId) {
        tx.createUpdate("""
                        UPDATE shop_redemptions SET shipping_address = NULL, tracking_number = NULL, request_key = NULL
                         WHERE user_id = :u
                           AND (shipping_address IS NOT NULL OR tracking_number IS NOT NULL OR request_key IS NOT NULL)""")
                .bind("u", userId).execute();
        return Erased.nothing();
    }

    private static Long id(Object value) {
        return value instanceof Number n ? n.longValue() : null;
    }


}
