package io.kindred.plugins.membership;

import io.kindred.api.PluginContext;
import io.kindred.api.web.Exchange;
import io.kindred.api.web.Page;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The members' JSON API under {@code /api/v1/membership}. */
final class MembershipRoutes {

    private final PluginContext ctx;
    private final MembershipStore store;
    private final Growth growth;

    MembershipRoutes(PluginContext ctx, MembershipStore store, Growth growth) {
        this.ctx = ctx;
        this.store = store;
        this.growth = growth;
    }

    /**
     * {@code GET /api/v1/membership/me} → {@code {"tier":{code,name,rank},"growth":n,
     * "next":{code,growthNeeded}|null,"pointsDebt":n,"plans":[],"benefits":[]}}.
     */
    void me(Exchange x) {
        long userId = x.requireMember().id();
        x.json(ctx.db().read(h -> {
            List<Tier> tiers = store.tiers(h);
            Tier tier = growth.tierOf(h, userId);
            long g = ctx.ledger().balance(h, userId, Growth.ASSET);
            Tier next = Growth.next(tiers, tier);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("tier", Map.of("code", tier.code(), "name", tier.name(), "rank", tier.rank()));
            body.put("growth", g);
            body.put("next", next == null ? null
                    : Map.of("code", next.code(), "growthNeeded", Math.max(0, next.threshold() - g)));
            body.put("pointsDebt", store.debt(h, userId));
            body.put("plans", List.of());
            body.put("benefits", List.of());
            return body;
        }));
    }

    /** {@code GET /api/v1/membership/tiers} → {@code {"items":[tier…]}}, lowest first. */
    void tiers(Exchange x) {
        x.json(new Page<>(ctx.db().read(store::tiers).stream().map(Tier::json).toList(), null));
    }

    /** {@code GET /api/v1/membership/plans} → {@code {"items":[]}} until paid plans exist. */
    void plans(Exchange x) {
        x.json(new Page<>(List.of(), null));
    }
}
