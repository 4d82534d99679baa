package io.kindred.server.db;

import org.jdbi.v3.core.Handle;

/**
 * Makes writes about one key take turns on PostgreSQL, where write transactions run side by side: a "look up the key,
 * insert it if missing" then cannot race another transaction doing the same (the loser would fail on the unique
 * index instead of finding the winner's row). A transaction-scoped advisory lock on the key's hash, held until the
 * transaction ends; the look-up after it sees what the previous holder committed. On SQLite writes already take turns
 * and nothing is done.
 */
public final class KeyLocks {

    private KeyLocks() {
    }

    /**
     * Waits until no other transaction holds {@code key} of {@code scope}, then holds it until this one ends.
     *
     * @param dialect the database's dialect ({@code Database.dialect()})
     */
    public static void take(Handle tx, String dialect, String scope, String key) {
        if (dialect.equals("postgresql") && key != null) {
            tx.createQuery("SELECT pg_advisory_xact_lock(hashtext(:scope), hashtext(:key)) IS NULL")
                    .bind("scope", scope).bind("key", key).mapTo(Boolean.class).one();
        }
    }
}
