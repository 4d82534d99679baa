package io.kindred.plugins.community;

import io.kindred.api.KindredException;
import io.kindred.api.PluginContext;
import io.kindred.api.users.Member;
import io.kindred.plugins.community.ContestEntryStore.Match;
import org.jdbi.v3.core.Handle;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Members' votes in a contest: one per member and entry (the primary key), at most {@code votesPerMember} per
 * member and contest (counted in the same write transaction as the insert, which {@code BEGIN IMMEDIATE}
 * serialises), never for one's own entry, only while voting is open.
 */
final class ContestVotes {

    /**
     * The outcome of a vote or of taking it back.
     *
     * @param voted     whether the member now votes for the entry
     * @param votes     the entry's votes
     * @param votesLeft the member's votes left in the contest
     */
    record Outcome(boolean voted, long votes, long votesLeft) {
        Map<String, Object> json() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("voted", voted);
            m.put("votes", votes);
            m.put("votesLeft", votesLeft);
            return m;
        }
    }

    private final PluginContext ctx;
    private final ContestStore store;
    private final ContestEntryStore entries;
    private final PostingGate gate;

    ContestVotes(PluginContext ctx, ContestStore store, ContestEntryStore entries, PostingGate gate) {
        this.ctx = ctx;
        this.store = store;
        this.entries = entries;
        this.gate = gate;
    }

    /**
     * Votes for an entry; voting again for the same entry changes nothing.
     *
     * @throws KindredException 404 {@code contest_not_found} / {@code not_an_entry}, 409 {@code voting_closed} /
     *                          {@code vote_limit}, 403 {@code own_entry} / {@code member_banned}
     */
    Outcome vote(Member member, long contestId, long postId) {
        gate.check(member, PostingGate.Act.LIKE, PostingGate.Content.NONE); // a banned member does not vote
        LocalDate today = ctx.today();
        long now = ctx.clock().millis();
        return ctx.db().write(tx -> {
            Contest c = openForVotes(tx, contestId, today);
            long author = entries.entryAuthor(tx, Match.of(c, ctx.siteZone()), postId).orElseThrow(() -> notAnEntry(postId));
            if (author == member.id()) {
                throw new KindredException(ContestError.OWN_ENTRY, "You cannot vote for your own entry.");
            }
            long used = entries.votesOf(tx, contestId, member.id());
            if (!entries.votedBy(tx, contestId, member.id()).contains(postId)) {
                if (used >= c.votesPerMember()) {
                    throw new KindredException(ContestError.VOTE_LIMIT, "You have used all " + c.votesPerMember()
                            + " votes of this contest.");
                }
                entries.vote(tx, contestId, postId, member.id(), now);
                used++;
            }
            return new Outcome(true, entries.votesFor(tx, contestId, postId), c.votesPerMember() - used);
        });
    }

    /** Takes a vote back while voting is open; taking back a vote not given changes nothing. */
    Outcome unvote(Member member, long contestId, long postId) {
        LocalDate today = ctx.today();
        return ctx.db().write(tx -> {
            Contest c = openForVotes(tx, contestId, today);
            entries.unvote(tx, contestId, postId, member.id());
            long used = entries.votesOf(tx, contestId, member.id());
            return new Outcome(false, entries.votesFor(tx, contestId, postId), Math.max(0, c.votesPerMember() - used));
        });
    }

    private Contest openForVotes(Handle tx, long contestId, LocalDate today) {
        Contest c = store.find(tx, contestId).orElseThrow(() -> Contests.notFound(contestId));
        if (!c.votingOpen(today)) {
            throw new KindredException(ContestError.VOTING_CLOSED, !c.voting() ? "This contest has no voting."
                    : c.decidedAt() != null ? "The winners of this contest are decided."
                    : "Voting is open from " + c.votingStartDay() + " to " + c.votingEndDay() + ".");
        }
        return c;
    }

    private static KindredException notAnEntry(long postId) {
        return new KindredException(ContestError.NOT_AN_ENTRY, "The post " + postId + " is not an entry of this contest.");
    }
}
