package io.kindred.plugins.community;

import io.kindred.api.web.Routes;
import io.kindred.api.web.Access;
import io.kindred.api.KindredException;
import io.kindred.api.users.Member;
import io.kindred.api.web.Exchange;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The member pages of contests: the list, and a contest with its rules, prizes, entries (vote buttons are plain
 * forms that redirect back with a notice, so voting works without JavaScript) and results once decided.
 */
final class ContestPages {

    /** Refusals a vote form turns into a notice on the contest page instead of an error page. */
    private static final Set<String> NOTICED = Set.of("voting_closed", "vote_limit", "own_entry", "not_an_entry");

    private final Contests contests;
    private final ContestVotes votes;

    ContestPages(Contests contests, ContestVotes votes) {
        this.contests = contests;
        this.votes = votes;
    }

    /** {@code GET /community/contests}. */
    void list(Exchange x) {
        x.render("community/contests/list", Map.of("contests",
                contests.page(Long.MAX_VALUE, 50).stream().map(contests::json).toList()));
    }

    /** {@code GET /community/contests/{id}}. */
    void contest(Exchange x) {
        Long viewer = x.member().map(Member::id).orElse(null);
        Contests.View view = contests.view(x.pathParamAsId("id"), viewer);
        Map<String, Object> model = new HashMap<>();
        model.put("contest", view.json());
        model.put("signedIn", viewer != null);
        model.put("viewerId", viewer == null ? 0L : viewer);
        model.put("canVote", viewer != null && view.contest().votingOpen(view.today()));
        x.render("community/contests/contest", model);
    }

    /** {@code POST /community/contests/{id}/entries/{postId}/vote}. */
    void vote(Exchange x) {
        long id = x.pathParamAsId("id");
        long postId = x.pathParamAsId("postId");
        noticeAfter(x, id, postId, "community.contests.voted", () -> votes.vote(x.requireMember(), id, postId));
    }

    /** {@code POST /community/contests/{id}/entries/{postId}/unvote}. */
    void unvote(Exchange x) {
        long id = x.pathParamAsId("id");
        long postId = x.pathParamAsId("postId");
        noticeAfter(x, id, postId, "community.contests.unvoted", () -> votes.unvote(x.requireMember(), id, postId));
    }

    private static void noticeAfter(Exchange x, long id, long postId, String notice, Runnable action) {
        String key = notice;
        try {
            action.run();
        } catch (KindredException e) {
            if (!NOTICED.contains(e.code())) {
                throw e;
            }
            key = "community.contests." + e.code();
        }
        x.redirect("/community/contests/" + id + "?notice=" + key + "#entry-" + postId);
    }

    /** Registers this class's routes. */
    void register(Routes r) {
        r.group("/community/contests", Access.PUBLIC, g -> {
            g.get("", this::list);
            g.get("/{id}", this::contest);
        });
        r.group("/community/contests", Access.MEMBER, g -> {
            g.post("/{id}/entries/{postId}/vote", this::vote);
            g.post("/{id}/entries/{postId}/unvote", this::unvote);
        });
    }
}
