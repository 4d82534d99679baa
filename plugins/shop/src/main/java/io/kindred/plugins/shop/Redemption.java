package io.kindred.plugins.shop;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One redemption (兑换). Physical items go pending → shipped → delivered, or cancelled; coupons and badges are
 * completed at once. {@code coupons} are the codes handed out with it.
 */
record Redemption(long id, long userId, long itemId, String itemName, String kind, int quantity, long pointsSpent,
                  String status, String shippingAddress, String carrier, String trackingNumber, Instant createdAt,
                  Instant shippedAt, Instant deliveredAt, Instant cancelledAt, List<String> coupons) {

    static final String PENDING = "pending";
    static final String SHIPPED = "shipped";
    static final String DELIVERED = "delivered";
    static final String COMPLETED = "completed";
    static final String CANCELLED = "cancelled";
    static final List<String> STATUSES = List.of(PENDING, SHIPPED, DELIVERED, COMPLETED, CANCELLED);

    Redemption withCoupons(List<String> codes) {
        return new Redemption(id, userId, itemId, itemName, kind, quantity, pointsSpent, status, shippingAddress, carrier,
                trackingNumber, createdAt, shippedAt, deliveredAt, cancelledAt, codes);
    }

    Map<String, Object> json() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("userId", userId);
        m.put("itemId", itemId);
        m.put("itemName", itemName);
        m.put("kind", kind);
        m.put("quantity", quantity);
        m.put("status", status);
        m.put("pointsSpent", pointsSpent);
        if (!coupons.isEmpty()) {
            m.put("coupon", Map.of("code", coupons.get(0), "codes", coupons));
        }
        m.put("shippingAddress", shippingAddress);
        m.put("carrier", carrier);
        m.put("trackingNumber", trackingNumber);
        m.put("createdAt", text(createdAt));
        m.put("shippedAt", text(shippedAt));
        m.put("deliveredAt", text(deliveredAt));
        m.put("cancelledAt", text(cancelledAt));
        return m;
    }

    private static String text(Instant t) {
        return t == null ? null : t.toString();
    }
}
