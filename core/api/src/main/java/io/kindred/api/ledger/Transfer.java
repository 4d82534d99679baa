package io.kindred.api.ledger;

import java.time.Instant;

/**
 * A posted transfer. Transfers are never changed; a correction is a new transfer.
 *
 * @param id             transfer id
 * @param asset          asset code
 * @param from           debited account
 * @param to             credited account
 * @param amount         positive amount
 * @param reason         reason code
 * @param reference      origin, or null
 * @param idempotencyKey its unique key
 * @param createdAt      when it was posted
 * @param replayed       true when this answer is the earlier transfer of a repeated key
 */
public record Transfer(long id, String asset, AccountRef from, AccountRef to, long amount, String reason,
                       String reference, String idempotencyKey, Instant createdAt, boolean replayed) {
}
