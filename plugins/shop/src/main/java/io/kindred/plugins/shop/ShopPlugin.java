package io.kindred.plugins.shop;

import io.kindred.api.KindredPlugin;
import io.kindred.api.PluginContext;
import io.kindred.api.badges.BadgeService;
import io.kindred.api.membership.Benefit;
import io.kindred.api.settings.SettingDefinition;
import io.kindred.api.ui.NavEntry;
import io.kindred.api.ui.Widget;
import io.kindred.api.web.Access;
import io.kindred.api.web.Routes;

/**
 * Points shop (积分商城): a catalog of physical items, coupons (优惠券) and badges (纪念徽章) redeemed for points,
 * with fulfilment by operators. Emits {@code redemption.created} and {@code redemption.cancelled}; offers the
 * {@link BadgeService}; offers the benefit {@code shop.exclusive} (exclusive items) and reads tiers and benefits
 * from the {@code MembershipService} when a plugin provides it.
 * The whole plugin, at a glance.
 */
public final class ShopPlugin extends KindredPlugin {

    @Override
    public void contribute(PluginContext ctx) {
        ItemStore itemStore = new ItemStore();
        Coupons coupons = new Coupons(ctx);
        Badges badges = new Badges(ctx);
        Catalog catalog = new Catalog(ctx, itemStore);
        Redemptions redemptions = new Redemptions(ctx, itemStore, new RedemptionStore(), coupons, badges);
        ShopRoutes api = new ShopRoutes(catalog, redemptions, ctx.clock());
        ShopAdminRoutes admin = new ShopAdminRoutes(catalog, redemptions, coupons, ctx.clock());
        ShopPages pages = new ShopPages(ctx, catalog, redemptions);
        ShopConsole console = new ShopConsole(ctx, catalog, redemptions, coupons);

        ctx.migrations("db/shop");
        for (SettingDefinition<?> setting : ShopSettings.ALL) {
            ctx.setting(setting);
        }
        ctx.messages("messages/shop");
        ctx.provide(BadgeService.class, badges);
        ctx.benefit(Benefit.of(Item.EXCLUSIVE_BENEFIT, "Exclusive points-shop items").named("zh", "积分商城专享"));

        Routes r = ctx.routes();
        r.get("/api/v1/shop/items", Access.MEMBER, api::items);
        r.get("/api/v1/shop/items/{id}", Access.MEMBER, api::item);
        r.post("/api/v1/shop/redemptions", Access.MEMBER, api::redeem);
        r.get("/api/v1/shop/redemptions/me", Access.MEMBER, api::mine);

        r.get("/api/v1/admin/shop/items", Access.OPERATOR, admin::items);
        r.post("/api/v1/admin/shop/items", Access.OPERATOR, admin::create);
        r.get("/api/v1/admin/shop/items/{id}", Access.OPERATOR, admin::item);
        r.patch("/api/v1/admin/shop/items/{id}", Access.OPERATOR, admin::update);
        r.post("/api/v1/admin/shop/items/{id}/coupons", Access.OPERATOR, admin::addCoupons);
        r.get("/api/v1/admin/shop/redemptions", Access.OPERATOR, admin::queue);
        r.post("/api/v1/admin/shop/redemptions/{id}/ship", Access.OPERATOR, admin::ship);
        r.post("/api/v1/admin/shop/redemptions/{id}/deliver", Access.OPERATOR, admin::deliver);
        r.post("/api/v1/admin/shop/redemptions/{id}/cancel", Access.OPERATOR, admin::cancel);

        r.get("/shop", Access.MEMBER, pages::grid);
        r.get("/shop/items/{id}", Access.MEMBER, pages::item);
        r.post("/shop/items/{id}/redeem", Access.MEMBER, pages::redeem);
        r.get("/shop/redemptions", Access.MEMBER, pages::mine);

        r.get("/console/shop", Access.OPERATOR, console::itemsPage);
        r.get("/console/shop/items/new", Access.OPERATOR, console::newItemPage);
        r.post("/console/shop/items", Access.OPERATOR, console::createForm);
        r.get("/console/shop/items/{id}", Access.OPERATOR, console::editItemPage);
        r.post("/console/shop/items/{id}", Access.OPERATOR, console::updateForm);
        r.post("/console/shop/items/{id}/coupons", Access.OPERATOR, console::couponsForm);
        r.get("/console/shop/redemptions", Access.OPERATOR, console::queuePage);
        r.get("/console/shop/redemptions.csv", Access.OPERATOR, console::exportCsv);
        r.post("/console/shop/redemptions/{id}/ship", Access.OPERATOR, console::shipForm);
        r.post("/console/shop/redemptions/{id}/deliver", Access.OPERATOR, console::deliverForm);
        r.post("/console/shop/redemptions/{id}/cancel", Access.OPERATOR, console::cancelForm);

        ctx.nav(NavEntry.member("shop.nav", "/shop", 30));
        ctx.nav(NavEntry.console("shop.console.nav", "/console/shop", 40));
        ctx.widget(new Widget("shop", "shop/widget", 20, pages::widget));
    }
}
