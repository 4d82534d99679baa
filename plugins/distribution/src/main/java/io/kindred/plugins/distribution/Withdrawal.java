package io.kindred.plugins.distribution;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A withdrawal (提现) of available commission. The payout account is kept for the operator who pays; every list
 * shows only {@code accountMasked}.
 *
 * @param id            id
 * @param userId        the distributor
 * @param amount        taken from available commission, minor units
 * @param fee           kept from it; the payout is {@code amount - fee}
 * @param method        bank, alipay or wechat
 * @param account       the full account (detail view for operators only)
 * @param accountMasked the account as lists show it
 * @param status        where it is
 * @param reference     the operator's payout reference, once paid
 * @param note          the operator's note (e.g. why it was rejected)
 * @param createdAt     when it was asked for
 * @param replayed      true when this answer is the earlier withdrawal of a repeated Idempotency-Key
 */
record Withdrawal(long id, long userId, long amount, long fee, String method, String account, String accountMasked,
                  Status status, String reference, String note, long createdAt, boolean replayed) {

    /** requested → approved → paid, or rejected (from requested or approved; the amount comes back once). */
    enum Status {
        REQUESTED, APPROVED, PAID, REJECTED;

        String code() {
            return name().toLowerCase();
        }

        static Status of(String code) {
            return valueOf(code.toUpperCase());
        }
    }

    Withdrawal replay() {
        return new Withdrawal(id, userId, amount, fee, method, account, accountMasked, status, reference, note, createdAt, true);
    }

    /** @return the JSON of lists: the account masked */
    Map<String, Object> json() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("userId", userId);
        m.put("amount", amount);
        m.put("fee", fee);
        m.put("payout", amount - fee);
        m.put("method", method);
        m.put("account", accountMasked);
        m.put("status", status.code());
        m.put("reference", reference);
        m.put("note", note);
        m.put("createdAt", Instant.ofEpochMilli(createdAt).toString());
        return m;
    }

    /** @return the JSON of the operator's detail view: the full account too */
    Map<String, Object> detailJson() {
        Map<String, Object> m = json();
        m.put("fullAccount", account);
        return m;
    }
}
