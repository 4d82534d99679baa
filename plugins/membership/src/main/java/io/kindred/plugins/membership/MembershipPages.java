package io.kindred.plugins.membership;

import io.kindred.api.KindredException;
import io.kindred.api.PluginContext;
import io.kindred.api.users.Member;
import io.kindred.api.web.Exchange;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Member pages: the home widget (tier badge, progress to the next tier, benefits, plans) and
 * {@code /membership} (the member card, tiers and benefits, the plans on sale, redeeming an activation code).
 * Forms are plain POSTs that redirect back with a notice, so it all works without JavaScript.
 */
final class MembershipPages {

    private static final Set<String> NOTICED = Set.of("code_not_found", "code_already_used", "missing_field",
            "no_trial", "trial_used", "plan_not_found");

    private final PluginContext ctx;
    private final MembershipStore store;
    private final Plans plans;
    private final MembershipRoutes api;
    private final Benefits benefits;

    MembershipPages(PluginContext ctx, MembershipStore store, Plans plans, MembershipRoutes api, Benefits benefits) {
        this.benefits = benefits;
        this.ctx = ctx;
        this.store = store;
        this.plans = plans;
        this.api = api;
    }

    /** The model of the home widget and of the account page's member card: {@code card} for a member. */
    Map<String, Object> card(Member viewer, Locale locale) {
        Map<String, Object> m = new HashMap<>();
        if (viewer != null) {
            m.put("card", api.view(viewer.id(), locale));
        }
        return m;
    }

    /** {@code GET /membership}. */
    void page(Exchange x) {
        Locale locale = x.locale();
        Map<String, Object> m = new HashMap<>();
        m.put("card", api.view(x.requireMember().id(), locale));
        m.put("tiers", ctx.db().read(store::tiers).stream().map(t -> {
            Map<String, Object> j = t.json(locale);
            j.put("benefitList", benefits.json(t.benefits(), locale));
            return j;
        }).toList());
        long me = x.requireMember().id();
        m.put("plans", ctx.db().read(h -> plans.catalog(h).stream().map(p -> {
            Map<String, Object> j = p.json(locale);
            j.put("trialAvailable", p.trialDays() > 0 && plans.neverHeld(h, me, p.code()));
            j.put("benefitList", benefits.json(p.benefits(), locale));
            j.put("priceText", String.format(Locale.ROOT, "%d.%02d %s", p.price() / 100, p.price() % 100, p.currency()));
            return j;
        }).toList()));
        x.render("membership/membership", m);
    }

    /** {@code POST /membership/plans/{code}/trial}: the member starts the card's free trial. */
    void trial(Exchange x) {
        String notice = "membership.trial_started";
        try {
            plans.startTrial(x.requireMember().id(), x.pathParam("code"), x.locale());
        } catch (KindredException e) {
            if (!NOTICED.contains(e.code())) {
                throw e;
            }
            notice = "membership." + e.code();
        }
        x.redirect("/membership?notice=" + notice);
    }

    /** {@code POST /membership/redeem} with field {@code code}. */
    void redeem(Exchange x) {
        String code = x.formValue("code").orElse(null);
        String notice = "membership.redeemed";
        try {
            plans.redeem(x.requireMember().id(), code, x.locale());
        } catch (KindredException e) {
            if (!NOTICED.contains(e.code())) {
                throw e;
            }
            notice = "membership." + e.code();
        }
        x.redirect("/membership?notice=" + notice);
    }
}
