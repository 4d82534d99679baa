package io.kindred.api.ledger;

/**
 * A request to move {@code amount} of {@code asset} from one account to another.
 *
 * <pre>{@code
 * ledger.transfer(tx, new TransferRequest("points", AccountRef.member(7), AccountRef.system("spent"),
 *         120, "shop.redeem", "redemption:55", "shop:redeem:55"));
 * }</pre>
 *
 * @param asset          asset code
 * @param from           debited account
 * @param to             credited account
 * @param amount         positive integer amount
 * @param reason         short machine-readable reason, e.g. {@code checkin}; members see its translation
 * @param reference      what the transfer came from, e.g. {@code event:123} or {@code order:A-9}; may be null
 * @param idempotencyKey unique key; posting the same key again returns the first transfer
 */
public record TransferRequest(String asset, AccountRef from, AccountRef to, long amount, String reason,
                              String reference, String idempotencyKey) {

    /** Validates the request. */
    public TransferRequest {
        if (amount <= 0) {
            throw new IllegalArgumentException("amount must be positive");
        }
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a transfer needs a reason");
        }
        if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > 200) {
            throw new IllegalArgumentException("a transfer needs an idempotency key of at most 200 characters");
        }
        if (from.equals(to)) {
            throw new IllegalArgumentException("a transfer needs two different accounts");
        }
    }
}
