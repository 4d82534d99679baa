package io.kindred.plugins.distribution;

import org.jdbi.v3.core.Handle;

import java.util.List;
import java.util.Optional;

/** The SQL of distributor levels and of each member's current level. */
final class LevelStore {

    List<Level> all(Handle h) {
        return h.createQuery("SELECT * FROM distribution_levels ORDER BY rank_order")
                .map((rs, c) -> new Level(rs.getString("code"), rs.getString("name"), rs.getInt("rank_order"),
                        rs.getInt("min_fans"), rs.getLong("min_team_sales"), rs.getInt("rate1_bp"), rs.getInt("rate2_bp")))
                .list();
    }

    void replaceAll(Handle tx, List<Level> levels) {
        tx.createUpdate("DELETE FROM distribution_levels").execute();
        for (Level l : levels) {
            tx.createUpdate("""
                            INSERT INTO distribution_levels(code, name, rank_order, min_fans, min_team_sales, rate1_bp, rate2_bp)
                            VALUES (:code, :name, :rank, :fans, :sales, :r1, :r2)""")
                    .bind("code", l.code()).bind("name", l.name()).bind("rank", l.rank()).bind("fans", l.minFans())
                    .bind("sales", l.minTeamSales()).bind("r1", l.rate1()).bind("r2", l.rate2()).execute();
        }
    }

    Optional<String> levelOf(Handle h, long userId) {
        return h.createQuery("SELECT level_code FROM distribution_member_levels WHERE user_id = :u")
                .bind("u", userId).mapTo(String.class).findOne();
    }

    void setLevel(Handle tx, long userId, String code, long now) {
        tx.createUpdate("""
                        INSERT INTO distribution_member_levels(user_id, level_code, changed_at) VALUES (:u, :c, :now)
                        ON CONFLICT (user_id) DO UPDATE SET level_code = :c, changed_at = :now""")
                .bind("u", userId).bind("c", code).bind("now", now).execute();
    }

    /** @return purchases since {@code since} by the member's fans and their fans (two levels), refunds left out */
    long teamSales(Handle h, long userId, long since) {
        return h.createQuery("""
                        SELECT COALESCE(SUM(p.amount), 0) FROM distribution_purchases p
                         WHERE p.created_at >= :since AND p.refunded_at IS NULL
                           AND p.user_id IN (SELECT f.user_id FROM distribution_bindings f WHERE f.referrer_id = :u
                                             UNION
                                             SELECT s.user_id FROM distribution_bindings s
                                               JOIN distribution_bindings f ON f.user_id = s.referrer_id
                                              WHERE f.referrer_id = :u)""")
                .bind("u", userId).bind("since", since).mapTo(Long.class).one();
    }
}
