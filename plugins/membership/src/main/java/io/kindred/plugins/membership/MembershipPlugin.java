package io.kindred.plugins.membership;

import io.kindred.api.KindredPlugin;
import io.kindred.api.PluginContext;
import io.kindred.api.events.Replay;
import io.kindred.api.jobs.Schedule;
import io.kindred.api.ledger.AssetDefinition;
import io.kindred.api.membership.MembershipService;
import io.kindred.api.settings.SettingDefinition;
import io.kindred.api.web.Access;
import io.kindred.api.web.Routes;

import java.time.LocalTime;

/**
 * Membership (会员): growth value (成长值, a non-spendable asset) earned from purchases, check-ins and posts
 * lifts members through tiers V1–V5 (社区菜鸟 … 社区领袖); purchases also earn points × the tier multiplier;
 * refunds take both back (rule in {@link Growth}). Emits {@code tier.changed}; provides
 * {@link MembershipService}. The whole plugin, at a glance.
 */
public final class MembershipPlugin extends KindredPlugin {

    @Override
    public void contribute(PluginContext ctx) {
        MembershipStore store = new MembershipStore();
        Growth growth = new Growth(ctx, store);
        Plans plans = new Plans(ctx, new PlanStore());
        MembershipRoutes api = new MembershipRoutes(ctx, store, growth, plans);

        ctx.migrations("db/membership");
        ctx.asset(AssetDefinition.of(Growth.ASSET).spendable(false));
        for (SettingDefinition<?> s : MembershipSettings.ALL) {
            ctx.setting(s);
        }
        ctx.messages("messages/membership");

        ctx.on("purchase.recorded", "growth-and-points", Replay.FROM_NOW, growth::onPurchase);
        ctx.on("purchase.recorded", "plans-from-purchases", Replay.FROM_NOW, plans::onPurchase);
        ctx.on("purchase.refunded", "refunds", Replay.FROM_NOW, growth::onRefund);
        ctx.on("checkin.recorded", "growth-for-checkins", Replay.FROM_NOW, growth::onCheckin);
        ctx.on("post.published", "growth-for-posts", Replay.FROM_NOW, growth::onPost);

        ctx.job("expire-plans", Schedule.dailyAt(LocalTime.of(0, 5)), now -> plans.expire(now.toEpochMilli()));

        ctx.provide(MembershipService.class, new MembershipService() {
            @Override
            public int tierRank(long userId) {
                return ctx.db().read(h -> growth.tierOf(h, userId).rank());
            }

            @Override
            public boolean hasBenefit(long userId, String benefitCode) {
                return ctx.db().read(h -> api.benefits(h, userId).contains(benefitCode));
            }
        });

        Routes r = ctx.routes();
        r.get("/api/v1/membership/me", Access.MEMBER, api::me);
        r.get("/api/v1/membership/tiers", Access.MEMBER, api::tiers);
        r.get("/api/v1/membership/plans", Access.MEMBER, api::plans);
        r.post("/api/v1/membership/redeem", Access.MEMBER, api::redeem);
        r.post("/api/v1/admin/membership/grants", Access.OPERATOR, api::grant);
        r.delete("/api/v1/admin/membership/grants", Access.OPERATOR, api::revoke);
        r.post("/api/v1/admin/membership/codes", Access.OPERATOR, api::generateCodes);
        r.post("/api/v1/admin/membership/expiry/run", Access.OPERATOR, api::runExpiry);
    }
}
