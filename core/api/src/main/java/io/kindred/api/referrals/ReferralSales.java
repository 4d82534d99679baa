package io.kindred.api.referrals;

import java.time.Instant;

/**
 * What a member's referrals brought over a period, read-only: the purchase amounts on which they earned commission
 * (referred sales) and the commission itself, in minor currency units. The distribution plugin provides it with
 * {@code ctx.provide(ReferralSales.class, ...)}; the creators plugin shows it per creator. When no plugin provides
 * it (distribution absent or disabled) a consumer hides those figures.
 *
 * <pre>{@code
 * long sales = ctx.services().find(ReferralSales.class).map(s -> s.referredSales(userId, from, to)).orElse(0L);
 * }</pre>
 */
public interface ReferralSales {

    /**
     * @param userId member id (the referrer)
     * @param from   start of the period, included
     * @param to     end of the period, excluded
     * @return the amounts of the purchases of the member's direct fans booked in the period, not reversed
     */
    long referredSales(long userId, Instant from, Instant to);

    /**
     * @param userId member id (the beneficiary)
     * @param from   start of the period, included
     * @param to     end of the period, excluded
     * @return the commission booked to the member in the period (frozen or released, not reversed)
     */
    long commission(long userId, Instant from, Instant to);
}
