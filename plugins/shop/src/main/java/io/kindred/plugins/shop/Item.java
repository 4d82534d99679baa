package io.kindred.plugins.shop;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A catalog item. {@code stock} null means unlimited, {@code limitPerMember} null no limit, {@code minTier}
 * null everyone; {@code exclusive} (会员专享) reserves it for members with the benefit {@value #EXCLUSIVE_BENEFIT};
 * {@code couponsLeft} is the free codes of a coupon item's pool (0 for other kinds).
 */
record Item(long id, String name, String description, String category, String kind, long pricePoints, Long stock,
            Integer limitPerMember, Instant availableFrom, Instant availableUntil, Integer minTier, boolean exclusive,
            String imageUrl, boolean active, long couponsLeft) {

    /** The benefit (权益) the shop offers: a tier or paid plan carrying it lets its members redeem exclusive items. */
    static final String EXCLUSIVE_BENEFIT = "shop.exclusive";

    static final String PHYSICAL = "physical";
    static final String COUPON = "coupon";
    static final String BADGE = "badge";
    static final List<String> KINDS = List.of(PHYSICAL, COUPON, BADGE);

    /** @return whether members can redeem it at {@code now}: active and inside its window */
    boolean availableAt(Instant now) {
        return active && (availableFrom == null || !now.isBefore(availableFrom))
                && (availableUntil == null || now.isBefore(availableUntil));
    }

    /** @return how many can still be redeemed, or null when unlimited */
    Long left() {
        if (COUPON.equals(kind)) {
            return stock == null ? couponsLeft : Math.min(stock, couponsLeft);
        }
        return stock;
    }

    /** @return whether it is a coupon item whose code pool is empty: members cannot redeem it until codes are added */
    boolean needsCodes() {
        return COUPON.equals(kind) && couponsLeft == 0;
    }

    boolean lowStock(int threshold) {
        Long left = left();
        return left != null && left <= threshold;
    }

    Map<String, Object> json(Instant now) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("name", name);
        m.put("description", description);
        m.put("category", category);
        m.put("kind", kind);
        m.put("pricePoints", pricePoints);
        m.put("stock", stock);
        m.put("limitPerMember", limitPerMember);
        m.put("availableFrom", availableFrom == null ? null : availableFrom.toString());
        m.put("availableUntil", availableUntil == null ? null : availableUntil.toString());
        m.put("minTier", minTier);
        m.put("exclusive", exclusive);
        m.put("imageUrl", imageUrl);
        m.put("active", active);
        m.put("available", availableAt(now) && !needsCodes());
        if (COUPON.equals(kind)) {
            m.put("couponsLeft", couponsLeft);
        }
        return m;
    }
}
