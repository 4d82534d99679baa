package io.kindred.plugins.checkin;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.SqlStatement;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** The SQL of check-in challenges and of who takes part in them. Deleted challenges keep their rows. */
final class ChallengeStore {

    /** A member's part in a challenge: joined (or taking part by default), and completed on a day or not. */
    record Participation(boolean joined, LocalDate completedDay) {

        static final Participation NONE = new Participation(false, null);

        boolean completed() {
            return completedDay != null;
        }
    }

    /** How many members joined and completed a challenge. */
    record Counts(long participants, long completed) {
    }

    private static final String COLUMNS = """
            id, title, description, start_day, end_day, days_required, consecutive, reward_points, badge, auto_join""";

    long insert(Handle tx, Challenge c, long now) {
        return bindFields(tx.createUpdate("""
                        INSERT INTO checkin_challenges(title, description, start_day, end_day, days_required, consecutive,
                                                       reward_points, badge, auto_join, created_at, updated_at)
                        VALUES (:title, :description, :start, :end, :required, :consecutive, :reward, :badge, :auto,
                                :now, :now)"""), c)
                .bind("now", now)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    boolean update(Handle tx, Challenge c, long now) {
        return bindFields(tx.createUpdate("""
                        UPDATE checkin_challenges
                           SET title = :title, description = :description, start_day = :start, end_day = :end,
                               days_required = :required, consecutive = :consecutive, reward_points = :reward,
                               badge = :badge, auto_join = :auto, updated_at = :now
                         WHERE id = :id AND deleted_at IS NULL"""), c)
                .bind("id", c.id()).bind("now", now).execute() == 1;
    }

    boolean delete(Handle tx, long id, long now) {
        return tx.createUpdate("UPDATE checkin_challenges SET deleted_at = :now WHERE id = :id AND deleted_at IS NULL")
                .bind("id", id).bind("now", now).execute() == 1;
    }

    Optional<Challenge> find(Handle h, long id) {
        return h.createQuery("SELECT " + COLUMNS + " FROM checkin_challenges WHERE id = :id AND deleted_at IS NULL")
                .bind("id", id).map((rs, c) -> challenge(rs)).findOne();
    }

    /** @return challenges newest first, one page of those with an id below {@code beforeId} */
    List<Challenge> page(Handle h, long beforeId, int limit) {
        return h.createQuery("""
                        SELECT %s FROM checkin_challenges
                         WHERE id < :before AND deleted_at IS NULL ORDER BY id DESC LIMIT :limit""".formatted(COLUMNS))
                .bind("before", beforeId).bind("limit", limit).map((rs, c) -> challenge(rs)).list();
    }

    /** @return challenges whose window holds {@code day} and that have not ended by {@code today} */
    List<Challenge> open(Handle h, LocalDate day, LocalDate today) {
        return h.createQuery("""
                        SELECT %s FROM checkin_challenges
                         WHERE end_day >= :today AND end_day >= :day AND start_day <= :day AND deleted_at IS NULL"""
                        .formatted(COLUMNS))
                .bind("day", day.toString()).bind("today", today.toString()).map((rs, c) -> challenge(rs)).list();
    }

    Participation participation(Handle h, Challenge c, long userId) {
        return h.createQuery("""
                        SELECT completed_day FROM checkin_challenge_members WHERE challenge_id = :c AND user_id = :u""")
                .bind("c", c.id()).bind("u", userId)
                .map((rs, ctx) -> new Participation(true, rs.getString(1) == null ? null : LocalDate.parse(rs.getString(1))))
                .findOne().orElse(c.autoJoin() ? new Participation(true, null) : Participation.NONE);
    }

    /** A member who joined a challenge, with the challenge's title. */
    record Joined(long challengeId, String title, long userId) {
    }

    /** @return the members who joined a (not deleted) challenge that starts on {@code day} */
    List<Joined> joinedStartingOn(Handle h, LocalDate day) {
        return h.createQuery("""
                        SELECT c.id, c.title, m.user_id FROM checkin_challenges c
                          JOIN checkin_challenge_members m ON m.challenge_id = c.id
                         WHERE c.start_day = :day AND c.deleted_at IS NULL AND m.completed_at IS NULL
                         ORDER BY c.id, m.user_id""")
                .bind("day", day.toString())
                .map((rs, ctx) -> new Joined(rs.getLong(1), rs.getString(2), rs.getLong(3))).list();
    }

    void join(Handle tx, long challengeId, long userId, long now) {
        tx.createUpdate("""
                        INSERT INTO checkin_challenge_members(challenge_id, user_id, joined_at) VALUES (:c, :u, :now)
                        ON CONFLICT (challenge_id, user_id) DO NOTHING""")
                .bind("c", challengeId).bind("u", userId).bind("now", now).execute();
    }

    /** Marks the challenge completed, once. @return whether this call completed it */
    boolean complete(Handle tx, long challengeId, long userId, LocalDate day, long now) {
        return tx.createUpdate("""
                        UPDATE checkin_challenge_members SET completed_day = :day, completed_at = :now
                         WHERE challenge_id = :c AND user_id = :u AND completed_at IS NULL""")
                .bind("day", day.toString()).bind("now", now).bind("c", challengeId).bind("u", userId).execute() == 1;
    }

    Counts counts(Handle h, long challengeId) {
        return h.createQuery("""
                        SELECT COUNT(*), COUNT(completed_at) FROM checkin_challenge_members WHERE challenge_id = :c""")
                .bind("c", challengeId).map((rs, c) -> new Counts(rs.getLong(1), rs.getLong(2))).one();
    }

    private static <S extends SqlStatement<S>> S bindFields(S statement, Challenge c) {
        return statement.bind("title", c.title()).bind("description", c.description())
                .bind("start", c.startDay().toString()).bind("end", c.endDay().toString())
                .bind("required", c.daysRequired()).bind("consecutive", c.consecutive() ? 1 : 0)
                .bind("reward", c.rewardPoints()).bind("badge", c.badge()).bind("auto", c.autoJoin() ? 1 : 0);
    }

    private static Challenge challenge(ResultSet rs) throws SQLException {
        return new Challenge(rs.getLong("id"), rs.getString("title"), rs.getString("description"),
                LocalDate.parse(rs.getString("start_day")), LocalDate.parse(rs.getString("end_day")),
                rs.getInt("days_required"), rs.getInt("consecutive") == 1, rs.getLong("reward_points"),
                rs.getString("badge"), rs.getInt("auto_join") == 1);
    }
}
