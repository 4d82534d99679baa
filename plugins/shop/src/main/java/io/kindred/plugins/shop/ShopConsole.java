package io.kindred.plugins.shop;

import io.kindred.api.KindredException;
import io.kindred.api.PluginContext;
import io.kindred.api.web.Exchange;
import io.kindred.api.web.UploadedFile;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The console pages under {@code /console/shop}: items with low-stock and exclusive markers, the item form with the
 * picture and coupon pool uploads, and the redemptions queue (with its CSV export) with ship / deliver / cancel buttons.
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
            m.put("needsCodes", i.needsCodes());
            m.put("lowStock", !i.needsCodes() && i.lowStock(threshold));
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
        values.put("exclusive", false);
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
        Map<String, Object> fields = formFields(x);
        if (!storeImage(x, fields)) {
            x.redirect("/console/shop/items/new?notice=shop.console.image_refused");
            return;
        }
        Item item = catalog.create(fields);
        x.redirect("/console/shop/items/" + item.id() + "?notice=shop.console.saved");
    }

    /** {@code POST /console/shop/items/{id}}. */
    void updateForm(Exchange x) {
        long id = x.pathParamAsId("id");
        Map<String, Object> fields = formFields(x);
        if (!storeImage(x, fields)) {
            x.redirect("/console/shop/items/" + id + "?notice=shop.console.image_refused");
            return;
        }
        catalog.update(id, fields);
        x.redirect("/console/shop/items/" + id + "?notice=shop.console.saved");
    }

    /** {@code POST /console/shop/items/{id}/coupons} with {@code codes} (text or CSV lines) or {@code generate}. */
    void couponsForm(Exchange x) {
        Item item = catalog.find(x.pathParamAsId("id"));
        if (!Item.COUPON.equals(item.kind())) {
            throw new KindredException(ShopError.NOT_A_COUPON, "Only coupon items have a code pool.");
        }
        String generate = x.formValue("generate").orElse(null);
        String codes = x.formValue("codes").orElse(null);
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
        List<Map<String, Object>> rows = redemptions.queue(status, x.page(200).before(), 200).stream().map(r -> {
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

    /** Columns of the warehouse export. */
    static final List<String> CSV_COLUMNS = List.of("id", "created", "status", "item", "quantity", "points", "member",
            "recipient", "phone", "address", "carrier", "tracking");

    /**
     * {@code GET /console/shop/redemptions.csv?status=}: the queue (every page of it) for the warehouse.
     * Recipient and phone come from the member's profile address; the address is the one confirmed at redemption.
     */
    void exportCsv(Exchange x) {
        String status = ShopAdminRoutes.status(x);
        List<List<?>> rows = new ArrayList<>();
        Map<Long, String> names = new HashMap<>();
        Map<Long, Map<String, String>> profiles = new HashMap<>();
        long before = Long.MAX_VALUE;
        while (true) {
            List<Redemption> page = redemptions.queue(status, before, 500);
            for (Redemption r : page) {
                String member = names.computeIfAbsent(r.userId(),
                        u -> ctx.members().find(u).map(m -> m.displayName()).orElse("#" + u));
                Map<String, String> profile = profiles.computeIfAbsent(r.userId(),
                        u -> ctx.members().shippingAddress(u).orElse(Map.of()));
                rows.add(java.util.Arrays.asList(r.id(), r.createdAt(), r.status(), r.itemName(), r.quantity(),
                        r.pointsSpent(), member, profile.get("name"), profile.get("phone"), r.shippingAddress(),
                        r.carrier(), r.trackingNumber()));
                before = r.id();
            }
            if (page.size() < 500) {
                break;
            }
        }
        String date = ctx.today().toString();
        x.csv("redemptions-" + (status == null ? "all" : status) + "-" + date + ".csv", CSV_COLUMNS, rows);
    }

    /** {@code POST /console/shop/redemptions/{id}/ship} with carrier and trackingNumber. */
    void shipForm(Exchange x) {
        redemptions.ship(x.pathParamAsId("id"), ShopAdminRoutes.required("carrier", x.formValue("carrier").orElse(null)),
                ShopAdminRoutes.required("trackingNumber", x.formValue("trackingNumber").orElse(null)));
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

    /**
     * Stores the picture of the multipart field {@code image}, if one was chosen, as the item's {@code imageUrl}.
     *
     * @return false when the file is not a PNG, JPEG, GIF or WebP picture, or too large
     */
    private boolean storeImage(Exchange x, Map<String, Object> fields) {
        Optional<UploadedFile> file = x.file("image");
        if (file.isEmpty()) {
            return true;
        }
        try {
            fields.put("imageUrl", ctx.images().store(file.get(), "shop"));
            return true;
        } catch (KindredException e) {
            if (!Set.of("image_type", "image_too_large", "file_too_large").contains(e.code())) {
                throw e;
            }
            return false;
        }
    }

    private static Map<String, Object> formFields(Exchange x) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (String f : FORM_FIELDS) {
            String v = x.formValue(f).orElse(null);
            if (v != null) {
                fields.put(f, v);
            }
        }
        fields.put("active", x.formValue("active").orElse(null) != null);
        fields.put("exclusive", x.formValue("exclusive").orElse(null) != null);
        return fields;
    }
}
