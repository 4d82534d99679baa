package io.kindred.plugins.membership.fake;

import io.kindred.api.KindredPlugin;
import io.kindred.api.PluginContext;
import io.kindred.api.membership.Benefit;
import io.kindred.api.membership.MembershipService;
import io.kindred.api.web.Access;

import java.util.Map;

/**
 * A third-party plugin offering its own benefit {@code perk.lounge} through kindred-api, as the points shop
 * and distribution do. {@code GET /api/v1/perk} answers what the registry holds and whether the signed-in
 * member has the perk. {@code BenefitsIT} packs it into a plugin jar of its own.
 */
public final class PerkPlugin extends KindredPlugin {

    @Override
    public void contribute(PluginContext ctx) {
        ctx.benefit(Benefit.of("perk.lounge", "Lounge access").named("zh", "贵宾休息室"));
        ctx.routes().get("/api/v1/perk", Access.MEMBER, x -> x.json(Map.of(
                "offered", ctx.benefits().stream().map(Benefit::code).toList(),
                "has", ctx.services().find(MembershipService.class)
                        .map(m -> m.hasBenefit(x.requireMember().id(), "perk.lounge")).orElse(false))));
    }
}
