package io.kindred.plugins.shop.fake;

import io.kindred.api.KindredPlugin;
import io.kindred.api.PluginContext;
import io.kindred.api.membership.Benefit;
import io.kindred.api.membership.MembershipService;
import io.kindred.api.web.Access;

import java.util.Map;

/**
 * A stand-in for the membership plugin: members whose email starts with {@code v<N>-} are at tier rank N,
 * everyone else at rank 1; members whose email ends in {@code -perks@<domain>} hold every benefit, nobody
 * else holds any. It also lists the benefits offered on the platform ({@code ctx.benefits()}) at
 * {@code GET /api/v1/membership-fake/benefits}. The shop's tests pack this class and {@link Membership} into a
 * plugin jar of their own ({@code Fixture.fakeMembershipJar}).
 */
public final class FakeMembershipPlugin extends KindredPlugin {

    @Override
    public void contribute(PluginContext ctx) {
        ctx.provide(MembershipService.class, new Membership(ctx));
        ctx.routes().get("/api/v1/membership-fake/benefits", Access.OPERATOR,
                x -> x.json(Map.of("items", ctx.benefits().stream().map(Benefit::code).toList())));
    }

    /** Tiers and benefits read from the member's email, so that a test chooses them by the address it signs up with. */
    public static final class Membership implements MembershipService {

        private final PluginContext ctx;

        Membership(PluginContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public int tierRank(long userId) {
            return ctx.members().find(userId)
                    .map(m -> m.email().matches("v\\d-.*") ? m.email().charAt(1) - '0' : 1).orElse(0);
        }

        @Override
        public boolean hasBenefit(long userId, String benefitCode) {
            return ctx.members().find(userId).map(m -> m.email().contains("-perks@")).orElse(false);
        }
    }
}
