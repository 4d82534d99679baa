package io.kindred.plugins.community;

import io.kindred.api.KindredException;
import io.kindred.api.PluginContext;
import io.kindred.api.badges.BadgeService;
import io.kindred.api.ledger.Transfer;
import io.kindred.api.notifications.NotificationType;
import io.kindred.api.users.Member;
import io.kindred.plugins.community.ContestEntryStore.Match;
import io.kindred.plugins.community.ContestEntryStore.Winner;
import org.jdbi.v3.core.Handle;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Picking a contest's winners after its end and paying their prizes, exactly once: the winner rows, the contest's
 * {@code decided_at}, the ledger credits (each keyed by contest, rank and member), the notifications and the audit
 * entry commit in one write transaction. A repeat of the same picks answers the same results and pays nothing; other
 * picks after the decision are refused.
 */
final class ContestAwards {

    /** Sent to each winner. */
    static final NotificationType WON = NotificationType.of("community.contest_won");
    /** The ledger reason of a prize. */
    static final String REASON = "community.contest_prize";

    /**
     * A winner as the operator picks it.
     *
     * @param postId the winning entry
     * @param rank   1 for the first place
     */
    record Pick(long postId, int rank) {
    }

    private final PluginContext ctx;
    private final ContestStore store;
    private final ContestEntryStore entries;
    private final Authors authors;

    ContestAwards(PluginContext ctx, ContestStore store, ContestEntryStore entries, Authors authors) {
        this.ctx = ctx;
        this.store = store;
        this.entries = entries;
        this.authors = authors;
    }

    /**
     * @return the winners, by rank
     * @throws KindredException 400 for picks without winners, with a rank twice or a post twice; 404
     *                          {@code contest_not_found} / {@code not_an_entry}; 409 {@code contest_not_ended} /
     *                          {@code contest_decided}
     */
    List<Winner> award(Member operator, long contestId, List<Pick> picks) {
        List<Pick> sorted = validated(picks);
        LocalDate today = ctx.today();
        long now = ctx.clock().millis();
        List<Winner> winners = ctx.db().write(tx -> {
            Contest c = store.find(tx, contestId).orElseThrow(() -> Contests.notFound(contestId));
            if (c.decidedAt() != null) {
                return sameOrRefuse(entries.winners(tx, contestId), sorted);
            }
            if (c.phase(today) != Contest.Phase.ENDED) {
                throw new KindredException(ContestError.CONTEST_NOT_ENDED, "Winners are picked after the contest ends on "
                        + c.endDay() + ".");
            }
            Match match = Match.of(c, ctx.siteZone());
            for (Pick p : sorted) {
                long author = entries.entryAuthor(tx, match, p.postId()).orElseThrow(() -> new KindredException(
                        ContestError.NOT_AN_ENTRY, "The post " + p.postId() + " is not an entry of this contest."));
                entries.insertWinner(tx, contestId, pay(tx, c, p, author), now);
            }
            store.decide(tx, contestId, now);
            ctx.audit().record(tx, operator, "community.contest_decided", Contests.target(contestId),
                    "Picked " + sorted.size() + " winner(s) of \"" + c.title() + "\" and paid their prizes.");
            return entries.winners(tx, contestId);
        });
        // a badge prize changes the winner's author line at once, not when the cached one expires
        winners.forEach(w -> authors.forget(w.userId()));
        return winners;
    }

    private Winner pay(Handle tx, Contest c, Pick p, long userId) {
        Contest.Prize prize = c.prize(p.rank()).orElse(new Contest.Prize(p.rank(), 0, null, null));
        if (prize.badge() != null) {
            grantBadge(tx, c, prize, userId);
        }
        Long transferId = null;
        if (prize.points() > 0) {
            Transfer t = ctx.ledger().credit(tx, userId, "points", prize.points(), REASON, Contests.target(c.id()),
                    "community:contest:" + c.id() + ":rank:" + p.rank() + ":user:" + userId);
            transferId = t.id();
        }
        ctx.notifications().send(tx, userId, WON.code(), Map.of("contest", c.title(), "rank", p.rank(),
                "points", prize.points(), "prize", prize.title() == null ? "" : prize.title()),
                "/community/contests/" + c.id(), "contest-won:" + c.id() + ":" + p.rank());
        return new Winner(p.rank(), p.postId(), userId, prize.points(), prize.title(), prize.badge(),
                entries.votesFor(tx, c.id(), p.postId()), transferId);
    }

    /** Grants the prize's badge through the points shop, once per contest and rank; refuses when it cannot. */
    private void grantBadge(Handle tx, Contest c, Contest.Prize prize, long userId) {
        KindredException unavailable = new KindredException(ContestError.BADGE_UNAVAILABLE, "The badge of rank "
                + prize.rank() + " cannot be granted now (is the points shop on, and the badge item active?); edit the prize.");
        BadgeService badges = ctx.services().find(BadgeService.class).orElseThrow(() -> unavailable);
        try {
            badges.grant(tx, userId, prize.badge(), "community:contest:" + c.id() + ":rank:" + prize.rank());
        } catch (IllegalArgumentException e) {
            throw unavailable;
        }
    }

    private static List<Winner> sameOrRefuse(List<Winner> decided, List<Pick> picks) {
        List<Pick> before = decided.stream().map(w -> new Pick(w.postId(), w.rank())).toList();
        if (!before.equals(picks)) {
            throw new KindredException(ContestError.CONTEST_DECIDED, "The winners of this contest are decided already.");
        }
        return decided;
    }

    private static List<Pick> validated(List<Pick> picks) {
        if (picks == null || picks.isEmpty()) {
            throw KindredException.missingField("winners");
        }
        Set<Integer> ranks = new HashSet<>();
        Set<Long> posts = new HashSet<>();
        for (Pick p : picks) {
            if (p.rank() < 1 || p.rank() > Contest.MAX_RANKS || !ranks.add(p.rank())) {
                throw KindredException.invalidField("Each winner has its own rank from 1 to " + Contest.MAX_RANKS + ".");
            }
            if (!posts.add(p.postId())) {
                throw KindredException.invalidField("An entry wins one rank at most: " + p.postId() + ".");
            }
        }
        List<Pick> sorted = new ArrayList<>(picks);
        sorted.sort(Comparator.comparingInt(Pick::rank));
        return List.copyOf(sorted);
    }
}
