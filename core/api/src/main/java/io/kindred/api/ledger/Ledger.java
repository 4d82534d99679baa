package io.kindred.api.ledger;

import org.jdbi.v3.core.Handle;

import java.util.Map;

/**
 * The double-entry ledger. Every movement of value is a {@link Transfer} between two accounts of one
 * asset; each asset sums to zero; entries are never changed. Pass the {@link Handle} of your
 * {@link io.kindred.api.db.Database#write} transaction so the transfer commits with your own change.
 *
 * <pre>{@code
 * ctx.db().write(tx -> {
 *     ctx.ledger().credit(tx, userId, "points", 10, "welcome", "event:" + e.id(), "welcome:" + userId);
 *     return null;
 * });
 * }</pre>
 */
public interface Ledger {

    /**
     * Posts a transfer inside the caller's transaction. A repeated idempotency key returns the first
     * transfer ({@link Transfer#replayed()} true) and moves nothing; a repeated key with different
     * accounts or amount is refused with 409 {@code idempotency_conflict}.
     *
     * @param tx      the caller's write transaction
     * @param request what to move
     * @return the transfer
     * @throws InsufficientBalanceException when a member balance would go below zero
     */
    Transfer transfer(Handle tx, TransferRequest request);

    /**
     * Credits a member from the asset's {@code issued} system account.
     *
     * @param tx the caller's write transaction
     * @param userId member @param asset asset code @param amount positive amount
     * @param reason reason code @param reference origin or null @param idempotencyKey unique key
     * @return the transfer
     */
    default Transfer credit(Handle tx, long userId, String asset, long amount, String reason, String reference,
                            String idempotencyKey) {
        return transfer(tx, new TransferRequest(asset, AccountRef.system("issued"), AccountRef.member(userId),
                amount, reason, reference, idempotencyKey));
    }

    /**
     * Debits a member into the asset's {@code spent} system account.
     *
     * @param tx the caller's write transaction
     * @param userId member @param asset asset code @param amount positive amount
     * @param reason reason code @param reference origin or null @param idempotencyKey unique key
     * @return the transfer
     * @throws InsufficientBalanceException when the balance is too low
     */
    default Transfer debit(Handle tx, long userId, String asset, long amount, String reason, String reference,
                           String idempotencyKey) {
        return transfer(tx, new TransferRequest(asset, AccountRef.member(userId), AccountRef.system("spent"),
                amount, reason, reference, idempotencyKey));
    }

    /**
     * Takes back from a member what an earlier credit gave, because what earned it was undone (a refunded
     * purchase): into the asset's {@code clawed_back} system account, so that the console's figures count it
     * apart from what members really spent.
     * <pre>{@code
     * ctx.ledger().clawBack(tx, userId, "points", 120, "membership.refund", "purchase:" + id, "membership:points:" + e.id());
     * }</pre>
     *
     * @param tx the caller's write transaction
     * @param userId member @param asset asset code @param amount positive amount
     * @param reason reason code @param reference origin or null @param idempotencyKey unique key
     * @return the transfer
     * @throws InsufficientBalanceException when the balance is too low
     */
    default Transfer clawBack(Handle tx, long userId, String asset, long amount, String reason, String reference,
                              String idempotencyKey) {
        return transfer(tx, new TransferRequest(asset, AccountRef.member(userId), AccountRef.system("clawed_back"),
                amount, reason, reference, idempotencyKey));
    }

    /**
     * @param userId member
     * @param asset  asset code
     * @return the member's balance of that asset (0 when they have no account yet)
     */
    long balance(long userId, String asset);

    /**
     * @param tx     a transaction, to read a balance consistent with it
     * @param userId member
     * @param asset  asset code
     * @return the balance as seen inside {@code tx}
     */
    long balance(Handle tx, long userId, String asset);

    /**
     * How much a member's balance moved since a moment: credits minus debits from {@code since} on, i.e. the
     * balance now minus the balance then. E.g. the growth value earned in the last 12 months.
     *
     * @param tx     a transaction or handle
     * @param userId member
     * @param asset  asset code
     * @param since  start of the window, inclusive
     * @return the net change (negative when more went out than came in)
     */
    long netChangeSince(Handle tx, long userId, String asset, java.time.Instant since);

    /** @param userId member @return balances of every registered asset, zero included */
    Map<String, Long> balances(long userId);

    /**
     * The transfer posted with an idempotency key, e.g. to tell a caller whose request timed out whether it
     * went through, or to show what an earlier run of a job paid. The key is the one given to
     * {@link #transfer} (or {@link #credit}/{@link #debit}) as it was, prefixes included.
     *
     * <pre>{@code
     * boolean paid = ctx.ledger().findByIdempotencyKey("membership:birthday:" + userId + ":" + year).isPresent();
     * }</pre>
     *
     * @param idempotencyKey the key
     * @return the transfer ({@link Transfer#replayed()} true: it was posted before), or empty when no transfer
     * has that key
     */
    java.util.Optional<Transfer> findByIdempotencyKey(String idempotencyKey);
}
