package io.kindred.plugins.activities.meetups;

import io.kindred.api.PluginContext;
import io.kindred.api.membership.MembershipService;

/**
 * Who may join an event: everyone, members of a tier and above, plan holders, or members with a label. Tier and plan
 * rules need the membership plugin; while it is disabled they admit nobody (the editor hides those choices).
 */
final class Eligibility {

    private final PluginContext ctx;

    Eligibility(PluginContext ctx) {
        this.ctx = ctx;
    }

    boolean membershipOn() {
        return ctx.services().find(MembershipService.class).isPresent();
    }

    boolean mayJoin(Meetup e, long userId) {
        return switch (e.audience()) {
            case "tier" -> ctx.services().find(MembershipService.class)
                    .map(m -> m.tierRank(userId) >= Integer.parseInt(e.audienceValue())).orElse(false);
            case "plan" -> ctx.services().find(MembershipService.class).map(m -> m.hasActivePlan(userId)).orElse(false);
            case "label" -> ctx.members().labels(userId).contains(e.audienceValue());
            default -> true;
        };
    }
}
