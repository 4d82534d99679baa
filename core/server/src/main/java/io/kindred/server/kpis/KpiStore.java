package io.kindred.server.kpis;

import io.kindred.server.users.MemberStats;
import org.jdbi.v3.core.Handle;

import java.util.List;

/**
 * The SQL behind the KPIs. Every query reads a range of an indexed time column ({@code users.created_at},
 * {@code purchases_created}, {@code sign_ins_created}, {@code ledger_transfers_flows}) or the few system
 * accounts of an asset; times are epoch millis, {@code from} included, {@code to} not. A purchase counts
 * unless it was refunded (status {@code refunded}): revenue is net of refunds.
 */
final class KpiStore {

    /** Revenue of one currency: the sum of purchases that were not refunded, how many, by how many members. */
    record CurrencyTotal(String currency, long net, long purchases, long buyers) {
    }

    /** Members who bought in a range, and those of them who bought at least twice. */
    record Buyers(long buyers, long repeatBuyers) {
    }

    /** @return accounts created before {@code to} */
    long membersBefore(Handle h, long to) {
        return h.createQuery("SELECT COUNT(*) FROM users WHERE created_at < :to")
                .bind("to", to).mapTo(Long.class).one();
    }

    /** @return purchases made in the range and not refunded, per currency, currencies in alphabetical order */
    List<CurrencyTotal> revenue(Handle h, long from, long to) {
        return h.createQuery("""
                        SELECT currency, SUM(amount), COUNT(*), COUNT(DISTINCT user_id) FROM purchases
                         WHERE created_at >= :from AND created_at < :to AND status <> 'refunded'
                         GROUP BY currency ORDER BY currency""")
                .bind("from", from).bind("to", to)
                .map((rs, c) -> new CurrencyTotal(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)))
                .list();
    }

    /** @return members with a purchase (not refunded) in the range, and those with two or more, whatever the currency */
    Buyers buyers(Handle h, long from, long to) {
        return h.createQuery("""
                        SELECT COUNT(*), COALESCE(SUM(CASE WHEN n >= 2 THEN 1 ELSE 0 END), 0) FROM (
                            SELECT user_id, COUNT(*) AS n FROM purchases
                             WHERE created_at >= :from AND created_at < :to AND status <> 'refunded'
                             GROUP BY user_id) b""")
                .bind("from", from).bind("to", to)
                .map((rs, c) -> new Buyers(rs.getLong(1), rs.getLong(2))).one();
    }

    /**
     * @return the points members hold: since every asset sums to zero over all its accounts, the opposite of
     * what its few system accounts hold, read without touching the members' accounts
     */
    long pointsOutstanding(Handle h) {
        return h.createQuery("""
                        SELECT COALESCE(-SUM(balance), 0) FROM ledger_accounts
                         WHERE asset = 'points' AND system_name IS NOT NULL""")
                .mapTo(Long.class).one();
    }

    /** Members active in one range: how many in all, and how many of each sign-up cohort. */
    record Activity(long total, long[] byCohort) {
    }

    /**
     * Members active in [from, to) ({@link MemberStats#ACTIVE_IDS}), in all and per sign-up cohort: cohort
     * {@code i} is who signed up in [{@code bounds[i]}, {@code bounds[i+1]}). Driven by the active ids (each
     * member read once by its primary key), so it costs what counting the active members costs.
     */
    Activity activeByCohort(Handle h, long from, long to, long[] bounds) {
        StringBuilder bucket = new StringBuilder("CASE WHEN u.created_at < :b0 THEN -1");
        for (int i = 1; i < bounds.length; i++) {
            bucket.append(" WHEN u.created_at < :b").append(i).append(" THEN ").append(i - 1);
        }
        bucket.append(" ELSE -1 END");
        var q = h.createQuery("""
                        SELECT %s AS cohort, COUNT(*) FROM users u
                         WHERE u.id IN (%s)
                         GROUP BY cohort""".formatted(bucket, MemberStats.ACTIVE_IDS))
                .bind("from", from).bind("to", to);
        for (int i = 0; i < bounds.length; i++) {
            q.bind("b" + i, bounds[i]);
        }
        long[] counts = new long[bounds.length - 1];
        long total = 0;
        for (long[] r : q.map((rs, c) -> new long[]{rs.getLong(1), rs.getLong(2)}).list()) {
            total += r[1];
            if (r[0] >= 0) {
                counts[(int) r[0]] = r[1];
            }
        }
        return new Activity(total, counts);
    }
}
