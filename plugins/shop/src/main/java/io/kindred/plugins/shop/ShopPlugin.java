package io.kindred.plugins.shop;

import io.kindred.api.KindredPlugin;
import io.kindred.api.PluginContext;
import io.kindred.api.badges.BadgeService;
import io.kindred.api.membership.Benefit;
import io.kindred.api.notifications.NotificationType;
import io.kindred.api.settings.SettingDefinition;
import io.kindred.api.ui.NavEntry;
import io.kindred.api.ui.Widget;
import io.kindred.api.web.Access;
import io.kindred.api.web.Routes;
import io.kindred.api.web.Scope;

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
        ctx.on("member.merged", "merge-members", new ShopMerges()::onMerged);
        ctx.personalData(new ShopPersonalData());
        for (SettingDefinition<?> setting : ShopSettings.ALL) {
            ctx.setting(setting);
        }
        ctx.messages("messages/shop");
        ctx.notificationType(NotificationType.of(Redemptions.NOTIFY_SHIPPED));
        ctx.notificationType(NotificationType.of(Redemptions.NOTIFY_CANCELLED));
        ctx.provide(BadgeService.class, badges);
        ctx.benefit(Benefit.of(Item.EXCLUSIVE_BENEFIT, "Exclusive points-shop items").named("zh", "积分商城专享"));

        Routes r = ctx.routes();
        ctx.openApi("openapi/shop.json");
        r.group("/api/v1/shop", Access.MEMBER, g -> {
            g.get("/items", api::items);
            g.get("/items/{id}", api::item);
            g.post("/redemptions", api::redeem);
            g.get("/redemptions/me", api::mine);
        });
        r.group("/api/v1/admin/shop", Access.OPERATOR, Scope.SHOP_WRITE, g -> {
            g.get("/items", admin::items);
            g.post("/items", admin::create);
            g.get("/items/{id}", admin::item);
            g.patch("/items/{id}", admin::update);
            g.post("/items/{id}/coupons", admin::addCoupons);
            g.get("/redemptions", admin::queue);
            g.post("/redemptions/{id}/ship", admin::ship);
            g.post("/redemptions/{id}/deliver", admin::deliver);
            g.post("/redemptions/{id}/cancel", admin::cancel);
        });
        r.group("/shop", Access.MEMBER, g -> {
            g.get("", pages::grid);
            g.get("/items/{id}", pages::item);
            g.post("/items/{id}/redeem", pages::redeem);
            g.get("/redemptions", pages::mine);
        });
        r.group("/console/shop", Access.OPERATOR, g -> {
            g.get("", console::itemsPage);
            g.get("/items/new", console::newItemPage);
            g.post("/items", console::createForm);
            g.get("/items/{id}", console::editItemPage);
            g.post("/items/{id}", console::updateForm);
            g.post("/items/{id}/coupons", console::couponsForm);
            g.get("/redemptions", console::queuePage);
            g.get("/redemptions.csv", console::exportCsv);
            g.post("/redemptions/{id}/ship", console::shipForm);
            g.post("/redemptions/{id}/deliver", console::deliverForm);
            g.post("/redemptions/{id}/cancel", console::cancelForm);
        });

        ctx.nav(NavEntry.member("shop.nav", "/shop", 30).withIcon("shop"));
        ctx.nav(NavEntry.console("shop.console.nav", "/console/shop", 40));
        ctx.setupStep(new io.kindred.api.ui.SetupStep("shop.first-item", "shop.setup.firstItem", "/console/shop/items/new",
                catalog::hasItems));
        ctx.widget(new Widget("shop", "shop/widget", 20, pages::widget));
    }
}
