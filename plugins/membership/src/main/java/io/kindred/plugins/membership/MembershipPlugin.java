package io.kindred.plugins.membership;

import io.kindred.api.KindredPlugin;
import io.kindred.api.PluginContext;
import io.kindred.api.events.Replay;
import io.kindred.api.ledger.AssetDefinition;
import io.kindred.api.membership.MembershipService;
import io.kindred.api.settings.SettingDefinition;
import io.kindred.api.web.Access;
import io.kindred.api.web.Routes;

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
        MembershipRoutes api = new MembershipRoutes(ctx, store, growth);

        ctx.migrations("db/membership");
        ctx.asset(AssetDefinition.of(Growth.ASSET).spendable(false));
        for (SettingDefinition<?> s : MembershipSettings.ALL) {
            ctx.setting(s);
        }
        ctx.messages("messages/membership");

        ctx.on("purchase.recorded", "growth-and-points", Replay.FROM_NOW, growth::onPurchase);
        ctx.on("purchase.refunded", "refunds", Replay.FROM_NOW, growth::onRefund);
        ctx.on("checkin.recorded", "growth-for-checkins", Replay.FROM_NOW, growth::onCheckin);
        ctx.on("post.published", "growth-for-posts", Replay.FROM_NOW, growth::onPost);

        ctx.provide(MembershipService.class, userId -> ctx.db().read(h -> growth.tierOf(h, userId).rank()));

        Routes r = ctx.routes();
        r.get("/api/v1/membership/me", Access.MEMBER, api::me);
        r.get("/api/v1/membership/tiers", Access.MEMBER, api::tiers);
        r.get("/api/v1/membership/plans", Access.MEMBER, api::plans);
    }
}
