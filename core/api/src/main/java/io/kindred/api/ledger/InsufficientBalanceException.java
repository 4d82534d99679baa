package io.kindred.api.ledger;

import io.kindred.api.KindredException;

/**
 * Thrown when a transfer would take a member's balance below zero and the asset does not allow it.
 * Its code is {@code insufficient_<asset>} (e.g. {@code insufficient_points}), status 409.
 */
public class InsufficientBalanceException extends KindredException {

    /** @param asset the asset @param balance the balance now @param amount the amount asked for */
    public InsufficientBalanceException(String asset, long balance, long amount) {
        super(409, "insufficient_" + asset, "Not enough " + asset + ": the balance is " + balance
                + " and " + amount + " is needed.");
    }
}
