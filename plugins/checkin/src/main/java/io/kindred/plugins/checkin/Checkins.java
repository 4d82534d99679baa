package io.kindred.plugins.checkin;

import io.kindred.api.KindredException;
import io.kindred.api.PluginContext;
import io.kindred.plugins.checkin.CheckinStore.CheckinRow;
import org.jdbi.v3.core.Handle;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The daily check-in (签到) and the make-up check-in (补签): one per member per day, the day counted in the
 * site's time zone; the streak, the rewards, the challenges and the {@code checkin.recorded} event all commit
 * in the one transaction that writes the check-in.
 */
final class Checkins {

    /** What a check-in or make-up did. {@code cost} is what a make-up took; {@code replayed} marks a repeat. */
    record Result(LocalDate day, int streak, long awarded, boolean makeup, long cost, boolean replayed) {

        Map<String, Object> json() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("day", day.toString());
            m.put("streak", streak);
            m.put("awarded", Map.of("points", awarded));
            m.put("makeup", makeup);
            if (makeup) {
                m.put("cost", Map.of("points", cost));
            }
            return m;
        }
    }

    /** A member's check-in state today. */
    record Status(LocalDate today, boolean checkedInToday, int streak, List<LocalDate> month, int makeupsLeft,
                  long todayReward) {
    }

    private final PluginContext ctx;
    private final CheckinStore store;
    private final Rewards rewards;
    private final Challenges challenges;

    Checkins(PluginContext ctx, CheckinStore store, Rewards rewards, Challenges challenges) {
        this.ctx = ctx;
        this.store = store;
        this.rewards = rewards;
        this.challenges = challenges;
    }

    /** @return today in the site's time zone, by the platform clock */
    LocalDate today() {
        return ctx.today();
    }

    /**
     * @return the earliest day the member may make up: the first of this month, or the day they joined when later
     * (a member who joined today has no day to make up)
     */
    LocalDate firstMakeUpDay(long userId, LocalDate today) {
        LocalDate monthStart = today.withDayOfMonth(1);
        return ctx.members().joinedAt(userId)
                .map(t -> LocalDate.ofInstant(t, ctx.siteZone()))
                .filter(joined -> joined.isAfter(monthStart))
                .orElse(monthStart);
    }

    Rules rules() {
        return Rules.current(ctx.settings());
    }

    /**
     * Checks the member in for today. A repeat with the same {@code Idempotency-Key} answers the first result.
     *
     * @throws KindredException 409 {@code already_checked_in}
     */
    Result checkIn(long userId, Optional<String> requestKey) {
        LocalDate today = today();
        Rules rules = rules();
        return ctx.db().write(tx -> {
            Optional<CheckinRow> existing = store.find(tx, userId, today);
            if (existing.isPresent()) {
                return replayOr(existing.get(), requestKey, false,
                        new KindredException(CheckinError.ALREADY_CHECKED_IN, "You have already checked in today."));
            }
            return record(tx, rules, userId, today, today, false, 0, requestKey);
        });
    }

    /**
     * Fills a missed day of the current month, within the monthly limit and for the make-up cost.
     *
     * @throws KindredException 409 {@code not_allowed}, {@code makeup_limit} or {@code insufficient_points}
     */
    Result makeUp(long userId, LocalDate day, Optional<String> requestKey) {
        LocalDate today = today();
        if (!day.isBefore(today) || day.isBefore(firstMakeUpDay(userId, today))) {
            throw new KindredException(CheckinError.NOT_ALLOWED,
                    "Only a missed day of this month, since you joined and before today, can be made up.");
        }
        Rules rules = rules();
        return ctx.db().write(tx -> {
            Optional<CheckinRow> existing = store.find(tx, userId, day);
            if (existing.isPresent()) {
                return replayOr(existing.get(), requestKey, true,
                        new KindredException(CheckinError.NOT_ALLOWED, "You have already checked in on " + day + "."));
            }
            if (makeupsLeft(tx, rules, userId, today) <= 0) {
                throw new KindredException(CheckinError.MAKEUP_LIMIT, "You have used all " + rules.makeupsPerMonth()
                        + " make-up check-ins of this month.");
            }
            if (rules.makeupCost() > 0) {
                ctx.ledger().debit(tx, userId, Rewards.ASSET, rules.makeupCost(), "checkin.makeup", "checkin:" + day,
                        "checkin:makeup:" + userId + ":" + day);
            }
            return record(tx, rules, userId, day, today, true, rules.makeupCost(), requestKey);
        });
    }

    private Result replayOr(CheckinRow row, Optional<String> requestKey, boolean makeup, KindredException refusal) {
        if (requestKey.isPresent() && requestKey.get().equals(row.requestKey()) && row.makeup() == makeup) {
            return new Result(row.day(), row.streak(), row.awarded(), makeup, row.cost(), true);
        }
        throw refusal;
    }

    /** Writes the check-in of {@code day}, recomputes the streaks after it, pays, and publishes the event. */
    private Result record(Handle tx, Rules rules, long userId, LocalDate day, LocalDate today, boolean makeup, long cost,
                          Optional<String> requestKey) {
        int run = store.find(tx, userId, day.minusDays(1)).map(r -> r.runLength() + 1).orElse(1);
        CheckinRow row = new CheckinRow(userId, day, run, rules.streakOf(run, day), makeup, 0, cost,
                requestKey.orElse(null));
        if (!store.insert(tx, row, ctx.clock().millis())) {
            // another writer (another node, or a concurrent request on PostgreSQL) wrote the same day between our read
            // and our insert: a retry of that same request (its key) replays its result, anything else is refused
            KindredException refusal = new KindredException(makeup ? CheckinError.NOT_ALLOWED : CheckinError.ALREADY_CHECKED_IN,
                    makeup ? "You have already checked in on " + day + "." : "You have already checked in today.");
            CheckinRow winner = store.find(tx, userId, day).orElseThrow(() -> refusal);
            return replayOr(winner, requestKey, makeup, refusal);
        }
        List<CheckinRow> chain = recomputeChain(tx, rules, row, today);
        long awarded = rewards.base(tx, rules, userId, day)
                + rewards.monthly(tx, rules, userId, day)
                + rewards.streakMilestones(tx, rules, userId, chain)
                + challenges.onCheckin(tx, userId, day, today);
        store.setAwarded(tx, userId, day, awarded);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("userId", userId);
        payload.put("day", day.toString());
        payload.put("streak", row.streak());
        payload.put("makeup", makeup);
        ctx.events().publish(tx, "checkin.recorded", userId, payload);
        return new Result(day, row.streak(), awarded, makeup, cost, false);
    }

    /**
     * After a make-up, the days that follow it without a gap belong to a longer run: their run lengths and
     * streaks are written again. @return the new row and the rows after it, oldest first
     */
    private List<CheckinRow> recomputeChain(Handle tx, Rules rules, CheckinRow first, LocalDate today) {
        List<CheckinRow> chain = new ArrayList<>(List.of(first));
        if (first.day().equals(today)) {
            return chain;
        }
        CheckinRow previous = first;
        for (CheckinRow next : store.between(tx, first.userId(), first.day().plusDays(1), today)) {
            if (!next.day().equals(previous.day().plusDays(1))) {
                break;
            }
            int run = previous.runLength() + 1;
            CheckinRow updated = new CheckinRow(next.userId(), next.day(), run, rules.streakOf(run, next.day()),
                    next.makeup(), next.awarded(), next.cost(), next.requestKey());
            store.updateStreak(tx, updated.userId(), updated.day(), updated.runLength(), updated.streak());
            chain.add(updated);
            previous = updated;
        }
        return chain;
    }

    private int makeupsLeft(Handle h, Rules rules, long userId, LocalDate today) {
        int used = store.count(h, userId, today.withDayOfMonth(1), today, true);
        return Math.max(0, rules.makeupsPerMonth() - used);
    }

    /** @return the member's state today: streak, this month's days, make-ups left and today's reward */
    Status status(long userId) {
        LocalDate today = today();
        Rules rules = rules();
        return ctx.db().read(h -> {
            YearMonth month = YearMonth.from(today);
            List<CheckinRow> rows = store.between(h, userId, month.atDay(1).minusDays(1), today);
            Optional<CheckinRow> todays = rows.stream().filter(r -> r.day().equals(today)).findFirst();
            Optional<CheckinRow> yesterdays = rows.stream().filter(r -> r.day().equals(today.minusDays(1))).findFirst();
            int streakIfToday = rules.streakOf(yesterdays.map(r -> r.runLength() + 1).orElse(1), today);
            int streak = todays.map(CheckinRow::streak)
                    // yesterday's streak is still alive today unless the cycle starts again today
                    .orElse(yesterdays.filter(y -> streakIfToday == y.streak() + 1).map(CheckinRow::streak).orElse(0));
            // What today's check-in itself paid: a make-up that lengthens the run may pay a milestone dated today,
            // but that is the make-up's reward, not today's.
            long reward = todays.isPresent() ? todays.get().awarded()
                    : rewards.preview(h, rules, userId, today, streakIfToday);
            List<LocalDate> days = rows.stream().map(CheckinRow::day).filter(d -> !d.isBefore(month.atDay(1))).toList();
            return new Status(today, todays.isPresent(), streak, days, makeupsLeft(h, rules, userId, today), reward);
        });
    }

    /** @return the days the member checked in during {@code month}, make-ups marked */
    List<CheckinRow> month(long userId, YearMonth month) {
        return ctx.db().read(h -> store.between(h, userId, month.atDay(1), month.atEndOfMonth()));
    }
}
