package io.kindred.plugins.shop;

import io.kindred.api.KindredException;
import io.kindred.api.web.Exchange;
import io.kindred.api.web.Page;
import io.kindred.api.web.PageRequest;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/** The members' JSON API under {@code /api/v1/shop}. */
final class ShopRoutes {

    /** {@code POST /api/v1/shop/redemptions}: the address is text, or an object whose fields are joined. */
    record RedeemBody(long itemId, OptionalInt quantity, Optional<Object> shippingAddress) {
    }

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
        x.json(Page.all(items));
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
        RedeemBody body = x.body(RedeemBody.class);
        Redemptions.Result r = redemptions.redeem(x.requireMember().id(), body.itemId(), body.quantity().orElse(1),
                address(body.shippingAddress().orElse(null)), x.idempotencyKey());
        x.json(201, Map.of("redemption", r.redemption().json()));
    }

    /** {@code GET /api/v1/shop/redemptions/me?limit=&cursor=} → the caller's redemptions, newest first. */
    void mine(Exchange x) {
        PageRequest page = x.page(20, 100);
        List<Redemption> rows = redemptions.ofMember(x.requireMember().id(), page.before(), page.limit());
        x.json(Page.of(rows, page, Redemption::id).map(Redemption::json));
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
}
