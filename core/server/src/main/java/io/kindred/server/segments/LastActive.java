package io.kindred.server.segments;

import org.jdbi.v3.core.Handle;

import java.time.LocalDate;

/**
 * Keeps {@code users.last_active_day}, what the {@code activeFrom}/{@code activeTo} filters read: the last day (in the
 * site's zone) a member signed in, came back with their session, bought, or had a balance move (not by expiry). The
 * UPDATE matches only an older day, so it writes at most once per member per day.
 */
public final class LastActive {

    /** Members remembered at most; beyond, the memo starts afresh (a few MB). */
    private static final int MEMO_SIZE = 100_000;

    private final io.kindred.api.db.Database db;
    /** Members whose stored day is already at least the one remembered (written only after that write commits). */
    private final java.util.Map<Long, LocalDate> known = new java.util.concurrent.ConcurrentHashMap<>();

    /** @param db for the commit of the write that marks a member, after which the mark is remembered */
    public LastActive(io.kindred.api.db.Database db) {
        this.db = db;
    }

    /**
     * Marks the member active on {@code day} in the caller's transaction, unless this process already saw that
     * committed: a member's balance moves several times in one check-in, the day changes once. The stored day is
     * only ever raised, so what is remembered stays true.
     */
    public void mark(Handle tx, long userId, LocalDate day) {
        LocalDate seen = known.get(userId);
        if (seen != null && !seen.isBefore(day)) {
            return;
        }
        touch(tx, userId, day);
        db.afterCommit(() -> {
            if (known.size() >= MEMO_SIZE) {
                known.clear();
            }
            known.merge(userId, day, (a, b) -> a.isAfter(b) ? a : b);
        });
    }

    /** Marks the member active on {@code day} (in the caller's transaction). */
    public static void touch(Handle tx, long userId, LocalDate day) {
        tx.createUpdate("""
                        UPDATE users SET last_active_day = :day
                         WHERE id = :id AND (last_active_day IS NULL OR last_active_day < :day)""")
                .bind("day", day.toString()).bind("id", userId).execute();
    }
}
