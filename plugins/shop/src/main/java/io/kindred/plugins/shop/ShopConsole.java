package io.kindred.plugins.shop;

import io.kindred.api.KindredException;
import io.kindred.api.PluginContext;
import io.kindred.api.web.Exchange;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The console pages under {@code /console/shop}: items with a low-stock marker, the item form with the
 * coupon pool upload, and the redemptions queue with ship / deliver / cancel buttons.
 */
final class ShopConsole {

    /** Item fields of the console form, in form order. */
    private static final List<String> FORM_FIELDS = List.of("name", "description", "category", "kind", "pricePoints",
            "stock", "limitPerMember", "availableFrom", "availableUntil", "minTier", "imageUrl");

    private final PluginContext ctx;
    private final Catalog catalog;
    private final Redemptions redemptions;
    private final Coupons coupons;

    ShopConsole(PluginContext ctx, Catalog catalog, Redemptions redemptions, Coupons coupons) {
        this.ctx = ctx;
        this.catalog = catalog;
        this.redemptions = redemptions;
        this.coupons = coupons;
    }

    /** {@code GET /console/shop}: every item, low stock marked. */
    void itemsPage(Exchange x) {
        int threshold = ctx.settings().get(ShopSettings.LOW_STOCK);
        Instant now = ctx.clock().instant();
        List<Map<String, Object>> items = catalog.all(false).stream().map(i -> {
            Map<String, Object> m = new HashMap<>(i.json(now));
            m.put("lowStock", i.lowStock(threshold));
            m.put("left", i.left() == null ? "∞" : String.valueOf(i.left()));
            return m;
        }).toList();
        x.render("shop/console/items", Map.of("items", items, "threshold", threshold));
    }

    /** {@code GET /console/shop/items/new}. */
    void newItemPage(Exchange x) {
        Map<String, Object> values = new HashMap<>();
        FORM_FIELDS.forEach(f -> values.put(f, ""));
        values.put("kind", Item.PHYSICAL);
        values.put("category", "general");
        values.put("active", true);
        x.render("shop/console/item", Map.of("item", values, "isNew", true, "kinds", Item.KINDS));
    }

    /** {@code GET /console/shop/items/{id}}. */
    void editItemPage(Exchange x) {
        Item item = catalog.find(x.pathParamAsId("id"));
        Map<String, Object> values = new HashMap<>();
        item.json(ctx.clock().instant()).forEach((k, v) -> values.put(k, v == null ? "" : v));
        x.render("shop/console/item", Map.of("item", values, "isNew", false, "kinds", Item.KINDS,
                "isCoupon", Item.COUPON.equals(item.kind())));
    }

    /** {@code POST /console/shop/items}. */
    void createForm(Exchange x) {
        Item item = catalog.create(formFields(x));
        x.redirect("/console/shop/items/" + item.id() + "?notice=shop.console.saved");
    }

    /** {@code POST /console/shop/items/{id}}. */
    void updateForm(Exchange x) {
        long id = x.pathParamAsId("id");
        catalog.update(id, formFields(x));
        x.redirect("/console/shop/items/" + id + "?notice=shop.console.saved");
    }

    /** {@code POST /console/shop/items/{id}/coupons} with {@code codes} (text or CSV lines) or {@code generate}. */
    void couponsForm(Exchange x) {
        Item item = catalog.find(x.pathParamAsId("id"));
        if (!Item.COUPON.equals(item.kind())) {
            throw KindredException.conflict("not_a_coupon", "Only coupon items have a code pool.");
        }
        String generate = ShopPages.field(x, "generate");
        String codes = ShopPages.field(x, "codes");
        if (generate != null && !generate.isBlank()) {
            coupons.generate(item.id(), (int) Math.min(Integer.MAX_VALUE, ShopRoutes.wholeNumber("generate", generate)));
        } else if (codes != null && !codes.isBlank()) {
            coupons.upload(item.id(), codes);
        } else {
            throw KindredException.missingField("codes");
        }
        x.redirect("/console/shop/items/" + item.id() + "?notice=shop.console.coupons_added");
    }

    /** {@code GET /console/shop/redemptions?status=}: the queue. */
    void queuePage(Exchange x) {
        String status = ShopAdminRoutes.status(x);
        List<Map<String, Object>> rows = redemptions.queue(status, ShopRoutes.cursor(x), 200).stream().map(r -> {
            Map<String, Object> m = new HashMap<>(r.json());
            m.replaceAll((k, v) -> v == null ? "" : v);
            m.put("canShip", Redemption.PENDING.equals(r.status()));
            m.put("canDeliver", Redemption.PENDING.equals(r.status()) || Redemption.SHIPPED.equals(r.status()));
            m.put("canCancel", Redemption.PENDING.equals(r.status()) || Redemption.SHIPPED.equals(r.status()));
            m.put("member", ctx.members().find(r.userId()).map(mm -> mm.displayName()).orElse("#" + r.userId()));
            return m;
        }).toList();
        Map<String, Object> model = new HashMap<>();
        model.put("redemptions", rows);
        model.put("status", status == null ? "" : status);
        model.put("statuses", Redemption.STATUSES);
        x.render("shop/console/redemptions", model);
    }

    /** {@code POST /console/shop/redemptions/{id}/ship} with carrier and trackingNumber. */
    void shipForm(Exchange x) {
        Map<String, Object> body = new HashMap<>();
        body.put("carrier", ShopPages.field(x, "carrier"));
        body.put("trackingNumber", ShopPages.field(x, "trackingNumber"));
        redemptions.ship(x.pathParamAsId("id"), ShopAdminRoutes.required(body, "carrier"),
                ShopAdminRoutes.required(body, "trackingNumber"));
        x.redirect("/console/shop/redemptions?notice=shop.console.shipped");
    }

    void deliverForm(Exchange x) {
        redemptions.deliver(x.pathParamAsId("id"));
        x.redirect("/console/shop/redemptions?notice=shop.console.delivered");
    }

    void cancelForm(Exchange x) {
        redemptions.cancel(x.pathParamAsId("id"));
        x.redirect("/console/shop/redemptions?notice=shop.console.cancelled");
    }

    private static Map<String, Object> formFields(Exchange x) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (String f : FORM_FIELDS) {
            String v = ShopPages.field(x, f);
            if (v != null) {
                fields.put(f, v);
            }
        }
        fields.put("active", ShopPages.field(x, "active") != null);
        return fields;
    }
}
