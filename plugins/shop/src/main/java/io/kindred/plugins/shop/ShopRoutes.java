package io.kindred.plugins.shop;

import io.kindred.api.KindredException;
import io.kindred.api.web.Exchange;
import io.kindred.api.web.Page;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The members' JSON API under {@code /api/v1/shop}. */
final class ShopRoutes {

    private final Catalog catalog;
    private final Redemptions redemptions;
    private final java.time.Clock clock;

    ShopRoutes(Catalog catalog, Redemptions redemptions, java.time.Clock clock) {
        this.catalog = catalog;
        this.redemptions = redemptions;
        this.clock = clock;
    }

    /** {@code GET /api/v1/shop/items?category=} → the active items, newest first. */
    void items(Exchange x) {
        Instant now = clock.instant();
        String category = x.query("category").orElse(null);
        List<Map<String, Object>> items = catalog.all(true).stream()
                .filter(i -> category == null || category.equals(i.category())).map(i -> i.json(now)).toList();
        x.json(new Page<>(items, null));
    }

    /** {@code GET /api/v1/shop/items/{id}} → {@code {"item":...}}; inactive items are 404. */
    void item(Exchange x) {
        Item item = catalog.find(x.pathParamAsId("id"));
        if (!item.active()) {
            throw KindredException.notFound("There is no such item in the shop.");
        }
        x.json(Map.of("item", item.json(clock.instant())));
    }

    /** {@code POST /api/v1/shop/redemptions {itemId, quantity, shippingAddress?}} → 201 {@code {"redemption":...}}. */
    void redeem(Exchange x) {
        Map<?, ?> body = x.body(Map.class);
        Object itemId = body.get("itemId");
        if (itemId == null) {
            throw KindredException.missingField("itemId");
        }
        long id = wholeNumber("itemId", itemId);
        Object q = body.get("quantity");
        int quantity = q == null ? 1 : (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, wholeNumber("quantity", q)));
        Redemptions.Result r = redemptions.redeem(x.requireMember().id(), id, quantity,
                address(body.get("shippingAddress")), x.idempotencyKey());
        x.json(201, Map.of("redemption", r.redemption().json()));
    }

    /** {@code GET /api/v1/shop/redemptions/me?limit=&cursor=} → the caller's redemptions, newest first. */
    void mine(Exchange x) {
        int limit = x.queryInt("limit", 20, 1, 100);
        List<Redemption> page = redemptions.ofMember(x.requireMember().id(), cursor(x), limit);
        x.json(new Page<>(page.stream().map(Redemption::json).toList(), next(page, limit)));
    }

    /** The address as text: a string as given, or the fields of an object joined in their order. */
    static String address(Object v) {
        if (v == null) {
            return null;
        }
        String text = v instanceof Map<?, ?> m
                ? String.join(", ", m.values().stream().filter(f -> f != null && !f.toString().isBlank())
                        .map(f -> f.toString().strip()).toList())
                : v.toString().strip();
        if (text.length() > 1000) {
            throw KindredException.invalidField("The field 'shippingAddress' is too long.");
        }
        return text.isEmpty() ? null : text;
    }

    static long wholeNumber(String field, Object v) {
        if (v instanceof Number n && !(v instanceof Double || v instanceof Float)) {
            return n.longValue();
        }
        try {
            return Long.parseLong(v.toString().strip());
        } catch (NumberFormatException e) {
            throw KindredException.invalidField("The field '" + field + "' must be a whole number.");
        }
    }

    static long cursor(Exchange x) {
        return x.query("cursor").map(v -> {
            try {
                long c = Long.parseLong(v.trim());
                if (c > 0) {
                    return c;
                }
            } catch (NumberFormatException ignored) {
                // falls through
            }
            throw KindredException.badRequest("invalid_cursor", "The cursor is not one this API gave out.");
        }).orElse(Long.MAX_VALUE);
    }

    static String next(List<Redemption> page, int limit) {
        return page.size() == limit ? String.valueOf(page.get(page.size() - 1).id()) : null;
    }
}
