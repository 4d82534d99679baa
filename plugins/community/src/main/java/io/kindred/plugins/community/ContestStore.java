package io.kindred.plugins.community;

import org.jdbi.v3.core.Handle;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** SQL of contests and their prizes. */
final class ContestStore {

    private static final String COLUMNS = """
            id, title, rules, rules_html, category_id, tag, start_day, end_day, in_window, voting, voting_start_day,
            voting_end_day, votes_per_member, closed_at, decided_at""";

    long insert(Handle h, Contest c, long createdBy, long now) {
        long id = h.createUpdate("""
                        INSERT INTO community_contests(title, rules, rules_html, category_id, tag, start_day, end_day,
                               in_window, voting, voting_start_day, voting_end_day, votes_per_member, created_by,
                               created_at, updated_at)
                        VALUES (:title, :rules, :html, :category, :tag, :start, :end, :inWindow, :voting, :voteStart,
                                :voteEnd, :votes, :by, :now, :now)""")
                .bindMap(values(c)).bind("by", createdBy).bind("now", now)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
        setPrizes(h, id, c.prizes());
        return id;
    }

    void update(Handle h, Contest c, long now) {
        h.createUpdate("""
                        UPDATE community_contests SET title = :title, rules = :rules, rules_html = :html,
                               category_id = :category, tag = :tag, start_day = :start, end_day = :end,
                               in_window = :inWindow, voting = :voting, voting_start_day = :voteStart,
                               voting_end_day = :voteEnd, votes_per_member = :votes, closed_at = :closed,
                               updated_at = :now
                        WHERE id = :id""")
                .bindMap(values(c)).bind("closed", c.closedAt()).bind("id", c.id()).bind("now", now).execute();
        setPrizes(h, c.id(), c.prizes());
    }

    /** @return whether this call decided the contest (false: it was decided already) */
    boolean decide(Handle h, long id, long now) {
        return h.createUpdate("""
                        UPDATE community_contests SET decided_at = :now, updated_at = :now
                        WHERE id = :id AND decided_at IS NULL""")
                .bind("id", id).bind("now", now).execute() == 1;
    }

    Optional<Contest> find(Handle h, long id) {
        return h.createQuery("SELECT " + COLUMNS + " FROM community_contests WHERE id = :id").bind("id", id)
                .map((rs, c) -> map(rs, List.of())).findOne()
                .map(c -> withPrizes(h, List.of(c)).get(0));
    }

    /** @return contests newest first, with ids below {@code beforeId} */
    List<Contest> page(Handle h, long beforeId, int limit) {
        return withPrizes(h, h.createQuery("SELECT " + COLUMNS
                        + " FROM community_contests WHERE id < :before ORDER BY id DESC LIMIT :limit")
                .bind("before", beforeId).bind("limit", limit).map((rs, c) -> map(rs, List.of())).list());
    }

    private void setPrizes(Handle h, long contestId, List<Contest.Prize> prizes) {
        h.createUpdate("DELETE FROM community_contest_prizes WHERE contest_id = :c").bind("c", contestId).execute();
        for (Contest.Prize p : prizes) {
            h.createUpdate("""
                            INSERT INTO community_contest_prizes(contest_id, place, points, title, badge)
                            VALUES (:c, :place, :points, :title, :badge)""")
                    .bind("c", contestId).bind("place", p.rank()).bind("points", p.points()).bind("title", p.title())
                    .bind("badge", p.badge())
                    .execute();
        }
    }

    private List<Contest> withPrizes(Handle h, List<Contest> contests) {
        if (contests.isEmpty()) {
            return contests;
        }
        Map<Long, List<Contest.Prize>> byContest = new HashMap<>();
        h.createQuery("""
                        SELECT contest_id, place, points, title, badge FROM community_contest_prizes
                        WHERE contest_id IN (<ids>) ORDER BY contest_id, place""")
                .bindList("ids", contests.stream().map(Contest::id).toList())
                .map((rs, c) -> Map.entry(rs.getLong("contest_id"),
                        new Contest.Prize(rs.getInt("place"), rs.getLong("points"), rs.getString("title"),
                                rs.getString("badge"))))
                .forEach(e -> byContest.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return contests.stream().map(c -> new Contest(c.id(), c.title(), c.rules(), c.rulesHtml(), c.categoryId(),
                c.tag(), c.startDay(), c.endDay(), c.entriesInWindow(), c.voting(), c.votingStartDay(), c.votingEndDay(),
                c.votesPerMember(), c.closedAt(), c.decidedAt(), List.copyOf(byContest.getOrDefault(c.id(), List.of()))))
                .toList();
    }

    private static Map<String, Object> values(Contest c) {
        Map<String, Object> m = new HashMap<>();
        m.put("title", c.title());
        m.put("rules", c.rules());
        m.put("html", c.rulesHtml());
        m.put("category", c.categoryId());
        m.put("tag", c.tag());
        m.put("start", c.startDay().toString());
        m.put("end", c.endDay().toString());
        m.put("inWindow", c.entriesInWindow() ? 1 : 0);
        m.put("voting", c.voting() ? 1 : 0);
        m.put("voteStart", c.votingStartDay().toString());
        m.put("voteEnd", c.votingEndDay().toString());
        m.put("votes", c.votesPerMember());
        return m;
    }

    private static Contest map(ResultSet rs, List<Contest.Prize> prizes) throws SQLException {
        long category = rs.getLong("category_id");
        Long categoryId = rs.wasNull() ? null : category;
        long closed = rs.getLong("closed_at");
        Long closedAt = rs.wasNull() ? null : closed;
        long decided = rs.getLong("decided_at");
        Long decidedAt = rs.wasNull() ? null : decided;
        return new Contest(rs.getLong("id"), rs.getString("title"), rs.getString("rules"), rs.getString("rules_html"),
                categoryId, rs.getString("tag"), LocalDate.parse(rs.getString("start_day")),
                LocalDate.parse(rs.getString("end_day")), rs.getInt("in_window") == 1, rs.getInt("voting") == 1,
                LocalDate.parse(rs.getString("voting_start_day")), LocalDate.parse(rs.getString("voting_end_day")),
                rs.getInt("votes_per_member"), closedAt, decidedAt, prizes);
    }
}
