package io.kindred.plugins.creators.agencies;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

import java.util.List;
import java.util.Optional;

/** The SQL of the agencies' shares, their payouts and the refunds seen. */
final class ShareStore {

    private static final RowMapper<Share> MAPPER = (rs, c) -> new Share(rs.getLong("id"), rs.getLong("agency_id"),
            rs.getLong("contract_id"), rs.getLong("user_id"), rs.getString("commission_key"), rs.getLong("purchase_id"),
            rs.getLong("commission_amount"), rs.getInt("share_bp"), rs.getLong("amount"), rs.getString("status"),
            rs.getLong("created_at"));

    /** A payout to an agency. */
    record Payout(long id, long agencyId, long amount, String reference, Long paidBy, long createdAt) {
    }

    /** @return the new share's id, or empty when this commission booked one already */
    Optional<Long> insert(Handle tx, Contract contract, String commissionKey, long purchaseId, long commissionAmount,
                          long amount, long now) {
        return tx.createQuery("""
                        INSERT INTO creator_agency_shares(agency_id, contract_id, user_id, commission_key, purchase_id,
                               commission_amount, share_bp, amount, status, created_at)
                        VALUES (:a, :c, :u, :k, :p, :ca, :bp, :amount, 'booked', :now)
                        ON CONFLICT (commission_key) DO NOTHING RETURNING id""")
                .bind("a", contract.agencyId()).bind("c", contract.id()).bind("u", contract.userId()).bind("k", commissionKey)
                .bind("p", purchaseId).bind("ca", commissionAmount).bind("bp", contract.shareBp()).bind("amount", amount)
                .bind("now", now).mapTo(Long.class).findOne();
    }

    /** @return whether the purchase is newly recorded as refunded */
    boolean recordRefund(Handle tx, long purchaseId, long now) {
        return tx.createUpdate("INSERT INTO creator_agency_refunds(purchase_id, created_at) VALUES (:p, :now) ON CONFLICT (purchase_id) DO NOTHING")
                .bind("p", purchaseId).bind("now", now).execute() == 1;
    }

    boolean refunded(Handle h, long purchaseId) {
        return h.createQuery("SELECT COUNT(*) FROM creator_agency_refunds WHERE purchase_id = :p").bind("p", purchaseId)
                .mapTo(Long.class).one() > 0;
    }

    List<Share> bookedOfPurchase(Handle h, long purchaseId) {
        return h.createQuery("SELECT * FROM creator_agency_shares WHERE purchase_id = :p AND status = 'booked' ORDER BY id")
                .bind("p", purchaseId).map(MAPPER).list();
    }

    boolean reverse(Handle tx, long id, long now) {
        return tx.createUpdate("UPDATE creator_agency_shares SET status = 'reversed', reversed_at = :now WHERE id = :id AND status = 'booked'")
                .bind("id", id).bind("now", now).execute() == 1;
    }

    List<Share> ofAgency(Handle h, long agencyId, long before, int limit) {
        return h.createQuery("SELECT * FROM creator_agency_shares WHERE agency_id = :a AND id < :before ORDER BY id DESC LIMIT :limit")
                .bind("a", agencyId).bind("before", before).bind("limit", limit).map(MAPPER).list();
    }

    /** @return the agency's share booked and not reversed, minus what was paid out: its ledger balance */
    long balance(Handle h, long agencyId) {
        return h.createQuery("""
                        SELECT COALESCE((SELECT SUM(amount) FROM creator_agency_shares WHERE agency_id = :a AND status = 'booked'), 0)
                             - COALESCE((SELECT SUM(amount) FROM creator_agency_payouts WHERE agency_id = :a), 0)""")
                .bind("a", agencyId).mapTo(Long.class).one();
    }

    /** @return the share taken from one creator's commission for the agency, not reversed */
    long sharedBy(Handle h, long agencyId, long userId) {
        return h.createQuery("SELECT COALESCE(SUM(amount), 0) FROM creator_agency_shares WHERE agency_id = :a AND user_id = :u AND status = 'booked'")
                .bind("a", agencyId).bind("u", userId).mapTo(Long.class).one();
    }

    /** @return how many sales (released commissions) of the creator booked a share for the agency */
    long sales(Handle h, long agencyId, long userId) {
        return h.createQuery("SELECT COUNT(*) FROM creator_agency_shares WHERE agency_id = :a AND user_id = :u AND status = 'booked'")
                .bind("a", agencyId).bind("u", userId).mapTo(Long.class).one();
    }

    long insertPayout(Handle tx, long agencyId, long amount, String reference, Long paidBy, String requestKey, long now) {
        return tx.createUpdate("""
                        INSERT INTO creator_agency_payouts(agency_id, amount, reference, paid_by, request_key, created_at)
                        VALUES (:a, :amount, :r, :by, :k, :now)""")
                .bind("a", agencyId).bind("amount", amount).bind("r", reference).bind("by", paidBy).bind("k", requestKey)
                .bind("now", now).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    Optional<Payout> payoutByKey(Handle h, long agencyId, String requestKey) {
        return h.createQuery("SELECT * FROM creator_agency_payouts WHERE agency_id = :a AND request_key = :k")
                .bind("a", agencyId).bind("k", requestKey).map(PAYOUT).findOne();
    }

    List<Payout> payouts(Handle h, long agencyId) {
        return h.createQuery("SELECT * FROM creator_agency_payouts WHERE agency_id = :a ORDER BY id DESC LIMIT 200")
                .bind("a", agencyId).map(PAYOUT).list();
    }

    private static final RowMapper<Payout> PAYOUT = (rs, c) -> new Payout(rs.getLong("id"), rs.getLong("agency_id"),
            rs.getLong("amount"), rs.getString("reference"), nullableLong(rs, "paid_by"), rs.getLong("created_at"));

    private static Long nullableLong(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }
}
