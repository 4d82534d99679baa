package io.kindred.plugins.checkin;

import org.jdbi.v3.core.Handle;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The SQL of check-ins and their rewards. Days are bound as {@code YYYY-MM-DD} text, which sorts like the
 * dates it names; every query here is served by the indexes of {@code V1__checkins.sql}.
 */
final class CheckinStore {

    /** One member's check-in on one day. */
    record CheckinRow(long userId, LocalDate day, int runLength, int streak, boolean makeup, long awarded,
                      long cost, String requestKey) {
    }

    /** One member's best run of a month, for the leaderboard. */
    record BestRun(long userId, int longestStreak, int days) {
    }

    private static final String COLUMNS = "user_id, day, run_length, streak, makeup, awarded, cost, request_key";

    /** A streak that ended yesterday and breaks unless its member checks in today. */
    record RunAtRisk(long userId, int runLength) {
    }

    /** @return members whose run of at least {@code minRun} days ended yesterday, with no check-in today */
    List<RunAtRisk> runsAtRisk(Handle h, LocalDate today, int minRun) {
        return h.createQuery("""
                        SELECT y.user_id, y.run_length FROM checkins y
                         WHERE y.day = :yesterday AND y.run_length >= :minRun
                           AND NOT EXISTS (SELECT 1 FROM checkins t WHERE t.user_id = y.user_id AND t.day = :today)
                         ORDER BY y.user_id""")
                .bind("yesterday", today.minusDays(1).toString()).bind("today", today.toString()).bind("minRun", minRun)
                .map((rs, c) -> new RunAtRisk(rs.getLong(1), rs.getInt(2))).list();
    }

    /** @return whether the reminder with this key was not sent before (and is now marked sent) */
    boolean markReminded(Handle tx, String key, long now) {
        return tx.createUpdate("""
                        INSERT INTO checkin_reminders(reminder_key, sent_at) VALUES (:k, :now)
                        ON CONFLICT (reminder_key) DO NOTHING""")
                .bind("k", key).bind("now", now).execute() == 1;
    }

    boolean insert(Handle tx, CheckinRow row, long now) {
        return tx.createUpdate("""
                        INSERT INTO checkins(user_id, day, run_length, streak, makeup, awarded, cost, request_key, created_at)
                        VALUES (:user, :day, :run, :streak, :makeup, :awarded, :cost, :key, :now)
                        ON CONFLICT (user_id, day) DO NOTHING""")
                .bind("user", row.userId()).bind("day", row.day().toString()).bind("run", row.runLength())
                .bind("streak", row.streak()).bind("makeup", row.makeup() ? 1 : 0).bind("awarded", row.awarded())
                .bind("cost", row.cost()).bind("key", row.requestKey()).bind("now", now)
                .execute() == 1;
    }

    Optional<CheckinRow> find(Handle h, long userId, LocalDate day) {
        return h.createQuery("SELECT " + COLUMNS + " FROM checkins WHERE user_id = :user AND day = :day")
                .bind("user", userId).bind("day", day.toString())
                .map((rs, c) -> row(rs)).findOne();
    }

    /** @return the member's check-ins from {@code from} to {@code to}, both included, oldest first */
    List<CheckinRow> between(Handle h, long userId, LocalDate from, LocalDate to) {
        return h.createQuery("""
                        SELECT %s FROM checkins
                         WHERE user_id = :user AND day >= :from AND day <= :to ORDER BY day""".formatted(COLUMNS))
                .bind("user", userId).bind("from", from.toString()).bind("to", to.toString())
                .map((rs, c) -> row(rs)).list();
    }

    void updateStreak(Handle tx, long userId, LocalDate day, int runLength, int streak) {
        tx.createUpdate("UPDATE checkins SET run_length = :run, streak = :streak WHERE user_id = :user AND day = :day")
                .bind("run", runLength).bind("streak", streak).bind("user", userId).bind("day", day.toString())
                .execute();
    }

    void setAwarded(Handle tx, long userId, LocalDate day, long awarded) {
        tx.createUpdate("UPDATE checkins SET awarded = :awarded WHERE user_id = :user AND day = :day")
                .bind("awarded", awarded).bind("user", userId).bind("day", day.toString()).execute();
    }

    int count(Handle h, long userId, LocalDate from, LocalDate to, boolean makeupsOnly) {
        return h.createQuery("""
                        SELECT COUNT(*) FROM checkins
                         WHERE user_id = :user AND day >= :from AND day <= :to AND makeup >= :makeup""")
                .bind("user", userId).bind("from", from.toString()).bind("to", to.toString())
                .bind("makeup", makeupsOnly ? 1 : 0).mapTo(Integer.class).one();
    }

    // ---- rewards ----

    /** Records a reward once per key; the caller credits the ledger only when this answers true. */
    boolean insertReward(Handle tx, long userId, LocalDate day, String kind, Integer milestone, String key, long points,
                         long now) {
        return tx.createUpdate("""
                        INSERT INTO checkin_rewards(user_id, day, kind, milestone, reward_key, points, created_at)
                        VALUES (:user, :day, :kind, :milestone, :key, :points, :now)
                        ON CONFLICT (reward_key) DO NOTHING""")
                .bind("user", userId).bind("day", day.toString()).bind("kind", kind).bind("milestone", milestone)
                .bind("key", key).bind("points", points).bind("now", now)
                .execute() == 1;
    }

    boolean rewardExists(Handle h, String key) {
        return h.createQuery("SELECT COUNT(*) FROM checkin_rewards WHERE reward_key = :key")
                .bind("key", key).mapTo(Integer.class).one() > 0;
    }

    /** @return whether a streak milestone for {@code streak} was paid on a day from {@code from} to {@code to} */
    boolean streakMilestonePaid(Handle h, long userId, int streak, LocalDate from, LocalDate to) {
        return h.createQuery("""
                        SELECT COUNT(*) FROM checkin_rewards
                         WHERE user_id = :user AND day >= :from AND day <= :to AND kind = 'streak' AND milestone = :streak""")
                .bind("user", userId).bind("from", from.toString()).bind("to", to.toString()).bind("streak", streak)
                .mapTo(Integer.class).one() > 0;
    }

    // ---- statistics ----

    /** @return check-ins per day from {@code from} to {@code to}, every day present (0 when none) */
    Map<LocalDate, Long> perDay(Handle h, LocalDate from, LocalDate to) {
        Map<LocalDate, Long> out = new LinkedHashMap<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            out.put(d, 0L);
        }
        h.createQuery("SELECT day, COUNT(*) FROM checkins WHERE day >= :from AND day <= :to GROUP BY day")
                .bind("from", from.toString()).bind("to", to.toString())
                .map((rs, c) -> Map.entry(LocalDate.parse(rs.getString(1)), rs.getLong(2)))
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    /**
     * @return how many members have a live run of each length bucket: those who checked in today, and those
     * who checked in yesterday and may still check in today
     */
    Map<String, Long> liveRunBuckets(Handle h, LocalDate today) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (String b : List.of("1", "2", "3-6", "7-13", "14-29", "30+")) {
            out.put(b, 0L);
        }
        h.createQuery("""
                        SELECT CASE WHEN run_length = 1 THEN '1' WHEN run_length = 2 THEN '2'
                                    WHEN run_length < 7 THEN '3-6' WHEN run_length < 14 THEN '7-13'
                                    WHEN run_length < 30 THEN '14-29' ELSE '30+' END AS bucket, COUNT(*)
                          FROM (SELECT t.run_length FROM checkins t WHERE t.day = :today
                                UNION ALL
                                SELECT y.run_length FROM checkins y
                                 WHERE y.day = :yesterday
                                   AND NOT EXISTS (SELECT 1 FROM checkins t WHERE t.user_id = y.user_id AND t.day = :today)
                               ) live
                         GROUP BY 1""")
                .bind("today", today.toString()).bind("yesterday", today.minusDays(1).toString())
                .map((rs, c) -> Map.entry(rs.getString(1), rs.getLong(2)))
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    /** @return members by their longest run within the days given, best first, one page */
    List<BestRun> bestRuns(Handle h, LocalDate from, LocalDate to, int limit, int offset) {
        return h.createQuery("""
                        SELECT user_id, MAX(run_length), COUNT(*) FROM checkins
                         WHERE day >= :from AND day <= :to
                         GROUP BY user_id
                         ORDER BY MAX(run_length) DESC, COUNT(*) DESC, user_id
                         LIMIT :limit OFFSET :offset""")
                .bind("from", from.toString()).bind("to", to.toString()).bind("limit", limit).bind("offset", offset)
                .map((rs, c) -> new BestRun(rs.getLong(1), rs.getInt(2), rs.getInt(3))).list();
    }

    private static CheckinRow row(ResultSet rs) throws SQLException {
        return new CheckinRow(rs.getLong("user_id"), LocalDate.parse(rs.getString("day")), rs.getInt("run_length"),
                rs.getInt("streak"), rs.getInt("makeup") == 1, rs.getLong("awarded"), rs.getLong("cost"),
                rs.getString("request_key"));
    }
}
