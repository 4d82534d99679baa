package io.kindred.plugins.membership;

import io.kindred.api.KindredException;
import io.kindred.api.PluginContext;

import java.util.List;

/** The operators' rules for the catalog of plans (会员卡): create and edit a plan. */
final class PlanCatalog {

    private final PluginContext ctx;
    private final PlanStore store;
    private final Benefits benefits;

    PlanCatalog(PluginContext ctx, PlanStore store, Benefits benefits) {
        this.ctx = ctx;
        this.store = store;
        this.benefits = benefits;
    }

    /** @return every plan, on sale or not, in the catalog's order */
    List<Plan> all() {
        return ctx.db().read(h -> store.plans(h, false));
    }

    /**
     * Creates or edits a plan.
     *
     * @throws KindredException 400 {@code invalid_field}, {@code missing_field} ({@code name} of a new plan),
     *                          {@code unknown_benefit}; 409 {@code sku_taken}
     */
    Plan save(String code, PlanChange c) {
        if (code == null || !code.matches("[a-z][a-z0-9_]{0,39}")) {
            throw KindredException.invalidField("A plan code is snake_case, e.g. annual_plus.");
        }
        return ctx.db().write(tx -> {
            Plan old = store.plan(tx, code).orElse(null);
            Plan p = changed(code, old, c);
            if (p.sku() != null && store.planBySku(tx, p.sku()).filter(other -> !other.code().equals(code)).isPresent()) {
                throw new KindredException(MembershipError.SKU_TAKEN, "Another plan already uses the sku " + p.sku() + ".");
            }
            store.savePlan(tx, p);
            return store.plan(tx, code).orElseThrow();
        });
    }

    private Plan changed(String code, Plan old, PlanChange c) {
        String name = Fields.text(c.name(), old == null ? null : old.name(), "name", 60);
        if (name == null) {
            throw KindredException.missingField("name");
        }
        int months = (int) Fields.number(c.months(), old == null ? 1 : old.months(), "months", 0, 120);
        int trial = (int) Fields.number(c.trialDays(), old == null ? 0 : old.trialDays(), "trialDays", 0, 365);
        long price = Fields.number(c.price(), old == null ? 0 : old.price(), "price", 0, Fields.MAX_NUMBER);
        String currency = Fields.text(c.currency(), old == null ? "CNY" : old.currency(), "currency", 3);
        if (!currency.matches("[A-Z]{3}")) {
            throw KindredException.invalidField("currency must be an ISO 4217 code such as CNY.");
        }
        String sku = c.sku().isPresent() ? blankToNull(c.sku().get()) : old == null ? null : old.sku();
        List<String> before = old == null ? List.of() : old.benefits();
        List<String> chosen = c.benefits().map(b -> benefits.check(Tiers.trimmed(b), before)).orElse(before);
        boolean active = c.active().orElse(old == null || old.active());
        return new Plan(code, name, months, trial, price, currency, sku, chosen, active,
                Names.checkedZh(c.nameZh(), old == null ? null : old.nameZh(), 60));
    }

    private static String blankToNull(String s) {
        return s.isBlank() ? null : s.trim();
    }

    /** @return the holdings active now, soonest end first (lifetime last), at most 500: the console's list */
    List<PlanStore.Holding> currentHoldings() {
        long now = ctx.clock().millis();
        return ctx.db().read(h -> store.currentHoldings(h, now, 500));
    }

    /** @return a batch of activation codes with its codes; 404 {@code batch_not_found} */
    java.util.Map<String, Object> batchWithCodes(long id) {
        return ctx.db().read(h -> {
            java.util.Map<String, Object> b = store.batch(h, id)
                    .orElseThrow(() -> new KindredException(MembershipError.BATCH_NOT_FOUND, "There is no code batch " + id + "."));
            java.util.Map<String, Object> out = new java.util.LinkedHashMap<>(b);
            out.put("codes", store.batchCodes(h, id));
            return out;
        });
    }

    /** @return the newest batches of activation codes, at most {@code limit} */
    List<java.util.Map<String, Object>> batches(int limit) {
        return ctx.db().read(h -> store.batches(h, limit));
    }
}
