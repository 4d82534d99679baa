package io.kindred.plugins.membership;

import io.kindred.api.PluginContext;
import io.kindred.api.events.Event;
import org.jdbi.v3.core.Handle;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.function.BiFunction;

/**
 * The bonus points this plugin pays for benefits: the birthday bonus (once a year, ledger key per member and
 * year), the monthly bonus for plan holders (once a month, key per member and month) and the check-in bonus
 * for plan holders (a fixed extra per {@code checkin.recorded}, key per event). Jobs may run any number of
 * times; the keys make every payment happen once.
 */
final class Bonuses {

    private final PluginContext ctx;
    private final PlanStore plans;
    private final BiFunction<Handle, Long, List<String>> benefits;

    Bonuses(PluginContext ctx, PlanStore plans, BiFunction<Handle, Long, List<String>> benefits) {
        this.ctx = ctx;
        this.plans = plans;
        this.benefits = benefits;
    }

    private LocalDate today(Instant now) {
        return now.atZone(ctx.siteZone()).toLocalDate();
    }

    /** The daily birthday job. @return how many members were paid by this run */
    int birthdays(Instant now) {
        long points = ctx.settings().get(MembershipSettings.BIRTHDAY_POINTS);
        LocalDate day = today(now);
        int paid = 0;
        for (long userId : ctx.members().bornOn(day)) {
            paid += pay(userId, "birthday.bonus", points, "membership.birthday",
                    "membership:birthday:" + userId + ":" + day.getYear());
        }
        return paid;
    }

    /** The daily monthly-bonus job: pays each current plan holder once per calendar month. @return paid now */
    int monthly(Instant now) {
        long points = ctx.settings().get(MembershipSettings.MONTHLY_PLAN_POINTS);
        YearMonth month = YearMonth.from(today(now));
        int paid = 0;
        for (long userId : ctx.db().read(h -> plans.holders(h, now.toEpochMilli()))) {
            paid += pay(userId, "monthly.bonus", points, "membership.monthly",
                    "membership:monthly:" + userId + ":" + month);
        }
        return paid;
    }

    /** {@code checkin.recorded}: the extra share of a plan holder. */
    void onCheckin(Event e, Handle tx) {
        long points = ctx.settings().get(MembershipSettings.CHECKIN_BONUS_POINTS);
        Long userId = e.userId() != null ? e.userId() : e.longValue("userId");
        if (points > 0 && benefits.apply(tx, userId).contains("checkin.bonus")) {
            ctx.ledger().credit(tx, userId, Growth.POINTS, points, "membership.checkin_bonus", "event:" + e.id(),
                    "membership:checkin-bonus:" + e.id());
        }
    }

    private int pay(long userId, String benefit, long points, String reason, String key) {
        if (points <= 0) {
            return 0;
        }
        return ctx.db().write(tx -> {
            if (!benefits.apply(tx, userId).contains(benefit)) {
                return 0;
            }
            return ctx.ledger().credit(tx, userId, Growth.POINTS, points, reason, null, key).replayed() ? 0 : 1;
        });
    }
}
