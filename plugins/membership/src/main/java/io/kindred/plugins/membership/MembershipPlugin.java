package io.kindred.plugins.membership;

import io.kindred.api.KindredPlugin;
import io.kindred.api.PluginContext;
import io.kindred.api.events.Replay;
import io.kindred.api.notifications.NotificationType;
import io.kindred.api.jobs.Schedule;
import io.kindred.api.ledger.AssetDefinition;
import io.kindred.api.membership.MembershipService;
import io.kindred.api.settings.SettingDefinition;
import io.kindred.api.ui.NavEntry;
import io.kindred.api.ui.Widget;
import io.kindred.api.web.Access;
import io.kindred.api.web.Routes;

import java.time.LocalTime;
import java.util.Map;

/**
 * Membership (会员): growth value (成长值, a non-spendable asset) earned from purchases, check-ins and posts
 * lifts members through tiers V1–V5 (社区菜鸟 … 社区领袖); purchases also earn points × the tier multiplier;
 * refunds take both back (rule in {@link Growth}). Emits {@code tier.changed}; provides
 * {@link MembershipService}. The whole plugin, at a glance.
 */
public final class MembershipPlugin extends KindredPlugin {

    @Override
    public void contribute(PluginContext ctx) {
        MembershipStore store = new MembershipStore(ctx.db());
        Growth growth = new Growth(ctx, store);
        
        PlanStore planStore = new PlanStore();
        Plans plans = new Plans(ctx, planStore);
        PluginPlanGrants pluginGrants = new PluginPlanGrants(ctx, planStore, plans);
        Benefits benefits = new Benefits(ctx);
        MembershipRoutes api = new MembershipRoutes(ctx, store, growth, plans, benefits);
        MembershipAdmin admin = new MembershipAdmin(ctx, new Tiers(ctx, store, benefits), new PlanCatalog(ctx, planStore, benefits), plans, benefits);
        MembershipPages pages = new MembershipPages(ctx, store, plans, api, benefits);
        Bonuses bonuses = new Bonuses(ctx, planStore, api::benefits);
        api.jobs(Map.of("expire-plans", now -> plans.expire(now.toEpochMilli()),
                "remind-expiring-cards", now -> plans.remindExpiring(now.toEpochMilli()),
                "birthday-bonus", bonuses::birthdays, "monthly-bonus", bonuses::monthly, "tier-review", growth::review));

        ctx.migrations("db/membership");
        ctx.asset(AssetDefinition.of(Growth.ASSET).spendable(false));
        Benefits.BUILT_IN.forEach(ctx::benefit);
        ctx.memberFilter(new TierFilter(ctx));
        for (SettingDefinition<?> s : MembershipSettings.ALL) {
            ctx.setting(s);
        }
        ctx.messages("messages/membership");
        ctx.templates("templates");

        ctx.on("purchase.recorded", "growth-and-points", Replay.FROM_NOW, growth::onPurchase);
        ctx.on("purchase.recorded", "plans-from-purchases", Replay.FROM_NOW, plans::onPurchase);
        ctx.on("purchase.refunded", "refunds", Replay.FROM_NOW, growth::onRefund);
        ctx.on("purchase.refunded", "plan-refunds", Replay.FROM_NOW, plans::onRefund);
        ctx.on("checkin.recorded", "growth-for-checkins", Replay.FROM_NOW, growth::onCheckin);
        ctx.on("customer.imported", "growth-for-imported-spend", Replay.FROM_NOW, growth::onImportedSpend);
        ctx.on("checkin.recorded", "checkin-bonus", Replay.FROM_NOW, bonuses::onCheckin);
        ctx.on("post.published", "growth-for-posts", Replay.FROM_NOW, growth::onPost);
        ctx.on("member.merged", "merge-members", Replay.FROM_NOW, new MembershipMerges(ctx, store, growth)::onMerged);
        ctx.personalData(new MembershipPersonalData(ctx, api::benefits));
        ctx.notificationType(NotificationType.of(Growth.NOTIFY_TIER_UP));
        ctx.on("tier.changed", "notify-tier-up", Replay.FROM_NOW, growth::onTierChanged);

        ctx.notificationType(NotificationType.of(Plans.NOTIFY_CARD_EXPIRING));
        ctx.notificationType(NotificationType.of(Plans.NOTIFY_CARD_EXPIRED));
        ctx.job("remind-expiring-cards", Schedule.dailyAt(LocalTime.of(9, 0)), now -> plans.remindExpiring(now.toEpochMilli()));
        ctx.job("expire-plans", Schedule.dailyAt(LocalTime.of(0, 5)), now -> plans.expire(now.toEpochMilli()));
        ctx.job("birthday-bonus", Schedule.dailyAt(LocalTime.of(8, 0)), bonuses::birthdays);
        ctx.job("monthly-bonus", Schedule.dailyAt(LocalTime.of(0, 15)), bonuses::monthly);
        ctx.job("tier-review", Schedule.dailyAt(LocalTime.of(0, 30)), growth::review);

        ctx.provide(MembershipService.class, new MembershipService() {
            @Override
            public int tierRank(long userId) {
                return ctx.db().read(h -> growth.tierOf(h, userId).rank());
            }

            @Override
            public boolean hasBenefit(long userId, String benefitCode) {
                return ctx.db().read(h -> api.benefits(h, userId).contains(benefitCode));
            }

            @Override
            public boolean hasActivePlan(long userId) {
                return ctx.db().read(h -> !plans.activePlans(h, userId, java.util.Locale.ENGLISH).isEmpty());
            }

            @Override
            public java.util.Optional<io.kindred.api.membership.Standing> standing(long userId, java.util.Locale locale) {
                return java.util.Optional.of(api.standing(userId, locale));
            }

            @Override
            public boolean grantPlan(long userId, String planCode, String source, String key) {
                return pluginGrants.grant(userId, planCode, source, key);
            }
        });

        Routes r = ctx.routes();
        ctx.openApi("openapi/membership.json");
        r.group("/api/v1/membership", Access.MEMBER, g -> {
            g.get("/me", api::me);
            g.get("/tiers", api::tiers);
            g.get("/plans", api::plans);
            g.post("/redeem", api::redeem);
            g.post("/plans/{code}/trial", api::trial);
        });
        r.group("/api/v1/admin/membership", Access.OPERATOR, g -> {
            g.post("/grants", api::grant);
            g.delete("/grants", api::revoke);
            g.post("/codes", api::generateCodes);
            g.get("/codes", admin::batches);
            g.get("/codes/{batchId}", admin::batch);
            g.post("/jobs/{job}/run", api::runJob);
            g.get("/tiers", admin::tiers);
            g.put("/tiers/{code}", admin::putTier);
            g.delete("/tiers/{code}", admin::deleteTier);
            g.get("/plans", admin::plans);
            g.put("/plans/{code}", admin::putPlan);
            g.get("/stats", admin::stats);
        });
        r.group("/membership", Access.MEMBER, g -> {
            g.get("", pages::page);
            g.post("/redeem", pages::redeem);
            g.post("/plans/{code}/trial", pages::trial);
        });
        r.group("/console/membership", Access.OPERATOR, g -> {
            g.get("", admin::page);
            g.post("/tiers", admin::tierForm);
            g.post("/tiers/{code}", admin::tierForm);
            g.post("/tiers/{code}/delete", admin::deleteTierForm);
            g.post("/plans", admin::planForm);
            g.post("/plans/{code}", admin::planForm);
            g.post("/codes", admin::codesForm);
            g.get("/batches/{batchId}/codes.csv", admin::batchCsv);
            g.post("/grants", admin::grantForm);
            g.post("/grants/revoke", admin::revokeForm);
        });

        ctx.nav(NavEntry.member("membership.nav", "/membership", 30).withIcon("crown"));
        ctx.nav(NavEntry.console("membership.console.nav", "/console/membership", 35));
        ctx.widget(Widget.localized("membership", "membership/widget", 8, pages::card));
        ctx.accountSection(Widget.localized("membership", "membership/account", 10, pages::card));
    }
}
