package io.kindred.plugins.checkin;

import io.kindred.api.PluginContext;
import io.kindred.plugins.checkin.CheckinStore.CheckinRow;
import org.jdbi.v3.core.Handle;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * Pays what check-ins earn, inside the check-in's transaction: every reward is a row of
 * {@code checkin_rewards} under a key derived from member and day, and the same key is the ledger's
 * idempotency key, so no retry, race or make-up pays anything twice.
 */
final class Rewards {

    static final String ASSET = "points";

    private final PluginContext ctx;
    private final CheckinStore store;

    Rewards(PluginContext ctx, CheckinStore store) {
        this.ctx = ctx;
        this.store = store;
    }

    /** Base points for the check-in of {@code day}. @return points credited */
    long base(Handle tx, Rules rules, long userId, LocalDate day) {
        return pay(tx, userId, day, "base", null, "checkin:" + userId + ":" + day, rules.pointsPerCheckin(), "checkin");
    }

    /** The bonus for the n-th check-in of the month, n counted now. @return points credited */
    long monthly(Handle tx, Rules rules, long userId, LocalDate day) {
        YearMonth month = YearMonth.from(day);
        int n = store.count(tx, userId, month.atDay(1), month.atEndOfMonth(), false);
        return rules.monthlyMilestones().at(n)
                .map(m -> pay(tx, userId, day, "monthly", n, "checkin:monthly:" + userId + ":" + month + ":" + n,
                        m.points(), "checkin.monthly"))
                .orElse(0L);
    }

    /**
     * Streak milestones reached along a chain of consecutive check-ins (one day for a check-in; the make-up day
     * and the days after it for a make-up). A milestone is paid at most once per cycle: not when one for the
     * same streak was already paid on a day of the same cycle, as happens when a make-up joins two runs.
     *
     * @param chain consecutive days, oldest first, with their streaks already recomputed
     * @return points credited
     */
    long streakMilestones(Handle tx, Rules rules, long userId, List<CheckinRow> chain) {
        long paid = 0;
        for (CheckinRow row : chain) {
            var milestone = rules.streakMilestones().at(row.streak());
            if (milestone.isEmpty()) {
                continue;
            }
            LocalDate cycleStart = row.day().minusDays(row.streak() - 1L);
            LocalDate cycleEnd = chain.stream().filter(r -> r.day().minusDays(r.streak() - 1L).equals(cycleStart))
                    .map(CheckinRow::day).max(LocalDate::compareTo).orElse(row.day());
            if (!store.streakMilestonePaid(tx, userId, row.streak(), cycleStart, cycleEnd)) {
                paid += pay(tx, userId, row.day(), "streak", row.streak(),
                        "checkin:streak:" + userId + ":" + cycleStart + ":" + row.streak(),
                        milestone.get().points(), "checkin.streak");
            }
        }
        return paid;
    }

    /** A challenge's reward, once per member and challenge. @return points credited */
    long challenge(Handle tx, long userId, LocalDate day, long challengeId, long points) {
        return pay(tx, userId, day, "challenge", null, "checkin:challenge:" + challengeId + ":" + userId, points,
                "checkin.challenge");
    }

    /** What checking in today would pay: base, the streak milestone and the monthly milestone it would reach. */
    long preview(Handle h, Rules rules, long userId, LocalDate today, int streakToday) {
        long points = rules.pointsPerCheckin();
        var streakBonus = rules.streakMilestones().at(streakToday);
        if (streakBonus.isPresent()
                && !store.streakMilestonePaid(h, userId, streakToday, today.minusDays(streakToday - 1L), today)) {
            points += streakBonus.get().points();
        }
        YearMonth month = YearMonth.from(today);
        int n = store.count(h, userId, month.atDay(1), month.atEndOfMonth(), false) + 1;
        var monthly = rules.monthlyMilestones().at(n);
        if (monthly.isPresent() && !store.rewardExists(h, "checkin:monthly:" + userId + ":" + month + ":" + n)) {
            points += monthly.get().points();
        }
        return points;
    }

    private long pay(Handle tx, long userId, LocalDate day, String kind, Integer milestone, String key, long points,
                     String reason) {
        if (points <= 0 || !store.insertReward(tx, userId, day, kind, milestone, key, points, ctx.clock().millis())) {
            return 0;
        }
        ctx.ledger().credit(tx, userId, ASSET, points, reason, "checkin:" + day, key);
        return points;
    }
}
