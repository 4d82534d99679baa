package io.kindred.plugins.community;

import io.kindred.api.KindredException;
import io.kindred.api.PluginContext;
import io.kindred.api.badges.BadgeService;
import io.kindred.api.users.Member;
import io.kindred.plugins.community.ContestEntryStore.Match;
import io.kindred.plugins.community.ContestEntryStore.Ranked;
import io.kindred.plugins.community.ContestEntryStore.Winner;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Content-creation contests (内容创作活动): operators create, edit and end them; anyone reads them with their
 * entries ranked by votes and, once decided, their results. Voting is {@link ContestVotes}, awarding
 * {@link ContestAwards}.
 */
final class Contests {

    /** How many entries a contest page and the API show, most votes first. */
    static final int SHOWN_ENTRIES = 100;

    /** An entry as a reader sees it. */
    record Entry(Post post, Authors.Author author, long votes, boolean voted) {
        Map<String, Object> json() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("postId", post.id());
            m.put("title", post.title());
            m.put("excerpt", post.excerpt());
            m.put("thumbUrl", post.images().isEmpty() ? null : post.images().get(0).thumbUrl());
            m.put("author", author.json());
            m.put("votes", votes);
            m.put("voted", voted);
            m.put("createdAt", java.time.Instant.ofEpochMilli(post.createdAt()).toString());
            return m;
        }
    }

    /** A winner as a reader sees it. */
    record Result(Winner winner, String postTitle, Authors.Author author) {
        Map<String, Object> json() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("rank", winner.rank());
            m.put("postId", winner.postId());
            m.put("title", postTitle);
            m.put("author", author.json());
            m.put("votes", winner.votes());
            m.put("points", winner.points());
            m.put("prizeTitle", winner.title());
            m.put("badge", winner.badge());
            return m;
        }
    }

    /** A contest with its ranked entries, what the viewer may still vote, and its results when decided. */
    record View(Contest contest, LocalDate today, List<Entry> entries, long entryCount, Long votesLeft,
                List<Result> results) {
        Map<String, Object> json() {
            Map<String, Object> m = contest.json(today);
            m.put("entryCount", entryCount);
            m.put("entries", entries.stream().map(Entry::json).toList());
            m.put("votesLeft", votesLeft);
            m.put("results", contest.decidedAt() == null ? null : results.stream().map(Result::json).toList());
            return m;
        }
    }

    private final PluginContext ctx;
    private final ContestStore store;
    private final ContestEntryStore entries;
    private final PostStore posts;
    private final Categories categories;
    private final Authors authors;

    Contests(PluginContext ctx, ContestStore store, ContestEntryStore entries, PostStore posts, Categories categories,
             Authors authors) {
        this.ctx = ctx;
        this.store = store;
        this.entries = entries;
        this.posts = posts;
        this.categories = categories;
        this.authors = authors;
    }

    // ---- reading ----

    Contest get(long id) {
        return ctx.db().read(h -> store.find(h, id)).orElseThrow(() -> notFound(id));
    }

    List<Contest> page(long beforeId, int limit) {
        return ctx.db().read(h -> store.page(h, beforeId, limit));
    }

    /** What {@link #view} reads in one transaction, before authors are looked up. */
    private record Read(Contest contest, List<Ranked> ranked, Map<Long, Post> posts, Set<Long> mine, long count,
                        List<Winner> winners, Map<Long, String> winnerTitles) {
    }

    /** @return the contest as {@code viewerId} (null: anonymous) sees it */
    View view(long id, Long viewerId) {
        LocalDate today = ctx.today();
        Read r = ctx.db().read(h -> {
            Contest c = store.find(h, id).orElseThrow(() -> notFound(id));
            Match match = Match.of(c, ctx.siteZone());
            List<Ranked> ranked = entries.ranked(h, match, SHOWN_ENTRIES);
            Map<Long, Post> byId = posts.published(h, ranked.stream().map(Ranked::postId).toList()).stream()
                    .collect(Collectors.toMap(Post::id, Function.identity()));
            List<Winner> winners = entries.winners(h, id);
            Map<Long, String> titles = new java.util.HashMap<>();
            winners.forEach(w -> titles.put(w.postId(), posts.find(h, w.postId()).map(Post::title).orElse("—")));
            return new Read(c, ranked, byId, viewerId == null ? Set.of() : entries.votedBy(h, id, viewerId),
                    entries.countEntries(h, match), winners, titles);
        });
        List<Entry> list = r.ranked().stream().filter(e -> r.posts().containsKey(e.postId()))
                .map(e -> new Entry(r.posts().get(e.postId()), authors.of(e.authorId()), e.votes(), r.mine().contains(e.postId())))
                .toList();
        Contest c = r.contest();
        Long left = viewerId == null || !c.voting() ? null : Math.max(0, c.votesPerMember() - (long) r.mine().size());
        List<Result> results = r.winners().stream()
                .map(w -> new Result(w, r.winnerTitles().get(w.postId()), authors.of(w.userId()))).toList();
        return new View(c, today, list, r.count(), left, results);
    }

    Map<String, Object> json(Contest c) {
        return c.json(ctx.today());
    }

    // ---- operators ----

    Contest create(Member operator, ContestChange change) {
        if (change.ended().orElse(false)) {
            throw KindredException.invalidField("A new contest cannot be ended.");
        }
        Contest c = withBadges(Contest.blank().with(change), grantableBadges());
        checkCategory(c);
        long now = ctx.clock().millis();
        return ctx.db().write(tx -> {
            long id = store.insert(tx, c, operator.id(), now);
            ctx.audit().record(tx, operator, "community.contest_created", target(id), "Created the contest \""
                    + c.title() + "\".");
            return c.withId(id);
        });
    }

    /** Edits a contest, or ends it ({@code ended: true}); refused once its winners are decided. */
    Contest update(Member operator, long id, ContestChange change) {
        change.categoryId().filter(c -> c != 0).ifPresent(categories::find);
        Map<String, String> badges = grantableBadges();
        long now = ctx.clock().millis();
        return ctx.db().write(tx -> {
            Contest current = store.find(tx, id).orElseThrow(() -> notFound(id));
            if (current.decidedAt() != null) {
                throw new KindredException(ContestError.CONTEST_DECIDED, "The winners of this contest are decided.");
            }
            Contest changed = withBadges(current.with(change), badges);
            boolean ending = change.ended().orElse(false) && current.closedAt() == null;
            if (ending) {
                changed = changed.closed(now);
            }
            store.update(tx, changed, now);
            ctx.audit().record(tx, operator, ending ? "community.contest_ended" : "community.contest_updated", target(id),
                    (ending ? "Ended" : "Edited") + " the contest \"" + changed.title() + "\".");
            return changed;
        });
    }

    /** @return code → name of the badges the points shop can grant; empty when it is off */
    Map<String, String> grantableBadges() {
        Map<String, String> names = new LinkedHashMap<>();
        ctx.services().find(BadgeService.class).map(BadgeService::grantable).orElse(List.of())
                .forEach(b -> names.putIfAbsent(b.code(), b.name()));
        return names;
    }

    /** Checks each badge prize against the grantable badges; a badge prize without a title takes the badge's name. */
    private static Contest withBadges(Contest c, Map<String, String> grantable) {
        return c.withPrizes(c.prizes().stream().map(p -> {
            if (p.badge() == null) {
                return p;
            }
            String name = grantable.get(p.badge());
            if (name == null) {
                throw KindredException.invalidField("The badge of rank " + p.rank() + " is not one the points shop can grant: "
                        + p.badge() + ".");
            }
            return new Contest.Prize(p.rank(), p.points(), p.title() == null ? name : p.title(), p.badge());
        }).toList());
    }

    private void checkCategory(Contest c) {
        if (c.categoryId() != null) {
            categories.find(c.categoryId());
        }
    }

    static String target(long contestId) {
        return "community:contest:" + contestId;
    }

    static KindredException notFound(long id) {
        return new KindredException(ContestError.CONTEST_NOT_FOUND, "There is no contest " + id + ".");
    }
}
