package io.kindred.server.events;

import io.kindred.api.db.Database;
import org.jdbi.v3.core.Handle;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;

/**
 * How far the outbox can be read by id without passing an event that commits later.
 *
 * <p>On SQLite writes take turns, so event ids commit in increasing order and every id is safe to read: the
 * horizon is unbounded. On PostgreSQL two transactions can take ids 10 and 11 and commit 11 first; a reader that
 * moved its cursor to 11 would never see 10. So each transaction that publishes holds, from just before it takes its
 * first id until it ends, an advisory lock of its own (key: this class's lock space and its backend's pid; no other
 * transaction ever waits for it). A reader notes the newest id handed out so far, then the transactions holding such
 * a lock: once none of those is still open, every id up to the noted one is committed or rolled back for good. The
 * reader keeps its notes and reads up to the newest one that is settled, so a busy outbox is never starved by a
 * stream of overlapping publishers.
 */
public final class CommitHorizon {

    /** First key of the publishers' advisory locks ("Kind"); the second is the backend's pid. */
    static final int LOCK_SPACE = 0x4b696e64;
    /** Notes kept while publishers are open: past this many a reader waits for the oldest to settle. */
    private static final int MAX_NOTES = 256;

    private record Note(long head, Set<String> open) {
    }

    private final Database db;
    private final boolean postgresql;
    private final ArrayDeque<Note> notes = new ArrayDeque<>();
    private String sequence;
    private long settled;

    public CommitHorizon(Database db) {
        this.db = db;
        this.postgresql = db.dialect().equals("postgresql");
    }

    /** @return whether publishers must {@link #guard} their transaction (PostgreSQL) */
    public boolean guarded() {
        return postgresql;
    }

    /** Marks the transaction of {@code tx} as one that publishes, before it takes an event id (PostgreSQL only). */
    public static void guard(Handle tx) {
        tx.createQuery("SELECT pg_advisory_xact_lock(:space, pg_backend_pid()) IS NULL")
                .bind("space", LOCK_SPACE).mapTo(Boolean.class).one();
    }

    /** @return the highest event id below which no event can commit any more: read no further */
    public synchronized long upTo() {
        if (!postgresql) {
            return Long.MAX_VALUE;
        }
        return db.read(h -> {
            if (sequence == null) {
                sequence = h.createQuery("SELECT pg_get_serial_sequence('events', 'id')").mapTo(String.class).one();
            }
            // The newest id first, then who still publishes: a transaction holding an id up to it is among them.
            long head = h.createQuery("SELECT CASE WHEN is_called THEN last_value ELSE last_value - 1 END FROM " + sequence)
                    .mapTo(Long.class).one();
            Set<String> open = new HashSet<>(h.createQuery("""
                            SELECT virtualtransaction FROM pg_locks
                             WHERE locktype = 'advisory' AND classid::bigint = :space AND objsubid = 2 AND granted""")
                    .bind("space", LOCK_SPACE).mapTo(String.class).list());
            for (Iterator<Note> it = notes.iterator(); it.hasNext(); ) {
                Note n = it.next();
                if (Collections.disjoint(n.open(), open)) {
                    settled = Math.max(settled, n.head());
                    it.remove();
                }
            }
            if (open.isEmpty()) {
                settled = Math.max(settled, head);
                notes.clear();
            } else if (notes.size() < MAX_NOTES && head > settled && (notes.isEmpty() || notes.peekLast().head() < head)) {
                notes.addLast(new Note(head, open));
            }
            return settled;
        });
    }
}
