package io.kindred.plugins.membership;

import io.kindred.api.KindredException;
import io.kindred.api.PluginContext;
import io.kindred.api.web.Exchange;
import io.kindred.api.web.Page;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The members' JSON API under {@code /api/v1/membership}. */
final class MembershipRoutes {

    /** {@code POST /api/v1/membership/redeem}. */
    record RedeemBody(String code) {
    }

    /** {@code POST /api/v1/admin/membership/grants}, and the body of a {@code DELETE} of one. */
    record GrantBody(long userId, String planCode) {
    }

    /** {@code POST /api/v1/admin/membership/codes}. */
    record CodesBody(String planCode, int count, Optional<String> note) {
    }

    private final PluginContext ctx;
    private final MembershipStore store;
    private final Growth growth;
    private final Plans plans;
    private final Benefits benefitNames;

    MembershipRoutes(PluginContext ctx, MembershipStore store, Growth growth, Plans plans, Benefits benefitNames) {
        this.benefitNames = benefitNames;
        this.ctx = ctx;
        this.store = store;
        this.growth = growth;
        this.plans = plans;
    }

    /** @return codes of the benefits the member has through their tier and active plans */
    List<String> benefits(org.jdbi.v3.core.Handle h, long userId) {
        List<String> codes = new java.util.ArrayList<>(growth.tierOf(h, userId).benefits());
        codes.addAll(plans.planBenefits(h, userId));
        return codes.stream().distinct().toList();
    }

    /**
     * {@code GET /api/v1/membership/me} → {@code {"tier":{code,name,rank},"growth":n,
     * "next":{code,growthNeeded}|null,"pointsDebt":n,"tierReviewAt":date|null,"plans":[],"benefits":[]}}; under the
     * yearly downgrade policy {@code growth} is the growth of the last 12 months and {@code tierReviewAt} the
     * day of the member's next tier review.
     */
    void me(Exchange x) {
        Map<String, Object> body = view(x.requireMember().id(), x.locale());
        body.remove("progress");
        body.remove("tierDetail");
        x.json(body);
    }

    /** @return what the member sees of their membership: the body of {@code /me} plus page-only fields */
    Map<String, Object> view(long userId, java.util.Locale locale) {
        return ctx.db().read(h -> {
            List<Tier> tiers = store.tiers(h);
            Tier tier = growth.tierOf(h, userId);
            long g = growth.countedGrowth(h, userId);
            Tier next = Growth.next(tiers, tier);
            Map<String, Object> body = new LinkedHashMap<>();
            Map<String, Object> tierJson = new LinkedHashMap<>();
            tierJson.put("code", tier.code());
            tierJson.put("name", tier.name(locale));
            tierJson.put("rank", tier.rank());
            body.put("tier", tierJson);
            body.put("growth", g);
            Map<String, Object> nextJson = null;
            if (next != null) {
                nextJson = new LinkedHashMap<>();
                nextJson.put("code", next.code());
                nextJson.put("name", next.name(locale));
                nextJson.put("growthNeeded", Math.max(0, next.threshold() - g));
            }
            body.put("next", nextJson);
            body.put("pointsDebt", store.debt(h, userId));
            body.put("tierReviewAt", !growth.yearly() ? null : store.reviewedAt(h, userId)
                    .map(at -> java.time.Instant.ofEpochMilli(at).atZone(ctx.siteZone()).plusMonths(12).toLocalDate().toString())
                    .orElse(null));
            body.put("plans", plans.activePlans(h, userId, locale));
            body.put("benefits", benefitNames.json(benefits(h, userId), locale));
            long span = next == null ? 1 : Math.max(1, next.threshold() - tier.threshold());
            body.put("progress", next == null ? 100 : (int) Math.min(100, Math.max(0, (g - tier.threshold()) * 100 / span)));
            body.put("tierDetail", tier.json(locale));
            return body;
        });
    }

    /** @return where the member stands, for the member card of the member centre (kindred-api {@code Standing}) */
    io.kindred.api.membership.Standing standing(long userId, java.util.Locale locale) {
        return ctx.db().read(h -> {
            Tier tier = growth.tierOf(h, userId);
            long g = growth.countedGrowth(h, userId);
            Tier next = Growth.next(store.tiers(h), tier);
            long span = next == null ? 1 : Math.max(1, next.threshold() - tier.threshold());
            int progress = next == null ? 100 : (int) Math.min(100, Math.max(0, (g - tier.threshold()) * 100 / span));
            return new io.kindred.api.membership.Standing(tier.code(), tier.name(locale), tier.colour(), g,
                    next == null ? null : next.code(), next == null ? 0 : Math.max(0, next.threshold() - g), progress);
        });
    }

    /** {@code GET /api/v1/membership/tiers} → {@code {"items":[tier…]}}, lowest first. */
    void tiers(Exchange x) {
        x.json(Page.all(ctx.db().read(store::tiers).stream().map(t -> t.json(x.locale())).toList()));
    }

    /** {@code GET /api/v1/membership/plans} → {@code {"items":[plan…]}}: the plans on sale. */
    void plans(Exchange x) {
        x.json(Page.all(ctx.db().read(plans::catalog).stream().map(p -> memberView(p, x.locale())).toList()));
    }

    /** A plan as members see it: its benefits only those a started plugin offers (the others do nothing now). */
    private Map<String, Object> memberView(Plan p, java.util.Locale locale) {
        Map<String, Object> m = p.json(locale);
        m.put("benefits", benefitNames.offeredOnly(p.benefits()));
        return m;
    }

    /** {@code POST /api/v1/membership/redeem {"code"}} → 201 {@code {"plan":{code,name,endsAt}}}. */
    void redeem(Exchange x) {
        x.json(201, Map.of("plan", plans.redeem(x.requireMember().id(), x.body(RedeemBody.class).code(), x.locale())));
    }

    /** {@code POST /api/v1/membership/plans/{code}/trial} → 201 {@code {"plan":{code,name,endsAt}}}. */
    void trial(Exchange x) {
        x.json(201, Map.of("plan", plans.startTrial(x.requireMember().id(), x.pathParam("code"), x.locale())));
    }

    /** {@code POST /api/v1/admin/membership/grants {"userId","planCode"}} → 201 {@code {"grant":{userId,planCode,endsAt}}}. */
    void grant(Exchange x) {
        GrantBody b = x.body(GrantBody.class);
        long userId = b.userId();
        String planCode = b.planCode();
        Long endsAt = plans.grant(userId, planCode, x.idempotencyKey().orElse(null));
        Map<String, Object> g = new LinkedHashMap<>();
        g.put("userId", userId);
        g.put("planCode", planCode);
        g.put("endsAt", endsAt == null ? null : java.time.Instant.ofEpochMilli(endsAt).toString());
        x.json(201, Map.of("grant", g));
    }

    /**
     * {@code DELETE /api/v1/admin/membership/grants?userId=&planCode=} (or the same as a JSON body) → 204;
     * 404 {@code not_holding} when the member does not hold the plan.
     */
    void revoke(Exchange x) {
        GrantBody b = x.query("userId").isPresent()
                ? new GrantBody(userIdOf(x.query("userId").get()), x.query("planCode").orElse(null))
                : x.body(GrantBody.class);
        if (!plans.revoke(b.userId(), b.planCode())) {
            throw new KindredException(MembershipError.NOT_HOLDING, "The member does not hold this plan.");
        }
        x.noContent();
    }

    /** {@code POST /api/v1/admin/membership/codes {"planCode","count","note"?}} → 201 {@code {"batch":{id,planCode,size,codes}}}. */
    void generateCodes(Exchange x) {
        CodesBody b = x.body(CodesBody.class);
        x.json(201, Map.of("batch", plans.generate(b.planCode(), b.count(), b.note().orElse(null),
                x.member().map(m -> m.id()).orElse(null))));
    }

    private Map<String, java.util.function.ToIntFunction<java.time.Instant>> jobs = Map.of();

    /** @param jobs the daily jobs an operator may run at once, by name */
    void jobs(Map<String, java.util.function.ToIntFunction<java.time.Instant>> jobs) {
        this.jobs = jobs;
    }

    /**
     * {@code POST /api/v1/admin/membership/jobs/{job}/run} ({@code expire-plans}, {@code birthday-bonus},
     * {@code monthly-bonus}) → {@code {"job":name,"count":n}}: a daily job, now (it is idempotent).
     */
    void runJob(Exchange x) {
        String name = x.pathParam("job");
        var job = jobs.get(name);
        if (job == null) {
            throw new KindredException(MembershipError.JOB_NOT_FOUND, "There is no membership job '" + name + "'.");
        }
        x.json(Map.of("job", name, "count", job.applyAsInt(ctx.clock().instant())));
    }

    /** The {@code userId} query parameter of a {@code DELETE}. */
    private static long userIdOf(String v) {
        try {
            return Long.parseLong(v.strip());
        } catch (NumberFormatException e) {
            throw KindredException.invalidField("The parameter 'userId' must be a member id.");
        }
    }
}
