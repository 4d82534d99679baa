package io.kindred.plugins.distribution;

import io.kindred.api.events.Event;
import org.jdbi.v3.core.Handle;

/**
 * {@code member.merged} {into, from}: the merged member's place in the referral tree becomes the target's —
 * its fans are bound to the target, its own referrer binds the target when the target has none (never to
 * itself) — and its distributor grants, applications, task progress, purchases, commissions (as beneficiary
 * and as buyer) and withdrawals move. Commission balances moved with the ledger already. Running it twice
 * changes nothing.
 */
final class DistributionMerges {

    void onMerged(Event e, Handle tx) {
        long into = e.longValue("into");
        long from = e.longValue("from");
        // Nobody refers themselves: a binding between the two ends.
        run(tx, "DELETE FROM distribution_bindings WHERE (user_id = :into AND referrer_id = :from)"
                + " OR (user_id = :from AND referrer_id = :into)", into, from);
        run(tx, "UPDATE distribution_bindings SET referrer_id = :into WHERE referrer_id = :from", into, from);
        run(tx, """
                UPDATE distribution_bindings SET user_id = :into
                 WHERE user_id = :from AND NOT EXISTS (SELECT 1 FROM distribution_bindings b WHERE b.user_id = :into)""",
                into, from);
        run(tx, "UPDATE distribution_rebinds SET user_id = :into WHERE user_id = :from", into, from);
        run(tx, """
                UPDATE distribution_clicks SET user_id = :into
                 WHERE user_id = :from AND NOT EXISTS (SELECT 1 FROM distribution_clicks c WHERE c.user_id = :into)""",
                into, from);
        run(tx, """
                UPDATE distribution_grants SET user_id = :into
                 WHERE user_id = :from AND source NOT IN (SELECT g.source FROM distribution_grants g WHERE g.user_id = :into)""",
                into, from);
        run(tx, """
                UPDATE distribution_checkins SET user_id = :into
                 WHERE user_id = :from AND day NOT IN (SELECT c.day FROM distribution_checkins c WHERE c.user_id = :into)""",
                into, from);
        run(tx, """
                UPDATE distribution_member_levels SET user_id = :into
                 WHERE user_id = :from AND NOT EXISTS (SELECT 1 FROM distribution_member_levels l WHERE l.user_id = :into)""",
                into, from);
        run(tx, "UPDATE distribution_applications SET user_id = :into WHERE user_id = :from", into, from);
        run(tx, "UPDATE distribution_purchases SET user_id = :into WHERE user_id = :from", into, from);
        run(tx, "UPDATE distribution_commissions SET beneficiary_id = :into WHERE beneficiary_id = :from", into, from);
        run(tx, "UPDATE distribution_commissions SET buyer_id = :into WHERE buyer_id = :from", into, from);
        tx.createUpdate("""
                        UPDATE distribution_withdrawals SET request_key = :prefix || request_key
                         WHERE user_id = :from AND request_key IN
                               (SELECT w.request_key FROM distribution_withdrawals w WHERE w.user_id = :into AND w.request_key IS NOT NULL)""")
                .bind("prefix", "merged-" + from + "-").bind("into", into).bind("from", from).execute();
        run(tx, "UPDATE distribution_withdrawals SET user_id = :into WHERE user_id = :from", into, from);
    }

    private static void run(Handle tx, String sql, long into, long from) {
        tx.createUpdate(sql).bind("into", into).bind("from", from).execute();
    }
}
