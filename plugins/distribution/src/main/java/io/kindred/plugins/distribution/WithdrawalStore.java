package io.kindred.plugins.distribution;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;

import java.util.List;
import java.util.Optional;

/** The SQL of withdrawals. */
final class WithdrawalStore {

    private static final RowMapper<Withdrawal> MAPPER = (rs, c) -> new Withdrawal(rs.getLong("id"), rs.getLong("user_id"),
            rs.getLong("amount"), rs.getLong("fee"), rs.getString("method"), rs.getString("account"),
            rs.getString("account_masked"), Withdrawal.Status.of(rs.getString("status")), rs.getString("reference"),
            rs.getString("note"), rs.getLong("created_at"), false);

    /** What a new withdrawal holds. */
    record NewWithdrawal(long userId, long amount, long fee, String method, String account, String requestKey, String day) {
    }

    long insert(Handle tx, NewWithdrawal w, long now) {
        return tx.createQuery("""
                        INSERT INTO distribution_withdrawals(user_id, amount, fee, method, account, account_masked, status,
                               request_key, day, created_at)
                        VALUES (:u, :amount, :fee, :method, :account, :masked, 'requested', :key, :day, :now) RETURNING id""")
                .bind("u", w.userId()).bind("amount", w.amount()).bind("fee", w.fee()).bind("method", w.method())
                .bind("account", w.account()).bind("masked", Masking.account(w.account())).bind("key", w.requestKey())
                .bind("day", w.day()).bind("now", now).mapTo(Long.class).one();
    }

    Optional<Withdrawal> find(Handle h, long id) {
        return h.createQuery("SELECT * FROM distribution_withdrawals WHERE id = :id").bind("id", id).map(MAPPER).findOne();
    }

    Optional<Withdrawal> byKey(Handle h, long userId, String key) {
        return h.createQuery("SELECT * FROM distribution_withdrawals WHERE user_id = :u AND request_key = :k")
                .bind("u", userId).bind("k", key).map(MAPPER).findOne();
    }

    /** @return what the member asked for on that day, rejected withdrawals left out */
    long requestedOn(Handle h, long userId, String day) {
        return h.createQuery("""
                        SELECT COALESCE(SUM(amount), 0) FROM distribution_withdrawals
                         WHERE user_id = :u AND day = :day AND status <> 'rejected'""")
                .bind("u", userId).bind("day", day).mapTo(Long.class).one();
    }

    /** @return the sum of the member's withdrawals in a status */
    long total(Handle h, long userId, Withdrawal.Status status) {
        return h.createQuery("SELECT COALESCE(SUM(amount), 0) FROM distribution_withdrawals WHERE user_id = :u AND status = :s")
                .bind("u", userId).bind("s", status.code()).mapTo(Long.class).one();
    }

    /** @return whether it was in one of {@code from} and is now in {@code to} */
    boolean move(Handle tx, long id, List<Withdrawal.Status> from, Withdrawal.Status to, String reference, String note,
                 long now) {
        return tx.createUpdate("""
                        UPDATE distribution_withdrawals SET status = :to, reference = COALESCE(:ref, reference),
                               note = COALESCE(:note, note), decided_at = :now,
                               paid_at = CASE WHEN :to = 'paid' THEN :now ELSE paid_at END
                         WHERE id = :id AND status IN (<from>)""")
                .bindList("from", from.stream().map(Withdrawal.Status::code).toList())
                .bind("id", id).bind("to", to.code()).bind("ref", reference).bind("note", note).bind("now", now)
                .execute() == 1;
    }

    List<Withdrawal> list(Handle h, Long userId, String status, long before, int limit) {
        return h.createQuery("""
                        SELECT * FROM distribution_withdrawals
                         WHERE id < :before AND (:u IS NULL OR user_id = :u) AND (:s IS NULL OR status = :s)
                         ORDER BY id DESC LIMIT :limit""")
                .bind("before", before).bind("u", userId).bind("s", status).bind("limit", limit).map(MAPPER).list();
    }
}
