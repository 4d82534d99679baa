package io.kindred.plugins.distribution;

import io.kindred.api.KindredException;
import io.kindred.api.PluginContext;
import io.kindred.api.ledger.AccountRef;
import io.kindred.api.ledger.TransferRequest;
import io.kindred.api.users.Member;
import org.jdbi.v3.core.Handle;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.kindred.plugins.distribution.Withdrawal.Status.APPROVED;
import static io.kindred.plugins.distribution.Withdrawal.Status.PAID;
import static io.kindred.plugins.distribution.Withdrawal.Status.REJECTED;
import static io.kindred.plugins.distribution.Withdrawal.Status.REQUESTED;

/**
 * Withdrawals of available commission. Asking moves the amount from the member's {@code commission} account to the
 * system account {@code withdrawal_hold} in the same transaction as the checks (minimum, balance, daily limit), so
 * parallel requests can never take more than is there. Paying moves it on to {@code paid_out} (and the fee to
 * {@code fees}); rejecting returns it to the member, once. Kindred moves no money itself: the operator pays and
 * records the payout reference. Emits {@code withdrawal.requested|approved|paid|rejected}.
 */
final class Withdrawals {

    /** The payout methods a member may choose. */
    static final Set<String> METHODS = Set.of("bank", "alipay", "wechat");
    private static final String HOLD = "withdrawal_hold";

    private final PluginContext ctx;
    private final WithdrawalStore store;
    private final Notices notices;
    private final DistributionAudit audit;

    Withdrawals(PluginContext ctx, WithdrawalStore store, Notices notices, DistributionAudit audit) {
        this.ctx = ctx;
        this.store = store;
        this.notices = notices;
        this.audit = audit;
    }

    /** Asks for a withdrawal; a repeated key answers the first one. */
    Withdrawal request(long userId, long amount, String method, String account, String requestKey) {
        checkInput(amount, method, account, requestKey);
        return ctx.db().write(tx -> {
            if (requestKey != null) {
                var earlier = store.byKey(tx, userId, requestKey);
                if (earlier.isPresent()) {
                    return earlier.get().replay();
                }
            }
            long fee = ctx.settings().get(DistributionSettings.WITHDRAWAL_FEE);
            int minimum = ctx.settings().get(DistributionSettings.WITHDRAWAL_MINIMUM);
            if (amount < minimum || amount <= fee) {
                throw new KindredException(DistributionError.BELOW_MINIMUM, "The smallest withdrawal is "
                        + Money.format(Math.max(minimum, fee + 1), currency()) + ".");
            }
            long available = ctx.ledger().balance(tx, userId, Commissions.AVAILABLE.code());
            if (amount > available) {
                throw new KindredException(DistributionError.INSUFFICIENT_COMMISSION, "Only "
                        + Money.format(Math.max(0, available), currency()) + " of commission is available.");
            }
            String day = ctx.today().toString();
            long limit = ctx.settings().get(DistributionSettings.WITHDRAWAL_DAILY_LIMIT);
            if (limit > 0 && store.requestedOn(tx, userId, day) + amount > limit) {
                throw new KindredException(DistributionError.DAILY_LIMIT, "At most " + Money.format(limit, currency())
                        + " can be withdrawn per day.");
            }
            long id = store.insert(tx, new WithdrawalStore.NewWithdrawal(userId, amount, fee, method, account.strip(),
                    requestKey, day), ctx.clock().millis());
            ctx.ledger().transfer(tx, new TransferRequest(Commissions.AVAILABLE.code(), AccountRef.member(userId),
                    AccountRef.system(HOLD), amount, "distribution.withdrawal", "withdrawal:" + id, "distribution:withdraw:" + id));
            // Checked again once the transfer holds the member's account: on PostgreSQL withdrawals run side by side,
            // and two may both have read the balance before either took from it (the asset may go negative).
            long left = ctx.ledger().balance(tx, userId, Commissions.AVAILABLE.code());
            if (left < 0) {
                throw new KindredException(DistributionError.INSUFFICIENT_COMMISSION, "Only "
                        + Money.format(Math.max(0, left + amount), currency()) + " of commission is available.");
            }
            return announce(tx, id);
        });
    }

    Withdrawal approve(Member operator, long id) {
        return ctx.db().write(tx -> {
            move(tx, id, List.of(REQUESTED), APPROVED, null, null);
            return decided(tx, operator, id);
        });
    }

    Withdrawal pay(Member operator, long id, String reference) {
        if (reference == null || reference.isBlank() || reference.length() > 100) {
            throw KindredException.invalidField("The field 'reference' must be the payout reference, 1 to 100 characters.");
        }
        return ctx.db().write(tx -> {
            Withdrawal w = move(tx, id, List.of(APPROVED), PAID, reference.strip(), null);
            ctx.ledger().transfer(tx, new TransferRequest(Commissions.AVAILABLE.code(), AccountRef.system(HOLD),
                    AccountRef.system("paid_out"), w.amount() - w.fee(), "distribution.payout", "withdrawal:" + id,
                    "distribution:payout:" + id));
            if (w.fee() > 0) {
                ctx.ledger().transfer(tx, new TransferRequest(Commissions.AVAILABLE.code(), AccountRef.system(HOLD),
                        AccountRef.system("fees"), w.fee(), "distribution.fee", "withdrawal:" + id, "distribution:fee:" + id));
            }
            return decided(tx, operator, id);
        });
    }

    Withdrawal reject(Member operator, long id, String note) {
        if (note == null || note.isBlank() || note.length() > 500) {
            throw KindredException.invalidField("The field 'note' must say why, 1 to 500 characters.");
        }
        return ctx.db().write(tx -> {
            Withdrawal w = move(tx, id, List.of(REQUESTED, APPROVED), REJECTED, null, note.strip());
            ctx.ledger().transfer(tx, new TransferRequest(Commissions.AVAILABLE.code(), AccountRef.system(HOLD),
                    AccountRef.member(w.userId()), w.amount(), "distribution.withdrawal_returned", "withdrawal:" + id,
                    "distribution:withdraw-return:" + id));
            return decided(tx, operator, id);
        });
    }

    Withdrawal find(long id) {
        return ctx.db().read(h -> store.find(h, id))
                .orElseThrow(() -> KindredException.notFound("There is no withdrawal " + id + "."));
    }

    String currency() {
        return DistributionSettings.currency(ctx);
    }

    private Withdrawal move(Handle tx, long id, List<Withdrawal.Status> from, Withdrawal.Status to, String reference,
                            String note) {
        Withdrawal w = store.find(tx, id).orElseThrow(() -> KindredException.notFound("There is no withdrawal " + id + "."));
        if (!store.move(tx, id, from, to, reference, note, ctx.clock().millis())) {
            throw new KindredException(DistributionError.WRONG_STATUS, "Withdrawal " + id + " is " + w.status().code()
                    + ": it cannot become " + to.code() + ".");
        }
        return store.find(tx, id).orElseThrow();
    }

    /** An operator's decision: announced to the member and recorded in the audit log. */
    private Withdrawal decided(Handle tx, Member operator, long id) {
        Withdrawal w = announce(tx, id);
        audit.withdrawalMoved(tx, operator, w);
        return w;
    }

    private Withdrawal announce(Handle tx, long id) {
        Withdrawal w = store.find(tx, id).orElseThrow();
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("withdrawalId", w.id());
        payload.put("userId", w.userId());
        payload.put("amount", w.amount());
        payload.put("fee", w.fee());
        payload.put("currency", currency());
        payload.put("status", w.status().code());
        ctx.events().publish(tx, "withdrawal." + w.status().code(), w.userId(), payload);
        notices.withdrawal(tx, w, currency());
        return w;
    }

    private static void checkInput(long amount, String method, String account, String requestKey) {
        if (amount <= 0) {
            throw KindredException.invalidField("The field 'amount' must be a positive whole number of minor units.");
        }
        if (method == null || !METHODS.contains(method)) {
            throw KindredException.invalidField("The field 'method' must be one of bank, alipay, wechat.");
        }
        if (account == null || account.isBlank() || account.strip().length() > 64
                || !account.strip().matches("[\\p{L}\\p{N} @._+-]+")) {
            throw KindredException.invalidField("The field 'account' must be an account number or e-wallet id of at most 64 characters.");
        }
        if (requestKey != null && requestKey.length() > 128) {
            throw KindredException.invalidField("The Idempotency-Key must be at most 128 characters.");
        }
    }
}
