package io.kindred.plugins.membership;

import io.kindred.api.CoreError;
import io.kindred.api.KindredException;
import io.kindred.api.PluginContext;
import io.kindred.api.users.Member;
import io.kindred.api.web.Exchange;
import io.kindred.api.web.Page;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Operators: tier and plan editing under {@code /api/v1/admin/membership/...} and the console page
 * {@code /console/membership} (members per tier, plan holders with expiry, tiers editor, plans editor). It
 * translates HTTP; {@link Tiers}, {@link PlanCatalog} and {@link Plans} decide.
 */
final class MembershipAdmin {

    private final PluginContext ctx;
    private final Tiers tiers;
    private final PlanCatalog catalog;
    private final Plans holdings;
    private final Benefits benefits;

    MembershipAdmin(PluginContext ctx, Tiers tiers, PlanCatalog catalog, Plans holdings, Benefits benefits) {
        this.ctx = ctx;
        this.tiers = tiers;
        this.catalog = catalog;
        this.holdings = holdings;
        this.benefits = benefits;
    }

    // ---- API ----

    /** {@code GET /api/v1/admin/membership/tiers} → {@code {"items":[tier…]}}. */
    void tiers(Exchange x) {
        x.json(new Page<>(tiers.all().stream().map(t -> t.json(x.locale())).toList(), null));
    }

    /**
     * {@code PUT /api/v1/admin/membership/tiers/{code}} with any of {@link TierChange}'s fields → {@code {"tier":...}};
     * a new code adds a tier above the highest (201).
     */
    void putTier(Exchange x) {
        Tiers.Saved saved = tiers.save(x.pathParam("code"), x.body(TierChange.class));
        x.json(saved.created() ? 201 : 200, Map.of("tier", saved.tier().json(x.locale())));
    }

    /** {@code DELETE /api/v1/admin/membership/tiers/{code}} → 204 (see {@link Tiers#remove}). */
    void deleteTier(Exchange x) {
        tiers.remove(x.pathParam("code"));
        x.noContent();
    }

    /** {@code GET /api/v1/admin/membership/plans} → every plan, on sale or not. */
    void plans(Exchange x) {
        x.json(new Page<>(catalog.all().stream().map(p -> p.json(x.locale())).toList(), null));
    }

    /** {@code PUT /api/v1/admin/membership/plans/{code}} with {@link PlanChange}'s fields → {@code {"plan":...}}. */
    void putPlan(Exchange x) {
        x.json(Map.of("plan", catalog.save(x.pathParam("code"), x.body(PlanChange.class)).json(x.locale())));
    }

    /** {@code GET /api/v1/admin/membership/stats} → members per tier and current plan holders. */
    void stats(Exchange x) {
        x.json(statsModel(x.locale()));
    }

    /** {@code GET /api/v1/admin/membership/codes} → {@code {"items":[{id,planCode,size,used,note,createdAt}]}}, newest first. */
    void batches(Exchange x) {
        x.json(new Page<>(catalog.batches(500), null));
    }

    /** {@code GET /api/v1/admin/membership/codes/{batchId}} → {@code {"batch":{…,"codes":[{code,redeemedBy,redeemedAt}]}}}. */
    void batch(Exchange x) {
        x.json(Map.of("batch", catalog.batchWithCodes(x.pathParamAsId("batchId"))));
    }

    // ---- console ----

    /** {@code GET /console/membership}. */
    void page(Exchange x) {
        Map<String, Object> m = new HashMap<>(statsModel(x.locale()));
        List<Tier> ladder = tiers.all();
        m.put("tierList", ladder.stream().map(t -> withChoices(t.json(x.locale()), t.benefits(), x)).toList());
        m.put("planList", catalog.all().stream().map(p -> withChoices(p.json(x.locale()), p.benefits(), x)).toList());
        m.put("newPlanChoices", benefits.choices(List.of(), x.locale()));
        m.put("batches", catalog.batches(50));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> perTier = (List<Map<String, Object>>) m.get("tiers");
        m.put("chartLabels", String.join(",", perTier.stream().map(s -> String.valueOf(s.get("code"))).toList()));
        m.put("chartValues", String.join(",", perTier.stream().map(s -> String.valueOf(s.get("members"))).toList()));
        m.put("chartColours", String.join(",", ladder.stream().map(Tier::colour).toList()));
        x.render("membership/console/overview", m);
    }

    private Map<String, Object> withChoices(Map<String, Object> json, List<String> chosen, Exchange x) {
        json.put("benefitChoices", benefits.choices(chosen, x.locale()));
        return json;
    }

    /** {@code POST /console/membership/tiers/{code}} (form) and {@code POST /console/membership/tiers} (new, field code). */
    void tierForm(Exchange x) {
        tiers.save(MembershipForms.tierCode(x), MembershipForms.tier(x));
        x.redirect("/console/membership?notice=membership.saved");
    }

    /** {@code POST /console/membership/tiers/{code}/delete}. */
    void deleteTierForm(Exchange x) {
        tiers.remove(x.pathParam("code"));
        x.redirect("/console/membership?notice=membership.saved");
    }

    /** {@code POST /console/membership/plans/{code}} and {@code POST /console/membership/plans} (form, new code). */
    void planForm(Exchange x) {
        catalog.save(MembershipForms.planCode(x), MembershipForms.plan(x));
        x.redirect("/console/membership?notice=membership.saved");
    }

    /** {@code POST /console/membership/codes} (form: planCode, count, note) — a new batch of activation codes. */
    void codesForm(Exchange x) {
        int count = (int) MembershipForms.number(MembershipForms.field(x, "count").orElse(""), "count");
        holdings.generate(MembershipForms.field(x, "planCode").orElse(null), count,
                MembershipForms.field(x, "note").filter(s -> !s.isEmpty()).orElse(null), x.member().map(Member::id).orElse(null));
        x.redirect("/console/membership?notice=membership.codes.created#codes");
    }

    /** {@code GET /console/membership/batches/{batchId}/codes.csv}: the batch for the printer, one code per line. */
    void batchCsv(Exchange x) {
        Map<String, Object> b = catalog.batchWithCodes(x.pathParamAsId("batchId"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> codes = (List<Map<String, Object>>) b.get("codes");
        x.csv("activation-codes-" + b.get("id") + ".csv", List.of("code", "plan", "redeemed_by", "redeemed_at"),
                codes.stream().map(c -> Arrays.asList(c.get("code"), b.get("planCode"), c.get("redeemedBy"),
                        c.get("redeemedAt"))).toList());
    }

    /** {@code POST /console/membership/grants} (form: member — an email or a member id — and planCode). */
    void grantForm(Exchange x) {
        String who = MembershipForms.field(x, "member").orElse("");
        Optional<Member> member = who.contains("@") ? ctx.members().findByEmail(who)
                : who.matches("\\d{1,18}") ? ctx.members().find(Long.parseLong(who)) : Optional.empty();
        long userId = member.map(Member::id)
                .orElseThrow(() -> new KindredException(CoreError.USER_NOT_FOUND, "There is no member '" + who + "'."));
        holdings.grant(userId, MembershipForms.field(x, "planCode").orElse(null), null);
        x.redirect("/console/membership?notice=membership.granted#holders");
    }

    /** {@code POST /console/membership/grants/revoke} (form: userId, planCode). */
    void revokeForm(Exchange x) {
        long userId = MembershipForms.number(MembershipForms.field(x, "userId").orElse(""), "userId");
        if (!holdings.revoke(userId, MembershipForms.field(x, "planCode").orElse(null))) {
            throw new KindredException(MembershipError.NOT_HOLDING, "The member does not hold this plan.");
        }
        x.redirect("/console/membership?notice=membership.revoked#holders");
    }

    /** Members per tier and the current card holders, as the stats API and the console page show them. */
    private Map<String, Object> statsModel(java.util.Locale locale) {
        List<Map<String, Object>> perTier = new ArrayList<>();
        tiers.membersPerTier().forEach((t, n) -> perTier.add(Map.of("code", t.code(), "name", t.name(locale), "members", n)));
        List<Map<String, Object>> holders = catalog.currentHoldings().stream().map(h -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("userId", h.userId());
            m.put("planCode", h.planCode());
            m.put("endsAt", h.endsAt() == null ? null : Instant.ofEpochMilli(h.endsAt()).toString());
            m.put("displayName", ctx.members().find(h.userId()).map(Member::displayName).orElse("?"));
            return m;
        }).toList();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("tiers", perTier);
        out.put("holders", holders);
        return out;
    }
}
