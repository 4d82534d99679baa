package io.kindred.server.segments;

import org.jdbi.v3.core.Handle;

import java.time.LocalDate;

/**
 * Keeps {@code users.last_active_day}, what the {@code activeFrom}/{@code activeTo} filters read: the last day (in the
 * site's zone) a member signed in, came back with their session, bought, or had a balance move (not by expiry). The
 * UPDATE matches only an older day, so it writes at most once per member per day.
 */
public final class LastActive {

    private LastActive() {
    }

    /** Marks the member active on {@code day} (in the caller's transaction). */
    public static void touch(Handle tx, long userId, LocalDate day) {
        tx.createUpdate("""
                        UPDATE users SET last_active_day = :day
                         WHERE id = :id AND (last_active_day IS NULL OR last_active_day < :day)""")
                .bind("day", day.toString()).bind("id", userId).execute();
    }
}
