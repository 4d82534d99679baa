package io.kindred.server.ledger;

import io.kindred.api.KindredException;
import io.kindred.api.db.Database;
import io.kindred.api.ledger.AccountRef;
import io.kindred.api.ledger.Transfer;
import io.kindred.api.ledger.TransferRequest;
import io.kindred.server.users.MemberIds;
import io.kindred.server.users.UserStore;
import io.kindred.server.web.Bodies;

import java.util.UUID;

/**
 * An operator's correction of a member's balance: one transfer between the member and the system account
 * {@code adjustments}. {@code POST /api/v1/admin/ledger/adjustments} and the console's "adjust points"
 * form both call {@link #adjust}; they only translate HTTP.
 */
public final class Adjustments {

    /**
     * An adjustment as asked for.
     *
     * @param userId         the member
     * @param asset          e.g. {@code points}
     * @param amount         positive credits the member, negative debits
     * @param reason         shown to the member in their history
     * @param actor          who asks, e.g. {@code user:3} or {@code apikey:7}; kept in the transfer's reference
     * @param idempotencyKey the caller's key, or null for a one-off
     */
    public record Adjustment(long userId, String asset, long amount, String reason, String actor,
                             String idempotencyKey) {
    }

    /** An adjustment as posted; {@code transfer().replayed()} when its key had been used before. */
    public record Adjusted(Transfer transfer, long userId, long signedAmount, long balance) {
    }

    private static final int MAX_REASON = 200;

    private final Database db;
    private final LedgerService ledger;
    private final UserStore users;

    private final io.kindred.server.audit.AuditLog audit;

    public Adjustments(Database db, LedgerService ledger, UserStore users, io.kindred.server.audit.AuditLog audit) {
        this.audit = audit;
        this.db = db;
        this.ledger = ledger;
        this.users = users;
    }

    /** Checks and posts an adjustment in one transaction; answers the member's balance after it. */
    public Adjusted adjust(Adjustment a) {
        String reason = check(a);
        String key = "adjustment:" + (a.idempotencyKey() != null ? a.idempotencyKey() : UUID.randomUUID());
        AccountRef member = AccountRef.member(a.userId());
        AccountRef system = AccountRef.system("adjustments");
        long amount = Math.abs(a.amount());
        String reference = "adjustment:" + a.actor();
        TransferRequest req = a.amount() > 0
                ? new TransferRequest(a.asset(), system, member, amount, reason, reference, key)
                : new TransferRequest(a.asset(), member, system, amount, reason, reference, key);
        return db.write(h -> {
            long before = ledger.balance(h, a.userId(), a.asset());
            Transfer t = ledger.transfer(h, req);
            long after = ledger.balance(h, a.userId(), a.asset());
            if (!t.replayed()) {
                audit.change(h, "ledger.adjusted", "user:" + a.userId(), "Adjusted " + a.asset() + " of member #"
                        + a.userId() + " by " + (a.amount() > 0 ? "+" : "") + a.amount() + ": " + reason,
                        "{\"" + a.asset() + "\":" + before + "}", "{\"" + a.asset() + "\":" + after + "}");
            }
            return new Adjusted(t, a.userId(), a.amount(), after);
        });
    }

    /** @return the stripped reason, once every rule holds */
    private String check(Adjustment a) {
        if (a.asset() == null || a.asset().isBlank()) {
            throw KindredException.missingField("asset");
        }
        if (a.amount() == 0) {
            throw KindredException.invalidField("The amount must not be zero: positive credits, negative debits.");
        }
        if (a.amount() > Bodies.MAX_AMOUNT || a.amount() < -Bodies.MAX_AMOUNT) {
            throw KindredException.invalidField("The amount must be between -" + Bodies.MAX_AMOUNT + " and " + Bodies.MAX_AMOUNT + ".");
        }
        if (a.reason() == null || a.reason().isBlank()) {
            throw KindredException.missingField("reason");
        }
        String reason = a.reason().strip();
        if (reason.length() > MAX_REASON) {
            throw KindredException.invalidField("The reason must be at most " + MAX_REASON + " characters.");
        }
        ledger.assets().require(a.asset());
        if (users.byId(a.userId()).isEmpty()) {
            throw MemberIds.notFound(a.userId());
        }
        return reason;
    }
}
