package io.kindred.plugins.shop;

import io.kindred.api.KindredException;
import io.kindred.api.web.Exchange;
import io.kindred.api.web.Page;
import io.kindred.api.web.PageRequest;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/** The operators' JSON API under {@code /api/v1/admin/shop}. */
final class ShopAdminRoutes {

    /** {@code POST .../coupons}: {@code codes} as text (one a line) or a list, or {@code generate} N codes. */
    record CouponsBody(Optional<Object> codes, OptionalInt generate) {
    }

    /** {@code POST .../ship}. */
    record ShipBody(String carrier, String trackingNumber) {
    }

    private final Catalog catalog;
    private final Redemptions redemptions;
    private final Coupons coupons;
    private final Clock clock;

    ShopAdminRoutes(Catalog catalog, Redemptions redemptions, Coupons coupons, Clock clock) {
        this.catalog = catalog;
        this.redemptions = redemptions;
        this.coupons = coupons;
        this.clock = clock;
    }

    /** {@code GET /api/v1/admin/shop/items} → every item, inactive ones included. */
    void items(Exchange x) {
        x.json(Page.all(catalog.all(false).stream().map(i -> i.json(clock.instant())).toList()));
    }

    /** {@code GET /api/v1/admin/shop/items/{id}}. */
    void item(Exchange x) {
        x.json(Map.of("item", catalog.find(x.pathParamAsId("id")).json(clock.instant())));
    }

    /** {@code POST /api/v1/admin/shop/items} → 201 {@code {"item":...}}. */
    @SuppressWarnings("unchecked")
    void create(Exchange x) {
        x.json(201, Map.of("item", catalog.create(x.body(Map.class)).json(clock.instant())));
    }

    /** {@code PATCH /api/v1/admin/shop/items/{id}} → 200 {@code {"item":...}}. */
    @SuppressWarnings("unchecked")
    void update(Exchange x) {
        x.json(Map.of("item", catalog.update(x.pathParamAsId("id"), x.body(Map.class)).json(clock.instant())));
    }

    /**
     * {@code POST /api/v1/admin/shop/items/{id}/coupons {"codes": "A\nB" or ["A","B"]} or {"generate": N}}
     * → 201 {@code {"added","duplicates","couponsLeft"}}.
     */
    void addCoupons(Exchange x) {
        Item item = catalog.find(x.pathParamAsId("id"));
        if (!Item.COUPON.equals(item.kind())) {
            throw new KindredException(ShopError.NOT_A_COUPON, "Only coupon items have a code pool.");
        }
        CouponsBody body = x.body(CouponsBody.class);
        Coupons.Added added;
        if (body.generate().isPresent()) {
            added = coupons.generate(item.id(), body.generate().getAsInt());
        } else if (body.codes().orElse(null) instanceof List<?> list) {
            added = coupons.upload(item.id(), String.join("\n", list.stream().map(String::valueOf).toList()));
        } else if (body.codes().isPresent()) {
            added = coupons.upload(item.id(), body.codes().get().toString());
        } else {
            throw KindredException.missingField("codes");
        }
        x.json(201, json(added));
    }

    static Map<String, Object> json(Coupons.Added added) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("added", added.added());
        m.put("duplicates", added.duplicates());
        m.put("couponsLeft", added.couponsLeft());
        return m;
    }

    /** {@code GET /api/v1/admin/shop/redemptions?status=&limit=&cursor=} → the queue, newest first. */
    void queue(Exchange x) {
        PageRequest page = x.page(50, 500);
        List<Redemption> rows = redemptions.queue(status(x), page.before(), page.limit());
        x.json(Page.of(rows, page, Redemption::id).map(Redemption::json));
    }

    static String status(Exchange x) {
        String status = x.query("status").orElse(null);
        if (status != null && !Redemption.STATUSES.contains(status)) {
            throw KindredException.invalidField("The parameter 'status' must be one of " + String.join(", ", Redemption.STATUSES) + ".");
        }
        return status;
    }

    /** {@code POST /api/v1/admin/shop/redemptions/{id}/ship {carrier, trackingNumber}}. */
    void ship(Exchange x) {
        ShipBody body = x.body(ShipBody.class);
        x.json(Map.of("redemption", redemptions.ship(x.pathParamAsId("id"), required("carrier", body.carrier()),
                required("trackingNumber", body.trackingNumber())).json()));
    }

    /** {@code POST /api/v1/admin/shop/redemptions/{id}/deliver}. */
    void deliver(Exchange x) {
        x.json(Map.of("redemption", redemptions.deliver(x.pathParamAsId("id")).json()));
    }

    /** {@code POST /api/v1/admin/shop/redemptions/{id}/cancel}: points and stock back, exactly once. */
    void cancel(Exchange x) {
        x.json(Map.of("redemption", redemptions.cancel(x.pathParamAsId("id")).json()));
    }

    static String required(String field, String v) {
        if (v == null || v.isBlank()) {
            throw KindredException.missingField(field);
        }
        String s = v.strip();
        if (s.length() > 200) {
            throw KindredException.invalidField("The field '" + field + "' must be at most 200 characters.");
        }
        return s;
    }
}
