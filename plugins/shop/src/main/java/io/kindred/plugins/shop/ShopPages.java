package io.kindred.plugins.shop;

import io.kindred.api.KindredException;
import io.kindred.api.PluginContext;
import io.kindred.api.users.Member;
import io.kindred.api.web.Exchange;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The member pages: the shop grid with categories and "you can afford" hints, the item page with its redeem
 * form (address confirmation for physical items), my redemptions with tracking, and the home widget. Forms
 * are plain POSTs that redirect with a notice, so everything works without JavaScript.
 */
final class ShopPages {

    /** Refusals a form turns into a notice on the item page instead of an error page. */
    private static final Set<String> NOTICED = Set.of("insufficient_points", "out_of_stock", "limit_reached",
            "tier_required", "benefit_required", "not_available", "address_required", "invalid_field");

    private final PluginContext ctx;
    private final Catalog catalog;
    private final Redemptions redemptions;

    ShopPages(PluginContext ctx, Catalog catalog, Redemptions redemptions) {
        this.ctx = ctx;
        this.catalog = catalog;
        this.redemptions = redemptions;
    }

    /** The home widget: balance and how many items the viewer can afford. */
    Map<String, Object> widget(Member viewer) {
        Map<String, Object> m = new HashMap<>();
        Instant now = ctx.clock().instant();
        List<Item> open = catalog.all(true).stream().filter(i -> i.availableAt(now)).toList();
        m.put("itemCount", open.size());
        if (viewer != null) {
            long balance = ctx.ledger().balance(viewer.id(), Redemptions.ASSET);
            m.put("balance", balance);
            m.put("affordable", open.stream().filter(i -> i.pricePoints() <= balance).count());
        }
        return m;
    }

    /** {@code GET /shop?category=}. */
    void grid(Exchange x) {
        long memberId = x.requireMember().id();
        long balance = ctx.ledger().balance(memberId, Redemptions.ASSET);
        Instant now = ctx.clock().instant();
        String category = x.query("category").orElse("");
        List<Item> shown = catalog.all(true).stream()
                .filter(i -> category.isEmpty() || category.equals(i.category())).toList();
        // asked once per page, and only when there is an exclusive item to mark
        boolean exclusiveAllowed = shown.stream().anyMatch(Item::exclusive) && redemptions.hasExclusiveBenefit(memberId);
        List<Map<String, Object>> items = shown.stream().map(i -> view(i, balance, now, exclusiveAllowed)).toList();
        Map<String, Object> model = new HashMap<>();
        model.put("items", items);
        model.put("categories", catalog.categories());
        model.put("category", category);
        model.put("balance", balance);
        x.render("shop/grid", model);
    }

    /** {@code GET /shop/items/{id}}: the item and its redeem form. */
    void item(Exchange x) {
        Member me = x.requireMember();
        Item item = catalog.find(x.pathParamAsId("id"));
        if (!item.active()) {
            throw KindredException.notFound("There is no such item in the shop.");
        }
        long balance = ctx.ledger().balance(me.id(), Redemptions.ASSET);
        boolean exclusiveAllowed = item.exclusive() && redemptions.hasExclusiveBenefit(me.id());
        Map<String, Object> model = new HashMap<>();
        model.put("item", view(item, balance, ctx.clock().instant(), exclusiveAllowed));
        model.put("balance", balance);
        model.put("physical", Item.PHYSICAL.equals(item.kind()));
        model.put("address", Optional.ofNullable(redemptions.profileAddress(me.id())).orElse(""));
        model.put("formKey", UUID.randomUUID().toString());
        model.put("maxQuantity", ctx.settings().get(ShopSettings.MAX_QUANTITY));
        x.render("shop/item", model);
    }

    /** {@code POST /shop/items/{id}/redeem} with fields quantity, shippingAddress, key (one per form shown). */
    void redeem(Exchange x) {
        long id = x.pathParamAsId("id");
        String quantity = x.formValue("quantity").orElse(null);
        String key = x.formValue("key").orElse(null);
        try {
            int q = quantity == null || quantity.isBlank() ? 1 : (int) ShopRoutes.wholeNumber("quantity", quantity);
            redemptions.redeem(x.requireMember().id(), id, q, ShopRoutes.address(x.formValue("shippingAddress").orElse(null)),
                    key == null || key.isBlank() ? x.idempotencyKey() : Optional.of("form:" + key.strip()));
        } catch (KindredException e) {
            if (!NOTICED.contains(e.code())) {
                throw e;
            }
            x.redirect("/shop/items/" + id + "?notice=shop." + e.code());
            return;
        }
        x.redirect("/shop/redemptions?notice=shop.redeemed");
    }

    /** {@code GET /shop/redemptions}: my redemptions with status, tracking and coupon codes. */
    void mine(Exchange x) {
        List<Map<String, Object>> items = redemptions.ofMember(x.requireMember().id(), Long.MAX_VALUE, 100).stream()
                .map(Redemption::json).toList();
        x.render("shop/redemptions", Map.of("redemptions", items));
    }

    /**
     * @param exclusiveAllowed whether the viewer holds the benefit that opens exclusive items (read for exclusive
     *                         items only, so callers need not ask the membership service for the others)
     */
    private static Map<String, Object> view(Item i, long balance, Instant now, boolean exclusiveAllowed) {
        Map<String, Object> m = new HashMap<>(i.json(now));
        m.put("locked", i.exclusive() && !exclusiveAllowed);
        m.put("affordable", i.pricePoints() <= balance);
        m.put("shortBy", Math.max(0, i.pricePoints() - balance));
        Long left = i.left();
        m.put("soldOut", left != null && left <= 0);
        m.put("left", left == null ? "" : String.valueOf(left));
        m.put("hasImage", i.imageUrl() != null && !i.imageUrl().isBlank());
        return m;
    }

}
