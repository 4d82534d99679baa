package io.kindred.server.users;

import org.jdbi.v3.core.Handle;

/**
 * Member figures for the console's dashboard. Each is a range query on an indexed time column, so it stays
 * fast as the tables grow; times are epoch millis, {@code from} included, {@code to} not.
 */
public final class MemberStats {

    /** @return every account, whatever its status */
    public long total(Handle h) {
        return h.createQuery("SELECT COUNT(*) FROM users").mapTo(Long.class).one();
    }

    /** @return accounts created in the range */
    public long joined(Handle h, long from, long to) {
        return h.createQuery("SELECT COUNT(*) FROM users WHERE created_at >= :from AND created_at < :to")
                .bind("from", from).bind("to", to).mapTo(Long.class).one();
    }

    /**
     * The ids of members active in [:from, :to): who signed up or in (kept in {@code sign_ins} after their
     * session has ended), made a purchase, or whose balance of any asset moved (a check-in, a purchase's
     * points, a redemption, an adjustment all post to the ledger: either side of a transfer). Each part reads
     * an indexed time range; the ledger part reads only {@code ledger_transfers_flows}, then each account once.
     */
    public static final String ACTIVE_IDS = """
            SELECT s.user_id FROM sign_ins s WHERE s.created_at >= :from AND s.created_at < :to
            UNION
            SELECT p.user_id FROM purchases p WHERE p.created_at >= :from AND p.created_at < :to
            UNION
            SELECT a.user_id FROM ledger_accounts a
             WHERE a.user_id IS NOT NULL AND a.id IN (
                   SELECT t.debit_account_id FROM ledger_transfers t WHERE t.created_at >= :from AND t.created_at < :to
                   UNION
                   SELECT t.credit_account_id FROM ledger_transfers t WHERE t.created_at >= :from AND t.created_at < :to)""";

    /** @return members active in the range, as {@link #ACTIVE_IDS} defines them */
    public long active(Handle h, long from, long to) {
        return h.createQuery("SELECT COUNT(*) FROM (" + ACTIVE_IDS + ") active")
                .bind("from", from).bind("to", to).mapTo(Long.class).one();
    }
}
