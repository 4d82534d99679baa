package io.kindred.plugins.shop.fake;

import io.kindred.api.KindredPlugin;
import io.kindred.api.PluginContext;
import io.kindred.api.membership.MembershipService;

/**
 * A stand-in for the membership plugin: members whose email starts with {@code v<N>-} are at tier rank N,
 * everyone else at rank 1. {@code TierIT} packs this class into a plugin jar of its own.
 */
public final class FakeMembershipPlugin extends KindredPlugin {

    @Override
    public void contribute(PluginContext ctx) {
        ctx.provide(MembershipService.class, userId -> ctx.members().find(userId)
                .map(m -> m.email().matches("v\\d-.*") ? m.email().charAt(1) - '0' : 1).orElse(0));
    }
}
