package io.kindred.plugins.membership;

import io.kindred.api.KindredException;
import io.kindred.api.PluginContext;

/**
 * Plans granted by other plugins through {@code MembershipService.grantPlan} (e.g. the creators plugin's grant on
 * certification): once per key, in the caller's transaction when there is one.
 */
final class PluginPlanGrants {

    private final PluginContext ctx;
    private final PlanStore store;
    private final Plans plans;

    PluginPlanGrants(PluginContext ctx, PlanStore store, Plans plans) {
        this.ctx = ctx;
        this.store = store;
        this.plans = plans;
    }

    /** @return whether this call activated the plan (false when the key was used before) */
    boolean grant(long userId, String planCode, String source, String key) {
        if (source == null || !source.matches("[a-z][a-z0-9_]{0,30}") || key == null || key.isBlank()) {
            throw KindredException.invalidField("A plan grant needs a lower-case source and a key.");
        }
        String sourceKey = "plugin:" + source + ":" + key;
        return ctx.db().write(tx -> {
            Plan plan = store.plan(tx, planCode).orElseThrow(() -> new KindredException(MembershipError.PLAN_NOT_FOUND,
                    "There is no plan '" + planCode + "'."));
            if (store.activation(tx, sourceKey).isPresent()) {
                return false;
            }
            plans.activate(tx, userId, plan, sourceKey, source);
            return true;
        });
    }
}
