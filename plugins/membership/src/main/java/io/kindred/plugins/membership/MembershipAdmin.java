package io.kindred.plugins.membership;

import io.kindred.api.KindredException;
import io.kindred.api.PluginContext;
import io.kindred.api.web.Exchange;
import io.kindred.api.web.Page;
import org.jdbi.v3.core.Handle;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Operators: tier and plan editing under {@code /api/v1/admin/membership/...} and the console page
 * {@code /console/membership} (members per tier, plan holders with expiry, tiers editor, plans editor).
 */
final class MembershipAdmin {

    private final PluginContext ctx;
    private final MembershipStore store;
    private final PlanStore plans;
    private final Benefits benefits;
    private final Plans holdings;

    MembershipAdmin(PluginContext ctx, MembershipStore store, PlanStore plans, Plans holdings, Benefits benefits) {
        this.benefits = benefits;
        this.holdings = holdings;
        this.ctx = ctx;
        this.store = store;
        this.plans = plans;
    }

    // ---- API ----

    /** {@code GET /api/v1/admin/membership/tiers} → {@code {"items":[tier…]}}. */
    void tiers(Exchange x) {
        x.json(new Page<>(ctx.db().read(store::tiers).stream().map(Tier::json).toList(), null));
    }

    /**
     * {@code PUT /api/v1/admin/membership/tiers/{code}} with any of {@code name, threshold, multiplier (e.g. 1.5),
     * colour, icon, benefits[]} → {@code {"tier":...}}. Thresholds must grow with the rank and V1's stays 0.
     * A new code adds a tier above the highest (201; name and threshold required).
     */
    void putTier(Exchange x) {
        Map<String, Object> body = only(castMap(x.body(Map.class)), TIER_FIELDS);
        String code = x.pathParam("code");
        boolean exists = ctx.db().read(h -> store.tiers(h).stream().anyMatch(t -> t.code().equals(code)));
        x.json(exists ? 200 : 201, Map.of("tier", updateTier(code, body).json()));
    }

    /** {@code GET /api/v1/admin/membership/plans} → every plan, on sale or not. */
    void plans(Exchange x) {
        x.json(new Page<>(ctx.db().read(h -> plans.plans(h, false)).stream().map(Plan::json).toList(), null));
    }

    /**
     * {@code PUT /api/v1/admin/membership/plans/{code}} {@code {name, months (0 = lifetime), trialDays, price,
     * currency, sku, benefits[], active}} → {@code {"plan":...}}; creates the plan when it is new.
     */
    void putPlan(Exchange x) {
        x.json(Map.of("plan", savePlan(x.pathParam("code"), only(castMap(x.body(Map.class)), PLAN_FIELDS)).json()));
    }

    /** {@code GET /api/v1/admin/membership/stats} → members per tier and current plan holders. */
    void stats(Exchange x) {
        x.json(statsModel());
    }

    /** {@code GET /api/v1/admin/membership/codes} → {@code {"items":[{id,planCode,size,used,note,createdAt}]}}, newest first. */
    void batches(Exchange x) {
        x.json(new Page<>(ctx.db().read(h -> plans.batches(h, 500)), null));
    }

    /** {@code GET /api/v1/admin/membership/codes/{batchId}} → {@code {"batch":{…,"codes":[{code,redeemedBy,redeemedAt}]}}}. */
    void batch(Exchange x) {
        long id = x.pathParamAsId("batchId");
        x.json(Map.of("batch", batchWithCodes(id)));
    }

    private Map<String, Object> batchWithCodes(long id) {
        return ctx.db().read(h -> {
            Map<String, Object> b = plans.batch(h, id).orElseThrow(() -> new KindredException(404, "batch_not_found", "There is no code batch " + id + "."));
            Map<String, Object> out = new LinkedHashMap<>(b);
            out.put("codes", plans.batchCodes(h, id));
            return out;
        });
    }

    // ---- console ----

    /** {@code POST /console/membership/codes} (form: planCode, count, note) — a new batch of activation codes. */
    void codesForm(Exchange x) {
        int count = (int) number(form(x, "count").orElse(""), "count");
        holdings.generate(form(x, "planCode").orElse(null), count, form(x, "note").filter(s -> !s.isEmpty()).orElse(null),
                x.member().map(m -> m.id()).orElse(null));
        x.redirect("/console/membership?notice=membership.codes.created#codes");
    }

    /** {@code GET /console/membership/batches/{batchId}/codes.csv}: the batch for the printer, one code per line. */
    void batchCsv(Exchange x) {
        Map<String, Object> b = batchWithCodes(x.pathParamAsId("batchId"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> codes = (List<Map<String, Object>>) b.get("codes");
        x.csv("activation-codes-" + b.get("id") + ".csv", List.of("code", "plan", "redeemed_by", "redeemed_at"),
                codes.stream().map(c -> java.util.Arrays.asList(c.get("code"), b.get("planCode"), c.get("redeemedBy"),
                        c.get("redeemedAt"))).toList());
    }

    /** {@code POST /console/membership/grants} (form: member — an email or a member id — and planCode). */
    void grantForm(Exchange x) {
        String who = form(x, "member").orElse("");
        long userId = (who.contains("@") ? ctx.members().findByEmail(who)
                : who.matches("\\d{1,18}") ? ctx.members().find(Long.parseLong(who)) : java.util.Optional.<io.kindred.api.users.Member>empty())
                .map(m -> m.id())
                .orElseThrow(() -> new KindredException(404, "user_not_found", "There is no member '" + who + "'."));
        holdings.grant(userId, form(x, "planCode").orElse(null), null);
        x.redirect("/console/membership?notice=membership.granted#holders");
    }

    /** {@code POST /console/membership/grants/revoke} (form: userId, planCode). */
    void revokeForm(Exchange x) {
        long userId = number(form(x, "userId").orElse(""), "userId");
        if (!holdings.revoke(userId, form(x, "planCode").orElse(null))) {
            throw new KindredException(404, "not_holding", "The member does not hold this plan.");
        }
        x.redirect("/console/membership?notice=membership.revoked#holders");
    }

    /** {@code GET /console/membership}. */
    void page(Exchange x) {
        Map<String, Object> m = new HashMap<>(statsModel());
        List<Tier> tiers = ctx.db().read(store::tiers);
        m.put("tierList", tiers.stream().map(t -> {
            Map<String, Object> j = t.json();
            j.put("benefitChoices", benefits.choices(t.benefits(), x.locale()));
            return j;
        }).toList());
        m.put("planList", ctx.db().read(h -> plans.plans(h, false)).stream().map(p -> {
            Map<String, Object> j = p.json();
            j.put("benefitChoices", benefits.choices(p.benefits(), x.locale()));
            return j;
        }).toList());
        m.put("newPlanChoices", benefits.choices(List.of(), x.locale()));
        m.put("batches", ctx.db().read(h -> plans.batches(h, 50)));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> perTier = (List<Map<String, Object>>) m.get("tiers");
        m.put("chartLabels", String.join(",", perTier.stream().map(s -> String.valueOf(s.get("code"))).toList()));
        m.put("chartValues", String.join(",", perTier.stream().map(s -> String.valueOf(s.get("members"))).toList()));
        m.put("chartColours", String.join(",", tiers.stream().map(Tier::colour).toList()));
        x.render("membership/console/overview", m);
    }

    /** {@code POST /console/membership/tiers/{code}} (form) and {@code POST /console/membership/tiers} (new, field code). */
    void tierForm(Exchange x) {
        String code = x.path().endsWith("/tiers") ? form(x, "code").orElse("").toUpperCase(java.util.Locale.ROOT)
                : x.pathParam("code");
        Map<String, Object> b = new HashMap<>();
        form(x, "icon").ifPresent(v -> b.put("icon", v));
        form(x, "name").ifPresent(v -> b.put("name", v));
        form(x, "threshold").ifPresent(v -> b.put("threshold", number(v, "threshold")));
        form(x, "multiplier").ifPresent(v -> b.put("multiplier", decimal(v)));
        form(x, "colour").ifPresent(v -> b.put("colour", v));
        checkedBenefits(x).ifPresent(v -> b.put("benefits", v));
        updateTier(code, b);
        x.redirect("/console/membership?notice=membership.saved");
    }

    /** {@code POST /console/membership/plans/{code}} and {@code POST /console/membership/plans} (form, new code). */
    void planForm(Exchange x) {
        String code = x.method().equals("POST") && x.path().endsWith("/plans") ? form(x, "code").orElse(null)
                : x.pathParam("code");
        Map<String, Object> b = new HashMap<>();
        form(x, "name").ifPresent(v -> b.put("name", v));
        form(x, "months").ifPresent(v -> b.put("months", number(v, "months")));
        form(x, "trialDays").ifPresent(v -> b.put("trialDays", number(v, "trialDays")));
        form(x, "price").ifPresent(v -> b.put("price", number(v, "price")));
        form(x, "currency").ifPresent(v -> b.put("currency", v));
        form(x, "sku").ifPresent(v -> b.put("sku", v));
        checkedBenefits(x).ifPresent(v -> b.put("benefits", v));
        b.put("active", form(x, "active").isPresent());
        savePlan(code, b);
        x.redirect("/console/membership?notice=membership.saved");
    }

    // ---- the work ----

    /**
     * Adds a tier above the highest: {@code name} and a {@code threshold} above the highest tier's are
     * required; the rest defaults to the highest tier's multiplier and colour, no benefits. Ranks only grow,
     * so what other plugins keyed on a rank (a shop item "V3 and above") keeps its meaning.
     */
    private Tier addTier(Handle tx, String code, Map<String, Object> b) {
        if (!code.matches("[A-Z][A-Z0-9]{0,7}")) {
            throw KindredException.invalidField("A tier code is 1 to 8 capital letters and digits, e.g. V6.");
        }
        if (!b.containsKey("name") || !b.containsKey("threshold")) {
            throw KindredException.missingField(b.containsKey("name") ? "threshold" : "name");
        }
        List<Tier> tiers = store.tiers(tx);
        Tier top = tiers.get(tiers.size() - 1);
        if (tiers.size() >= 20) {
            throw KindredException.conflict("too_many_tiers", "A ladder has at most 20 tiers.");
        }
        tx.createUpdate("""
                        INSERT INTO membership_tiers(code, name, tier_rank, threshold, multiplier, colour, icon, benefits)
                        VALUES (:code, :code, :rank, :threshold, :m, :colour, :icon, '')""")
                .bind("code", code).bind("rank", top.rank() + 1).bind("threshold", top.threshold() + 1)
                .bind("m", top.multiplier()).bind("colour", top.colour()).bind("icon", top.icon()).execute();
        return store.tiers(tx).get(tiers.size());
    }

    /**
     * {@code DELETE /api/v1/admin/membership/tiers/{code}} → 204: removes the highest tier, when nobody is in it
     * and at least two tiers stay; 409 {@code not_top_tier}, {@code tier_in_use} or {@code last_tiers} otherwise.
     */
    void deleteTier(Exchange x) {
        removeTier(x.pathParam("code"));
        x.noContent();
    }

    /** {@code POST /console/membership/tiers/{code}/delete}. */
    void deleteTierForm(Exchange x) {
        removeTier(x.pathParam("code"));
        x.redirect("/console/membership?notice=membership.saved");
    }

    private void removeTier(String code) {
        ctx.db().write(tx -> {
            List<Tier> tiers = store.tiers(tx);
            Tier t = tiers.stream().filter(x -> x.code().equals(code)).findFirst()
                    .orElseThrow(() -> new KindredException(404, "tier_not_found", "There is no tier '" + code + "'."));
            if (t.rank() != tiers.get(tiers.size() - 1).rank()) {
                throw KindredException.conflict("not_top_tier", "Only the highest tier can be removed.");
            }
            if (tiers.size() <= 2) {
                throw KindredException.conflict("last_tiers", "A ladder keeps at least two tiers.");
            }
            long members = tx.createQuery("SELECT COUNT(*) FROM membership_members WHERE tier_rank = :r")
                    .bind("r", t.rank()).mapTo(Long.class).one();
            if (members > 0) {
                throw KindredException.conflict("tier_in_use", members + " member(s) are in " + code
                        + "; raise its threshold or wait until it is empty.");
            }
            tx.createUpdate("DELETE FROM membership_tiers WHERE code = :code").bind("code", code).execute();
            return null;
        });
    }

    private Tier updateTier(String code, Map<String, Object> b) {
        return ctx.db().write(tx -> {
            Tier t = store.tiers(tx).stream().filter(x -> x.code().equals(code)).findFirst().orElse(null);
            if (t == null) {
                t = addTier(tx, code, b);
            }
            String name = text(b, "name", t.name(), 40);
            long threshold = b.containsKey("threshold") ? toLong(b.get("threshold"), "threshold") : t.threshold();
            int multiplier = b.containsKey("multiplier") ? (int) Math.round(toDouble(b.get("multiplier")) * 100) : t.multiplier();
            String colour = text(b, "colour", t.colour(), 20);
            String icon = text(b, "icon", t.icon(), 8);
            List<String> benefits = b.containsKey("benefits") ? this.benefits.check(list(b.get("benefits")), t.benefits())
                    : t.benefits();
            if (threshold < 0 || multiplier < 0 || multiplier > 10_000) {
                throw KindredException.invalidField("threshold must be 0 or more and multiplier between 0 and 100.");
            }
            if (!colour.matches("#[0-9a-fA-F]{3,8}")) {
                throw KindredException.invalidField("colour must be a hex colour like #ff9800.");
            }
            tx.createUpdate("""
                            UPDATE membership_tiers SET name = :name, threshold = :threshold, multiplier = :m,
                                   colour = :colour, icon = :icon, benefits = :benefits WHERE code = :code""")
                    .bind("name", name).bind("threshold", threshold).bind("m", multiplier).bind("colour", colour)
                    .bind("icon", icon).bind("benefits", String.join(",", benefits)).bind("code", code).execute();
            List<Tier> after = store.tiers(tx);
            if (after.get(0).threshold() != 0) {
                throw KindredException.invalidField("The lowest tier's threshold must stay 0.");
            }
            for (int i = 1; i < after.size(); i++) {
                if (after.get(i).threshold() <= after.get(i - 1).threshold()) {
                    throw KindredException.invalidField("Thresholds must grow from tier to tier.");
                }
            }
            return after.stream().filter(x -> x.code().equals(code)).findFirst().orElseThrow();
        });
    }

    private Plan savePlan(String code, Map<String, Object> b) {
        if (code == null || !code.matches("[a-z][a-z0-9_]{0,39}")) {
            throw KindredException.invalidField("A plan code is snake_case, e.g. annual_plus.");
        }
        return ctx.db().write(tx -> {
            Plan old = plans.plan(tx, code).orElse(null);
            String name = text(b, "name", old == null ? null : old.name(), 60);
            if (name == null || name.isBlank()) {
                throw KindredException.missingField("name");
            }
            int months = (int) (b.containsKey("months") ? toLong(b.get("months"), "months") : old == null ? 1 : old.months());
            int trial = (int) (b.containsKey("trialDays") ? toLong(b.get("trialDays"), "trialDays") : old == null ? 0 : old.trialDays());
            long price = b.containsKey("price") ? toLong(b.get("price"), "price") : old == null ? 0 : old.price();
            String currency = text(b, "currency", old == null ? "CNY" : old.currency(), 3);
            if (!currency.matches("[A-Z]{3}")) {
                throw KindredException.invalidField("currency must be an ISO 4217 code such as CNY.");
            }
            String sku = b.containsKey("sku") ? blankToNull(b.get("sku")) : old == null ? null : old.sku();
            List<String> before = old == null ? List.of() : old.benefits();
            List<String> benefits = b.containsKey("benefits") ? this.benefits.check(list(b.get("benefits")), before) : before;
            Object activeValue = b.get("active");
            if (activeValue != null && !(activeValue instanceof Boolean)) {
                throw KindredException.invalidField("active must be true or false.");
            }
            boolean active = activeValue != null ? (Boolean) activeValue : old == null || old.active();
            if (months < 0 || months > 120 || trial < 0 || trial > 365 || price < 0) {
                throw KindredException.invalidField("months 0–120 (0 = lifetime), trialDays 0–365, price 0 or more.");
            }
            if (sku != null && plans.planBySku(tx, sku).filter(p -> !p.code().equals(code)).isPresent()) {
                throw KindredException.conflict("sku_taken", "Another plan already uses the sku " + sku + ".");
            }
            tx.createUpdate("""
                            INSERT INTO membership_plans(code, name, months, trial_days, price, currency, sku, benefits, active, sort)
                            VALUES (:code, :name, :months, :trial, :price, :currency, :sku, :benefits, :active,
                                    (SELECT COALESCE(MAX(sort), 0) + 1 FROM membership_plans))
                            ON CONFLICT (code) DO UPDATE SET name = :name, months = :months, trial_days = :trial,
                                price = :price, currency = :currency, sku = :sku, benefits = :benefits, active = :active""")
                    .bind("code", code).bind("name", name).bind("months", months).bind("trial", trial)
                    .bind("price", price).bind("currency", currency).bind("sku", sku)
                    .bind("benefits", String.join(",", benefits)).bind("active", active ? 1 : 0).execute();
            return plans.plan(tx, code).orElseThrow();
        });
    }

    private Map<String, Object> statsModel() {
        long now = ctx.clock().millis();
        return ctx.db().read(h -> {
            List<Tier> tiers = store.tiers(h);
            Map<Integer, Long> counts = new HashMap<>();
            h.createQuery("SELECT tier_rank, COUNT(*) FROM membership_members GROUP BY tier_rank")
                    .map((rs, c) -> Map.entry(rs.getInt(1), rs.getLong(2))).list()
                    .forEach(e -> counts.put(e.getKey(), e.getValue()));
            // Members who never earned growth have no row: they are in the lowest tier.
            long withRow = counts.values().stream().mapToLong(Long::longValue).sum();
            counts.merge(tiers.get(0).rank(), Math.max(0, ctx.members().countActive() - withRow), Long::sum);
            List<Map<String, Object>> perTier = new ArrayList<>();
            for (Tier t : tiers) {
                perTier.add(Map.of("code", t.code(), "name", t.name(), "members", counts.getOrDefault(t.rank(), 0L)));
            }
            List<Map<String, Object>> holders = h.createQuery("""
                            SELECT user_id, plan_code, ends_at FROM membership_holdings
                             WHERE status = 'active' AND (ends_at IS NULL OR ends_at > :now)
                             ORDER BY ends_at IS NULL, ends_at, user_id LIMIT 500""")
                    .bind("now", now).map((rs, c) -> {
                        long ends = rs.getLong(3);
                        Map<String, Object> m = new LinkedHashMap<>();
                        m.put("userId", rs.getLong(1));
                        m.put("planCode", rs.getString(2));
                        m.put("endsAt", rs.wasNull() ? null : Instant.ofEpochMilli(ends).toString());
                        return m;
                    }).list();
            for (Map<String, Object> m : holders) {
                m.put("displayName", ctx.members().find((Long) m.get("userId")).map(v -> v.displayName()).orElse("?"));
            }
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("tiers", perTier);
            out.put("holders", holders);
            return out;
        });
    }

    // ---- small helpers ----

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Map<?, ?> m) {
        return (Map<String, Object>) m;
    }

    private static java.util.Optional<String> form(Exchange x, String name) {
        return x.formValue(name).map(String::trim);
    }

    /** @return the ticked benefit boxes, when the form showed them (field {@code benefitsShown}); none ticked is an empty list */
    private static java.util.Optional<List<String>> checkedBenefits(Exchange x) {
        if (form(x, "benefitsShown").isEmpty()) {
            return form(x, "benefits").map(PlanStore::codes);
        }
        List<String> ticked = x.form().getOrDefault("benefits", List.of());
        return java.util.Optional.of(ticked.stream().map(String::trim).filter(s -> !s.isEmpty()).toList());
    }

    private static final java.util.Set<String> TIER_FIELDS = java.util.Set.of("name", "threshold", "multiplier", "colour",
            "icon", "benefits");
    private static final java.util.Set<String> PLAN_FIELDS = java.util.Set.of("name", "months", "trialDays", "price",
            "currency", "sku", "benefits", "active");

    /** @return the body, when it names no field but {@code allowed} (a typo must not be ignored silently) */
    private static Map<String, Object> only(Map<String, Object> body, java.util.Set<String> allowed) {
        if (body == null) {
            throw KindredException.invalidField("The body must be a JSON object.");
        }
        for (String k : body.keySet()) {
            if (!allowed.contains(k)) {
                throw new KindredException(400, "unknown_field", "Unknown field '" + k + "'; expected any of "
                        + String.join(", ", new java.util.TreeSet<>(allowed)) + ".");
            }
        }
        return body;
    }

    private static String text(Map<String, Object> b, String key, String fallback, int max) {
        Object v = b.get(key);
        if (v == null) {
            return fallback;
        }
        if (!(v instanceof String)) {
            throw KindredException.invalidField(key + " must be text.");
        }
        String s = ((String) v).trim();
        if (s.isEmpty() || s.length() > max) {
            throw KindredException.invalidField(key + " must be 1 to " + max + " characters.");
        }
        return s;
    }

    private static String blankToNull(Object v) {
        if (v != null && !(v instanceof String)) {
            throw KindredException.invalidField("sku must be text.");
        }
        return v == null || ((String) v).isBlank() ? null : ((String) v).trim();
    }

    /** @return a whole number from JSON (an integral number) or a form (digits); at most 10^12 */
    private static long toLong(Object v, String key) {
        long n;
        if (v instanceof Integer || v instanceof Long || v instanceof Short) {
            n = ((Number) v).longValue();
        } else if (v instanceof Number || v instanceof String s && !s.trim().matches("-?\\d{1,13}")) {
            throw KindredException.invalidField(key + " must be a whole number.");
        } else {
            n = number(String.valueOf(v), key);
        }
        if (Math.abs(n) > 1_000_000_000_000L) {
            throw KindredException.invalidField(key + " is out of range.");
        }
        return n;
    }

    private static long number(String v, String key) {
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw KindredException.invalidField(key + " must be a whole number.");
        }
    }

    private static double decimal(String v) {
        try {
            return Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
            throw KindredException.invalidField("multiplier must be a number like 1.5.");
        }
    }

    private static double toDouble(Object v) {
        double d = v instanceof Number n ? n.doubleValue() : v instanceof String s ? decimal(s) : Double.NaN;
        if (!(d >= 0 && d <= 100)) {
            throw KindredException.invalidField("multiplier must be a number from 0 to 100, like 1.5.");
        }
        return d;
    }

    private static List<String> list(Object v) {
        if (v instanceof List<?> l && l.stream().allMatch(e -> e instanceof String)) {
            return l.stream().map(e -> ((String) e).trim()).filter(s -> !s.isEmpty()).toList();
        }
        if (v == null || v instanceof String) {
            return PlanStore.codes((String) v);
        }
        throw KindredException.invalidField("benefits must be a list of benefit codes.");
    }
}
