package io.kindred.plugins.distribution;

import io.kindred.api.PluginContext;
import io.kindred.api.referrals.ReferralSales;

import java.time.Instant;

/** Referred sales and commission of a member over a period, read from the commissions, for other plugins. */
final class ReferralFigures implements ReferralSales {

    private final PluginContext ctx;

    ReferralFigures(PluginContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public long referredSales(long userId, Instant from, Instant to) {
        return sum("purchase_amount", "depth = 1", userId, from, to);
    }

    @Override
    public long commission(long userId, Instant from, Instant to) {
        return sum("amount", "depth IN (1, 2)", userId, from, to);
    }

    private long sum(String column, String depth, long userId, Instant from, Instant to) {
        return ctx.db().read(h -> h.createQuery("SELECT COALESCE(SUM(" + column + "), 0) FROM distribution_commissions"
                        + " WHERE beneficiary_id = :u AND " + depth + " AND status IN ('frozen', 'released')"
                        + " AND created_at >= :from AND created_at < :to")
                .bind("u", userId).bind("from", from.toEpochMilli()).bind("to", to.toEpochMilli())
                .mapTo(Long.class).one());
    }
}
