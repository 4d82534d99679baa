package io.kindred.server.events;

import io.kindred.api.db.Database;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Read-your-writes for members: a member who just acted (checked in, signed up) and opens the next page sees what
 * the plugins' handlers make of it — the growth from that check-in, the welcome gift — rather than the figures of
 * a moment before. The outbox notes the newest event of each type per member; before a member's next read the
 * server waits, at most {@link #MAX_WAIT}, until every active subscriber of those types has handled them. Kept in
 * memory only: a restart, a failing handler or a rolled-back event costs at most one bounded wait.
 */
public final class OwnEvents {

    /** The longest a read waits for the member's own events. */
    public static final Duration MAX_WAIT = Duration.ofMillis(400);
    private static final long FORGET_AFTER_MS = 60_000;
    private static final int MAX_MEMBERS = 10_000;

    /** Per member: event type → newest event id, and when the last was noted. */
    private record Pending(Map<String, Long> newest, long notedAt) {
    }

    private final Database db;
    private final Dispatcher dispatcher;
    private final Map<Long, Pending> pending = new ConcurrentHashMap<>();

    public OwnEvents(Database db, Dispatcher dispatcher) {
        this.db = db;
        this.dispatcher = dispatcher;
    }

    /** Called by the outbox for each event published for a member. */
    void published(long userId, String type, long eventId) {
        long now = System.currentTimeMillis();
        pending.compute(userId, (id, p) -> {
            Map<String, Long> newest = p == null ? new ConcurrentHashMap<>() : p.newest();
            newest.merge(type, eventId, Math::max);
            return new Pending(newest, now);
        });
        if (pending.size() > MAX_MEMBERS) {
            pending.values().removeIf(p -> now - p.notedAt() > FORGET_AFTER_MS);
        }
    }

    /** Waits, at most {@link #MAX_WAIT}, until the member's own recent events are handled; then forgets them. */
    public void await(long userId) {
        Pending p = pending.get(userId);
        if (p == null) {
            return;
        }
        long deadline = System.nanoTime() + MAX_WAIT.toNanos();
        while (!handled(p.newest()) && System.nanoTime() < deadline) {
            dispatcher.wake();
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        pending.remove(userId, p);
    }

    private boolean handled(Map<String, Long> newest) {
        for (Map.Entry<String, Long> e : newest.entrySet()) {
            List<String> behind = db.read(h -> h.createQuery(
                            "SELECT name FROM event_subscribers WHERE event_type = :t AND cursor_id < :id")
                    .bind("t", e.getKey()).bind("id", e.getValue()).mapTo(String.class).list());
            if (behind.stream().anyMatch(dispatcher::isActive)) {
                return false;
            }
        }
        return true;
    }
}
