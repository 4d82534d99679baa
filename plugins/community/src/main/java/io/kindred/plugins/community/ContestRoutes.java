package io.kindred.plugins.community;

import io.kindred.api.web.Routes;
import io.kindred.api.web.Access;
import io.kindred.api.users.Member;
import io.kindred.api.web.Exchange;
import io.kindred.api.web.Page;
import io.kindred.api.web.PageRequest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Contests as JSON: members under {@code /api/v1/community/contests}, operators under
 * {@code /api/v1/admin/community/contests}.
 */
final class ContestRoutes {

    /** {@code POST /api/v1/admin/community/contests/{id}/winners}. */
    record WinnersBody(List<ContestAwards.Pick> winners) {
    }

    /** Who the audit log names when an operator route is called with an API key rather than a session. */

    private final Contests contests;
    private final ContestVotes votes;
    private final ContestAwards awards;

    ContestRoutes(Contests contests, ContestVotes votes, ContestAwards awards) {
        this.contests = contests;
        this.votes = votes;
        this.awards = awards;
    }

    // ---- members ----

    /** {@code GET /api/v1/community/contests?cursor=&limit=}: newest first. */
    void list(Exchange x) {
        PageRequest page = x.page(20, 50);
        x.json(Page.of(contests.page(page.before(), page.limit()), page, Contest::id).map(contests::json));
    }

    /** {@code GET /api/v1/community/contests/{id}}: with entries ranked by votes, and results when decided. */
    void get(Exchange x) {
        Long viewer = x.member().map(Member::id).orElse(null);
        x.json(Map.of("contest", contests.view(x.pathParamAsId("id"), viewer).json()));
    }

    void vote(Exchange x) {
        ContestVotes.Outcome o = votes.vote(x.requireMember(), x.pathParamAsId("id"), x.pathParamAsId("postId"));
        x.json(Map.of("vote", o.json()));
    }

    void unvote(Exchange x) {
        ContestVotes.Outcome o = votes.unvote(x.requireMember(), x.pathParamAsId("id"), x.pathParamAsId("postId"));
        x.json(Map.of("vote", o.json()));
    }

    // ---- operators ----

    void adminList(Exchange x) {
        list(x);
    }

    void adminGet(Exchange x) {
        get(x);
    }

    void create(Exchange x) {
        Contest c = contests.create(x.actor(), x.body(ContestChange.class));
        x.json(201, Map.of("contest", contests.view(c.id(), null).json()));
    }

    void patch(Exchange x) {
        Contest c = contests.update(x.actor(), x.pathParamAsId("id"), x.body(ContestChange.class));
        x.json(Map.of("contest", contests.view(c.id(), null).json()));
    }

    /** {@code POST .../contests/{id}/winners} → 200 {@code {"results":{contestId, winners}}}; a repeat answers the same. */
    void winners(Exchange x) {
        long id = x.pathParamAsId("id");
        List<ContestAwards.Pick> picks = x.body(WinnersBody.class).winners();
        awards.award(x.actor(), id, picks);
        Contests.View view = contests.view(id, null);
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("contestId", id);
        results.put("decidedAt", view.json().get("decidedAt"));
        results.put("winners", view.results().stream().map(Contests.Result::json).toList());
        x.json(Map.of("results", results));
    }

    /** Registers this class's routes. */
    void register(Routes r) {
        r.group("/api/v1/community/contests", Access.PUBLIC, g -> {
            g.get("", this::list);
            g.get("/{id}", this::get);
        });
        r.group("/api/v1/community/contests", Access.MEMBER, g -> {
            g.post("/{id}/entries/{postId}/vote", this::vote);
            g.delete("/{id}/entries/{postId}/vote", this::unvote);
        });
        r.group("/api/v1/admin/community/contests", Access.OPERATOR, g -> {
            g.get("", this::adminList);
            g.post("", this::create);
            g.get("/{id}", this::adminGet);
            g.patch("/{id}", this::patch);
            g.post("/{id}/winners", this::winners);
        });
    }
}
