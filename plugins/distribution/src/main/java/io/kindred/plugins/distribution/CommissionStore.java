package io.kindred.plugins.distribution;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

import java.util.List;
import java.util.Optional;

/** The SQL of commissions and of the purchases they come from. */
final class CommissionStore {

    private static final RowMapper<Commission> MAPPER = (rs, c) -> new Commission(rs.getLong("id"),
            rs.getLong("purchase_id"), rs.getLong("beneficiary_id"), rs.getLong("buyer_id"), rs.getInt("depth"),
            rs.getString("level_code"), rs.getInt("rate_bp"), rs.getLong("purchase_amount"), rs.getLong("amount"),
            rs.getString("currency"), rs.getString("status"), rs.getLong("release_at"), rs.getLong("created_at"));

    /** Filters of the console's commission list; null means any. */
    record Filter(Long beneficiaryId, String status, Long buyerId) {
    }

    /** @return whether the purchase is new here (false: seen already, or refunded before it was seen) */
    boolean recordPurchase(Handle tx, long purchaseId, long userId, String orderId, long amount, String currency, long at) {
        return tx.createUpdate("""
                        INSERT INTO distribution_purchases(purchase_id, user_id, external_order_id, amount, currency, created_at)
                        VALUES (:p, :u, :o, :amount, :cur, :at) ON CONFLICT (purchase_id) DO NOTHING""")
                .bind("p", purchaseId).bind("u", userId).bind("o", orderId).bind("amount", amount).bind("cur", currency)
                .bind("at", at).execute() == 1;
    }

    /** Marks a purchase refunded, recording it first when its refund is handled before it. */
    void refundPurchase(Handle tx, long purchaseId, long userId, String orderId, long amount, String currency, long at) {
        tx.createUpdate("""
                        INSERT INTO distribution_purchases(purchase_id, user_id, external_order_id, amount, currency, created_at, refunded_at)
                        VALUES (:p, :u, :o, :amount, :cur, :at, :at)
                        ON CONFLICT (purchase_id) DO UPDATE SET refunded_at = :at WHERE distribution_purchases.refunded_at IS NULL""")
                .bind("p", purchaseId).bind("u", userId).bind("o", orderId).bind("amount", amount).bind("cur", currency)
                .bind("at", at).execute();
    }

    /** @return the new commission's id, or empty when this purchase already booked that depth */
    Optional<Long> insert(Handle tx, Commission c, long eventId) {
        return tx.createQuery("""
                        INSERT INTO distribution_commissions(purchase_id, event_id, beneficiary_id, buyer_id, depth, level_code,
                               rate_bp, purchase_amount, amount, currency, status, release_at, created_at)
                        VALUES (:p, :e, :b, :buyer, :d, :level, :rate, :pa, :amount, :cur, 'frozen', :release, :now)
                        ON CONFLICT (purchase_id, depth) DO NOTHING RETURNING id""")
                .bind("p", c.purchaseId()).bind("e", eventId).bind("b", c.beneficiaryId()).bind("buyer", c.buyerId())
                .bind("d", c.depth()).bind("level", c.levelCode()).bind("rate", c.rate()).bind("pa", c.purchaseAmount())
                .bind("amount", c.amount()).bind("cur", c.currency()).bind("release", c.releaseAt())
                .bind("now", c.createdAt()).mapTo(Long.class).findOne();
    }

    Optional<Commission> find(Handle h, long id) {
        return h.createQuery("SELECT * FROM distribution_commissions WHERE id = :id").bind("id", id).map(MAPPER).findOne();
    }

    List<Commission> ofPurchase(Handle h, long purchaseId) {
        return h.createQuery("SELECT * FROM distribution_commissions WHERE purchase_id = :p ORDER BY depth")
                .bind("p", purchaseId).map(MAPPER).list();
    }

    /** @return ids of frozen commissions whose refund window has ended, oldest first */
    List<Long> dueForRelease(Handle h, long now, int limit) {
        return h.createQuery("""
                        SELECT id FROM distribution_commissions WHERE status = 'frozen' AND release_at <= :now
                         ORDER BY release_at, id LIMIT :limit""")
                .bind("now", now).bind("limit", limit).mapTo(Long.class).list();
    }

    /** @return whether the commission was in {@code from} and now is in {@code to} */
    boolean move(Handle tx, long id, String from, String to, long now) {
        String column = to.equals("released") ? "released_at" : "reversed_at";
        return tx.createUpdate("UPDATE distribution_commissions SET status = :to, " + column + " = :now WHERE id = :id AND status = :from")
                .bind("id", id).bind("from", from).bind("to", to).bind("now", now).execute() == 1;
    }

    List<Commission> list(Handle h, Filter f, long before, int limit) {
        return h.createQuery("""
                        SELECT * FROM distribution_commissions
                         WHERE id < :before AND (:b IS NULL OR beneficiary_id = :b) AND (:s IS NULL OR status = :s)
                           AND (:buyer IS NULL OR buyer_id = :buyer)
                         ORDER BY id DESC LIMIT :limit""")
                .bind("before", before).bind("b", f.beneficiaryId()).bind("s", f.status()).bind("buyer", f.buyerId())
                .bind("limit", limit).map(MAPPER).list();
    }

    /** Refunds of purchases whose commission had been released (and so may have been withdrawn). */
    record RefundAfterPayout(long commissionId, long beneficiaryId, long buyerId, long amount, long purchaseId, long refundedAt) {
    }

    List<RefundAfterPayout> refundsAfterRelease(Handle h, int limit) {
        return h.createQuery("""
                        SELECT id, beneficiary_id, buyer_id, amount, purchase_id, reversed_at FROM distribution_commissions
                         WHERE status = 'clawed_back' ORDER BY reversed_at DESC LIMIT :limit""")
                .bind("limit", limit).map((rs, c) -> new RefundAfterPayout(rs.getLong(1), rs.getLong(2), rs.getLong(3),
                        rs.getLong(4), rs.getLong(5), rs.getLong(6))).list();
    }
}
