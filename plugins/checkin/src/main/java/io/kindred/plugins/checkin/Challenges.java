package io.kindred.plugins.checkin;

import io.kindred.api.KindredException;
import io.kindred.api.PluginContext;
import io.kindred.plugins.checkin.ChallengeStore.Participation;
import io.kindred.plugins.checkin.CheckinStore.CheckinRow;
import org.jdbi.v3.core.Handle;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Check-in challenges (打卡活动): operators create them, members join them (or take part by default), and a
 * check-in that brings a member to the required days completes the challenge and pays its reward, once.
 */
final class Challenges {

    /** A challenge as one member sees it. */
    record View(Challenge challenge, String status, boolean joined, int progress, LocalDate completedDay) {

        Map<String, Object> json() {
            Map<String, Object> m = challenge.json();
            m.put("status", status);
            m.put("joined", joined);
            m.put("progress", progress);
            m.put("completed", completedDay != null);
            m.put("completedDay", completedDay == null ? null : completedDay.toString());
            return m;
        }
    }

    private final PluginContext ctx;
    private final ChallengeStore store;
    private final CheckinStore checkins;
    private final Rewards rewards;

    Challenges(PluginContext ctx, ChallengeStore store, CheckinStore checkins, Rewards rewards) {
        this.ctx = ctx;
        this.store = store;
        this.checkins = checkins;
        this.rewards = rewards;
    }

    // ---- members ----

    /**
     * Runs inside a check-in's transaction: completes every open challenge the member takes part in and now
     * meets. @return points credited
     */
    long onCheckin(Handle tx, long userId, LocalDate day, LocalDate today) {
        long paid = 0;
        for (Challenge c : store.open(tx, day, today)) {
            paid += completeIfMet(tx, c, userId, today);
        }
        return paid;
    }

    private long completeIfMet(Handle tx, Challenge c, long userId, LocalDate today) {
        Participation p = store.participation(tx, c, userId);
        if (!p.joined() || p.completed() || progress(tx, c, userId, today) < c.daysRequired()) {
            return 0;
        }
        store.join(tx, c.id(), userId, ctx.clock().millis());
        if (!store.complete(tx, c.id(), userId, today, ctx.clock().millis())) {
            return 0;
        }
        return rewards.challenge(tx, userId, today, c.id(), c.rewardPoints());
    }

    /** @return check-in days that count toward the challenge: all of them, or the longest run of consecutive ones */
    private int progress(Handle h, Challenge c, long userId, LocalDate today) {
        LocalDate to = c.endDay().isBefore(today) ? c.endDay() : today;
        if (to.isBefore(c.startDay())) {
            return 0;
        }
        List<CheckinRow> rows = checkins.between(h, userId, c.startDay(), to);
        if (!c.consecutive()) {
            return Math.min(rows.size(), c.daysRequired());
        }
        int best = 0;
        int run = 0;
        LocalDate previous = null;
        for (CheckinRow r : rows) {
            run = previous != null && r.day().equals(previous.plusDays(1)) ? run + 1 : 1;
            best = Math.max(best, run);
            previous = r.day();
        }
        return Math.min(best, c.daysRequired());
    }

    /**
     * Joins a challenge that has not ended; completes it at once when the member's check-ins already meet it.
     *
     * @throws KindredException 404 {@code not_found}, 409 {@code challenge_ended}
     */
    View join(long userId, long challengeId) {
        LocalDate today = ctx.today();
        return ctx.db().write(tx -> {
            Challenge c = store.find(tx, challengeId).orElseThrow(() -> notFound(challengeId));
            if (today.isAfter(c.endDay())) {
                throw new KindredException(CheckinError.CHALLENGE_ENDED, "This challenge ended on " + c.endDay() + ".");
            }
            store.join(tx, c.id(), userId, ctx.clock().millis());
            completeIfMet(tx, c, userId, today);
            return view(tx, c, userId, today);
        });
    }

    View find(long userId, long challengeId) {
        LocalDate today = ctx.today();
        return ctx.db().read(h -> view(h, store.find(h, challengeId).orElseThrow(() -> notFound(challengeId)), userId, today));
    }

    /** @return one page of challenges, newest first, as the member sees them */
    List<View> page(long userId, long beforeId, int limit) {
        LocalDate today = ctx.today();
        return ctx.db().read(h -> store.page(h, beforeId, limit).stream().map(c -> view(h, c, userId, today)).toList());
    }

    private View view(Handle h, Challenge c, long userId, LocalDate today) {
        Participation p = store.participation(h, c, userId);
        int progress = p.completed() ? c.daysRequired() : progress(h, c, userId, today);
        return new View(c, c.status(today), p.joined(), progress, p.completedDay());
    }

    // ---- operators ----

    Challenge create(ChallengeChange change) {
        Challenge c = Challenge.blank().with(change);
        long id = ctx.db().write(tx -> store.insert(tx, c, ctx.clock().millis()));
        return new Challenge(id, c.title(), c.description(), c.startDay(), c.endDay(), c.daysRequired(),
                c.consecutive(), c.rewardPoints(), c.badge(), c.autoJoin());
    }

    Challenge update(long id, ChallengeChange change) {
        return ctx.db().write(tx -> {
            Challenge changed = store.find(tx, id).orElseThrow(() -> notFound(id)).with(change);
            store.update(tx, changed, ctx.clock().millis());
            return changed;
        });
    }

    void delete(long id) {
        if (!ctx.db().write(tx -> store.delete(tx, id, ctx.clock().millis()))) {
            throw notFound(id);
        }
    }

    Challenge get(long id) {
        return ctx.db().read(h -> store.find(h, id)).orElseThrow(() -> notFound(id));
    }

    /** @return a challenge with how many take part and how many completed it, for the console */
    Map<String, Object> withCounts(Challenge c) {
        ChallengeStore.Counts counts = ctx.db().read(h -> store.counts(h, c.id()));
        Map<String, Object> m = new LinkedHashMap<>(c.json());
        m.put("status", c.status(ctx.today()));
        m.put("participants", counts.participants());
        m.put("completed", counts.completed());
        return m;
    }

    List<Challenge> page(long beforeId, int limit) {
        return ctx.db().read(h -> store.page(h, beforeId, limit));
    }

    private static KindredException notFound(long id) {
        return KindredException.notFound("There is no check-in challenge " + id + ".");
    }
}
