package io.kindred.core.properties;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * What the ledger should hold, worked out independently of it: per member and asset a queue of lots
 * (amount left, expiry), debits taking the lots that end soonest first, the expiry job dropping lots due.
 */
final class LedgerModel {

    static final long DAY = 86_400_000L;

    private record Key(long userId, String asset) {
    }

    private static final class Lot {
        long remaining;
        final Long expiresAt;

        Lot(long remaining, Long expiresAt) {
            this.remaining = remaining;
            this.expiresAt = expiresAt;
        }
    }

    private final Map<Key, Deque<Lot>> lots = new HashMap<>();
    private final long expiryDays;

    LedgerModel(long expiryDays) {
        this.expiryDays = expiryDays;
    }

    long balance(long userId, String asset) {
        return queue(userId, asset).stream().mapToLong(l -> l.remaining).sum();
    }

    void credit(long userId, String asset, long amount, long now) {
        queue(userId, asset).addLast(new Lot(amount, expires(asset) ? now + expiryDays * DAY : null));
    }

    /** @return whether the debit fits; when it does, the lots ending soonest pay for it */
    boolean debit(long userId, String asset, long amount) {
        if (balance(userId, asset) < amount) {
            return false;
        }
        long left = amount;
        Deque<Lot> q = queue(userId, asset);
        while (left > 0) {
            Lot first = q.peekFirst();
            long take = Math.min(first.remaining, left);
            first.remaining -= take;
            left -= take;
            if (first.remaining == 0) {
                q.removeFirst();
            }
        }
        return true;
    }

    /** Drops every lot due at {@code now}, as the expiry job does. */
    void expire(long now) {
        lots.values().forEach(q -> q.removeIf(l -> l.expiresAt != null && l.expiresAt <= now));
    }

    static boolean expires(String asset) {
        return "points".equals(asset);
    }

    private Deque<Lot> queue(long userId, String asset) {
        return lots.computeIfAbsent(new Key(userId, asset), k -> new ArrayDeque<>());
    }
}
