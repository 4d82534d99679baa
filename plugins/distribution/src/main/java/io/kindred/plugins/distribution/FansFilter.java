package io.kindred.plugins.distribution;

import io.kindred.api.segments.MemberFilter;
import io.kindred.api.segments.MemberIds;

import java.util.Locale;
import java.util.Map;

/**
 * The segments filter {@code minFans=<n>}: members with at least n direct fans (members bound to them as their
 * referrer, 锁粉), read from {@code distribution_bindings} grouped over its index on {@code (referrer_id, bound_at)}.
 */
final class FansFilter implements MemberFilter {

    @Override
    public String name() {
        return "minFans";
    }

    @Override
    public String label(Locale locale) {
        return locale != null && locale.getLanguage().equals("zh") ? "直属粉丝数不少于" : "Direct fans at least";
    }

    @Override
    public MemberIds select(String value) {
        long n;
        try {
            n = Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            n = -1;
        }
        if (n < 1 || n > 1_000_000_000L) {
            throw new IllegalArgumentException("it is a whole number from 1 to 1000000000.");
        }
        return MemberIds.of("SELECT referrer_id FROM distribution_bindings GROUP BY referrer_id HAVING COUNT(*) >= :n",
                Map.of("n", n));
    }
}
