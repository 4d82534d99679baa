package io.kindred.plugins.community;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** SQL of a contest's entries (posts that match it), votes and winners. */
final class ContestEntryStore {

    /**
     * Which posts are entries of a contest.
     *
     * @param contestId   the contest
     * @param categoryId  the category (its sub-categories included), or null for any
     * @param tag         the tag, or null for any
     * @param from        first publishing instant, or null
     * @param until       publishing instant no longer counted, or null
     */
    record Match(long contestId, Long categoryId, String tag, Long from, Long until) {

        static Match of(Contest c, java.time.ZoneId zone) {
            return new Match(c.id(), c.categoryId(), c.tag(), c.entriesFrom(zone), c.entriesUntil(zone));
        }
    }

    /** An entry with its votes. */
    record Ranked(long postId, long authorId, long votes) {
    }

    /** A winner as stored. */
    record Winner(int rank, long postId, long userId, long points, String title, String badge, long votes,
                  Long transferId) {
    }

    /** @return the entries, most votes first, then the earliest post */
    List<Ranked> ranked(Handle h, Match m, int limit) {
        return query(h, m, """
                SELECT p.id, p.user_id, COALESCE(v.n, 0) AS votes FROM community_posts p %s
                  LEFT JOIN (SELECT post_id, COUNT(*) AS n FROM community_contest_votes WHERE contest_id = :contest
                             GROUP BY post_id) v ON v.post_id = p.id
                 WHERE %s ORDER BY votes DESC, p.id ASC LIMIT :limit""", null)
                .bind("limit", limit)
                .map((rs, c) -> new Ranked(rs.getLong("id"), rs.getLong("user_id"), rs.getLong("votes"))).list();
    }

    /** @return the entry's author, or empty when the post is not an entry of the contest */
    Optional<Long> entryAuthor(Handle h, Match m, long postId) {
        return query(h, m, "SELECT p.user_id FROM community_posts p %s WHERE %s", postId).mapTo(Long.class).findOne();
    }

    long countEntries(Handle h, Match m) {
        return query(h, m, "SELECT COUNT(*) FROM community_posts p %s WHERE %s", null).mapTo(Long.class).one();
    }

    private static Query query(Handle h, Match m, String template, Long postId) {
        String join = m.tag() == null ? "" : "JOIN community_post_tags t ON t.post_id = p.id AND t.tag = :tag";
        StringBuilder where = new StringBuilder("p.status = 'published'");
        if (m.categoryId() != null) {
            where.append(" AND p.category_id IN (SELECT id FROM community_categories WHERE id = :category OR parent_id = :category)");
        }
        if (m.from() != null) {
            where.append(" AND p.created_at >= :from AND p.created_at < :until");
        }
        if (postId != null) {
            where.append(" AND p.id = :post");
        }
        Query q = h.createQuery(template.formatted(join, where));
        if (template.contains(":contest")) {
            q.bind("contest", m.contestId());
        }
        if (m.tag() != null) {
            q.bind("tag", m.tag());
        }
        if (m.categoryId() != null) {
            q.bind("category", m.categoryId());
        }
        if (m.from() != null) {
            q.bind("from", m.from()).bind("until", m.until());
        }
        if (postId != null) {
            q.bind("post", postId);
        }
        return q;
    }

    /** @return whether the vote is new (false: the member had voted for that entry already) */
    boolean vote(Handle h, long contestId, long postId, long userId, long now) {
        return h.createUpdate("""
                        INSERT INTO community_contest_votes(contest_id, post_id, user_id, created_at)
                        VALUES (:c, :p, :u, :now) ON CONFLICT (contest_id, post_id, user_id) DO NOTHING""")
                .bind("c", contestId).bind("p", postId).bind("u", userId).bind("now", now).execute() == 1;
    }

    boolean unvote(Handle h, long contestId, long postId, long userId) {
        return h.createUpdate("DELETE FROM community_contest_votes WHERE contest_id = :c AND post_id = :p AND user_id = :u")
                .bind("c", contestId).bind("p", postId).bind("u", userId).execute() == 1;
    }

    long votesOf(Handle h, long contestId, long userId) {
        return h.createQuery("SELECT COUNT(*) FROM community_contest_votes WHERE contest_id = :c AND user_id = :u")
                .bind("c", contestId).bind("u", userId).mapTo(Long.class).one();
    }

    long votesFor(Handle h, long contestId, long postId) {
        return h.createQuery("SELECT COUNT(*) FROM community_contest_votes WHERE contest_id = :c AND post_id = :p")
                .bind("c", contestId).bind("p", postId).mapTo(Long.class).one();
    }

    /** @return the entries the member voted for in the contest */
    Set<Long> votedBy(Handle h, long contestId, long userId) {
        return Set.copyOf(h.createQuery("SELECT post_id FROM community_contest_votes WHERE contest_id = :c AND user_id = :u")
                .bind("c", contestId).bind("u", userId).mapTo(Long.class).list());
    }

    void insertWinner(Handle h, long contestId, Winner w, long now) {
        h.createUpdate("""
                        INSERT INTO community_contest_winners(contest_id, place, post_id, user_id, points, title, badge,
                               votes, transfer_id, created_at)
                        VALUES (:c, :place, :post, :user, :points, :title, :badge, :votes, :transfer, :now)""")
                .bind("c", contestId).bind("place", w.rank()).bind("post", w.postId()).bind("user", w.userId())
                .bind("points", w.points()).bind("title", w.title()).bind("badge", w.badge()).bind("votes", w.votes())
                .bind("transfer", w.transferId()).bind("now", now).execute();
    }

    List<Winner> winners(Handle h, long contestId) {
        return h.createQuery("""
                        SELECT place, post_id, user_id, points, title, badge, votes, transfer_id FROM community_contest_winners
                        WHERE contest_id = :c ORDER BY place""")
                .bind("c", contestId)
                .map((rs, c) -> {
                    long transfer = rs.getLong("transfer_id");
                    Long transferId = rs.wasNull() ? null : transfer;
                    return new Winner(rs.getInt("place"), rs.getLong("post_id"), rs.getLong("user_id"),
                            rs.getLong("points"), rs.getString("title"), rs.getString("badge"), rs.getLong("votes"),
                            transferId);
                }).list();
    }
}
