package io.kindred.plugins.checkin;

import io.kindred.api.PluginContext;
import io.kindred.api.segments.MemberFilter;
import io.kindred.api.segments.MemberIds;

import java.util.Locale;
import java.util.Map;

/**
 * The segments filter {@code minStreak=<days>}: members whose current run of consecutive check-in days is at least
 * that long. A run is current while it ends today or yesterday (a member may still check in today); it is read from
 * the {@code run_length} of that check-in, through the index on {@code checkins(day, user_id)}.
 */
final class StreakFilter implements MemberFilter {

    private final PluginContext ctx;

    StreakFilter(PluginContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public String name() {
        return "minStreak";
    }

    @Override
    public String label(Locale locale) {
        return locale != null && locale.getLanguage().equals("zh") ? "连续签到天数不少于" : "Current check-in streak at least (days)";
    }

    @Override
    public MemberIds select(String value) {
        int days;
        try {
            days = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            days = 0;
        }
        if (days < 1 || days > 10_000) {
            throw new IllegalArgumentException("it is a number of days from 1 to 10000.");
        }
        return MemberIds.of("SELECT user_id FROM checkins WHERE day >= :yesterday AND run_length >= :days",
                Map.of("yesterday", ctx.today().minusDays(1).toString(), "days", days));
    }
}
