package io.kindred.server.events;

import io.kindred.api.db.Database;
import io.kindred.api.events.Event;
import io.kindred.api.events.EventHandler;
import io.kindred.api.events.Replay;
import io.kindred.server.web.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Delivers outbox events to subscribers: each subscriber has a cursor, gets its events in order, and has
 * each handled in a transaction that also moves its cursor (so a handler's database effects happen once).
 * A failing event is retried with exponential backoff; after {@code maxAttempts} it goes to the
 * dead-letter list and the subscriber moves on. Stopping waits for the event in hand (a safe point).
 */
public final class Dispatcher {

    private static final Logger log = LoggerFactory.getLogger("kindred.events");
    private static final int BATCH = 200;
    /** Events of one subscriber handled in one transaction. */
    private static final int CHUNK = 100;

    /** A live subscription. */
    public record Subscription(String name, String eventType, String owner, EventHandler handler) {
    }

    private final Database db;
    private final Clock clock;
    private final int maxAttempts;
    private final long retryBaseMs;
    private final Map<String, Subscription> subscriptions = new ConcurrentHashMap<>();
    private final Wakeup wakeup = new Wakeup();
    private final Runnable wakeNow = this::wake;
    private volatile java.util.function.Consumer<Runnable> afterCommit = Runnable::run;
    private volatile boolean running;
    private Thread thread;
    private final CommitHorizon horizon;

    public Dispatcher(Database db, Clock clock, int maxAttempts, long retryBaseMs) {
        this.db = db;
        this.horizon = new CommitHorizon(db);
        this.clock = clock;
        this.maxAttempts = Math.max(1, maxAttempts);
        this.retryBaseMs = Math.max(10, retryBaseMs);
    }

    public void subscribe(Subscription s, Replay replay) {
        subscribe(s, replay, false);
    }

    /**
     * Starts delivering to a subscription. A subscriber seen for the first time starts where {@code replay} says;
     * a known one resumes at its cursor, or, with {@code skipBacklog}, at the newest event: a plugin the operator
     * switched back on does not receive what happened while it was off.
     */
    public void subscribe(Subscription s, Replay replay, boolean skipBacklog) {
        long now = clock.millis();
        db.write(h -> {
            long head = h.createQuery("SELECT COALESCE(MAX(id), 0) FROM events").mapTo(Long.class).one();
            long start = replay == Replay.FROM_START ? 0 : head;
            h.createUpdate("""
                            INSERT INTO event_subscribers(name, event_type, cursor_id, updated_at) VALUES (:n, :t, :c, :now)
                            ON CONFLICT (name) DO UPDATE SET event_type = excluded.event_type""")
                    .bind("n", s.name()).bind("t", s.eventType()).bind("c", start).bind("now", now).execute();
            if (skipBacklog) {
                h.createUpdate("""
                                UPDATE event_subscribers SET cursor_id = :head, attempts = 0, next_attempt_at = 0, updated_at = :now
                                 WHERE name = :n AND cursor_id < :head""")
                        .bind("head", head).bind("now", now).bind("n", s.name()).execute();
            }
            return null;
        });
        subscriptions.put(s.name(), s);
        wake();
    }

    public void unsubscribe(String name) {
        // Waits for a delivery in progress to this subscriber to finish: after this, it gets nothing.
        synchronized (this) {
            subscriptions.remove(name);
        }
    }

    /** Removes every subscription of an owner (a plugin), whichever step of its start registered them. */
    public void unsubscribeAll(String owner) {
        synchronized (this) {
            subscriptions.values().removeIf(s -> s.owner().equals(owner));
        }
    }

    public void wake() {
        wakeup.ring();
    }

    /** Defers {@link #wakeAfterCommit} wakes until the write in hand commits (the database's after-commit hook). */
    public void deferWakesWith(java.util.function.Consumer<Runnable> afterCommit) {
        this.afterCommit = afterCommit;
    }

    /** Wakes the loop once the write in hand is committed: a new event can be read only then. */
    public void wakeAfterCommit() {
        afterCommit.accept(wakeNow);
    }

    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        thread = new Thread(this::loop, "kindred-events");
        thread.setDaemon(true);
        thread.start();
    }

    /** Stops after the event in hand; returns once the thread has ended. */
    public void stop() {
        running = false;
        wake();
        Thread t = thread;
        if (t != null) {
            try {
                t.join(TimeUnit.SECONDS.toMillis(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void loop() {
        while (running) {
            boolean didWork = false;
            try {
                didWork = runOnce();
            } catch (VirtualMachineError e) {
                throw e;
            } catch (Throwable e) {
                log.error("Event dispatch failed, retrying shortly: {}", e.toString());
            }
            if (!didWork && !wakeup.await(250, () -> running)) {
                return;
            }
        }
    }

    /** One pass over every subscriber; returns whether any event was handled. Visible for tests. */
    public boolean runOnce() {
        boolean didWork = false;
        List<Subscription> live = List.copyOf(subscriptions.values());
        long upTo = live.isEmpty() ? 0 : horizon.upTo();
        for (Subscription s : live) {
            if (!running && thread != null) {
                break;
            }
            didWork |= deliverBatch(s, upTo);
        }
        return didWork;
    }

    private record Cursor(long cursorId, int attempts, long nextAttemptAt) {
    }

    /** @return whether publishers must mark their transactions for {@link CommitHorizon} (PostgreSQL) */
    public boolean guardedCommits() {
        return horizon.guarded();
    }

    private boolean deliverBatch(Subscription s, long upTo) {
        Optional<Cursor> cursor = db.read(h -> h.createQuery(
                        "SELECT cursor_id, attempts, next_attempt_at FROM event_subscribers WHERE name = :n")
                .bind("n", s.name()).map((rs, c) -> new Cursor(rs.getLong(1), rs.getInt(2), rs.getLong(3))).findOne());
        if (cursor.isEmpty() || cursor.get().nextAttemptAt() > clock.millis()) {
            return false;
        }
        List<Event> events = db.read(h -> h.createQuery("""
                        SELECT id, type, user_id, payload, created_at FROM events
                         WHERE type = :type AND id > :cursor AND id <= :upTo ORDER BY id LIMIT :batch""")
                .bind("type", s.eventType()).bind("cursor", cursor.get().cursorId()).bind("upTo", upTo).bind("batch", BATCH)
                .map((rs, c) -> new Event(rs.getLong(1), rs.getString(2),
                        rs.getObject(3) == null ? null : rs.getLong(3), Json.readMap(rs.getString(4)),
                        Instant.ofEpochMilli(rs.getLong(5))))
                .list());
        boolean didWork = false;
        int attempts = cursor.get().attempts();
        int from = 0;
        while (from < events.size()) {
            if (!running && thread != null) {
                return didWork;
            }
            Delivered d = deliver(s, events.subList(from, Math.min(events.size(), from + CHUNK)));
            if (d == null) {
                return true;
            }
            from += d.handled();
            if (d.handled() > 0) {
                attempts = 0;
                didWork = true;
            }
            if (d.failed() != null) {
                recordFailure(s, d.failed(), attempts + 1, d.cause());
                if (attempts + 1 < maxAttempts) {
                    return true;
                }
                from++; // dead-lettered: the cursor moved past it
                attempts = 0;
                didWork = true;
            }
        }
        return didWork;
    }

    /** What one transaction of deliveries did: how many events were handled, and the one that failed, if any. */
    private record Delivered(int handled, Event failed, Throwable cause) {
    }

    /**
     * Handles events of a subscriber in one transaction, each in a savepoint of its own, and moves its cursor past
     * the last one handled: a failing event is rolled back alone and ends the run.
     *
     * @return null when the subscriber is gone
     */
    private synchronized Delivered deliver(Subscription s, List<Event> events) {
        if (!subscriptions.containsKey(s.name())) {
            return null;
        }
        try {
            return db.write(h -> {
                int handled = 0;
                for (Event e : events) {
                    if (!running && thread != null) {
                        break;
                    }
                    h.savepoint("event");
                    try {
                        s.handler().handle(e, h);
                        h.releaseSavepoint("event");
                    } catch (VirtualMachineError ex) {
                        throw ex;
                    } catch (Throwable ex) {
                        // A handler's Error (NoClassDefFoundError, StackOverflowError, ...) is its failure, not ours.
                        h.rollbackToSavepoint("event");
                        moveCursor(h, s, handled, events);
                        return new Delivered(handled, e, ex);
                    }
                    handled++;
                }
                moveCursor(h, s, handled, events);
                return new Delivered(handled, null, null);
            });
        } catch (VirtualMachineError ex) {
            throw ex;
        } catch (Throwable ex) {
            // the transaction itself failed: nothing of it happened, the first event counts as failed once
            return new Delivered(0, events.get(0), ex);
        }
    }

    private void moveCursor(org.jdbi.v3.core.Handle h, Subscription s, int handled, List<Event> events) {
        if (handled == 0) {
            return;
        }
        h.createUpdate("""
                        UPDATE event_subscribers SET cursor_id = :id, attempts = 0, next_attempt_at = 0,
                               last_error = NULL, updated_at = :now WHERE name = :n""")
                .bind("id", events.get(handled - 1).id()).bind("now", clock.millis()).bind("n", s.name()).execute();
    }

    private void recordFailure(Subscription s, Event e, int attempts, Throwable cause) {
        String error = String.valueOf(cause).replaceAll("\\s+", " ");
        if (error.length() > 500) {
            error = error.substring(0, 500);
        }
        long now = clock.millis();
        String err = error;
        if (attempts >= maxAttempts) {
            db.write(h -> {
                h.createUpdate("""
                                INSERT INTO event_dead_letters(subscriber, event_id, attempts, last_error, created_at)
                                VALUES (:n, :e, :a, :err, :now)
                                ON CONFLICT (subscriber, event_id) DO UPDATE SET attempts = excluded.attempts,
                                       last_error = excluded.last_error, created_at = excluded.created_at, retried_at = NULL""")
                        .bind("n", s.name()).bind("e", e.id()).bind("a", attempts).bind("err", err).bind("now", now).execute();
                h.createUpdate("""
                                UPDATE event_subscribers SET cursor_id = :id, attempts = 0, next_attempt_at = 0,
                                       last_error = :err, updated_at = :now WHERE name = :n""")
                        .bind("id", e.id()).bind("err", err).bind("now", now).bind("n", s.name()).execute();
                return null;
            });
            log.warn("Event {} ({}) moved to dead letters for {} after {} attempts: {}", e.id(), e.type(), s.name(), attempts, err);
        } else {
            long delay = Math.min(retryBaseMs << Math.min(attempts - 1, 20), 3_600_000L);
            db.write(h -> h.createUpdate("""
                            UPDATE event_subscribers SET attempts = :a, next_attempt_at = :next, last_error = :err,
                                   updated_at = :now WHERE name = :n""")
                    .bind("a", attempts).bind("next", now + delay).bind("err", err).bind("now", now)
                    .bind("n", s.name()).execute());
            log.warn("Event {} ({}) failed for {} (attempt {} of {}), retry in {} ms: {}",
                    e.id(), e.type(), s.name(), attempts, maxAttempts, delay, err);
        }
    }

    /** Runs a dead letter's handler again; returns false when its subscriber is not active. */
    public synchronized boolean retryDeadLetter(long deadLetterId) {
        record Dead(String subscriber, Event event) {
        }
        Optional<Dead> dead = db.read(h -> h.createQuery("""
                        SELECT d.subscriber, e.id, e.type, e.user_id, e.payload, e.created_at
                          FROM event_dead_letters d JOIN events e ON e.id = d.event_id
                         WHERE d.id = :id AND d.retried_at IS NULL""")
                .bind("id", deadLetterId)
                .map((rs, c) -> new Dead(rs.getString(1), new Event(rs.getLong(2), rs.getString(3),
                        rs.getObject(4) == null ? null : rs.getLong(4), Json.readMap(rs.getString(5)),
                        Instant.ofEpochMilli(rs.getLong(6)))))
                .findOne());
        if (dead.isEmpty()) {
            throw io.kindred.api.KindredException.notFound("There is no dead letter " + deadLetterId + " waiting for a retry.");
        }
        Subscription s = subscriptions.get(dead.get().subscriber());
        if (s == null) {
            throw io.kindred.api.KindredException.conflict("subscriber_inactive",
                    "The subscriber " + dead.get().subscriber() + " is not running; enable its plugin first.");
        }
        try {
            db.write(h -> {
                try {
                    s.handler().handle(dead.get().event(), h);
                } catch (RuntimeException ex) {
                    throw ex;
                } catch (Exception ex) {
                    throw new HandlerFailed(ex);
                }
                h.createUpdate("UPDATE event_dead_letters SET retried_at = :now WHERE id = :id")
                        .bind("now", clock.millis()).bind("id", deadLetterId).execute();
                return null;
            });
        } catch (RuntimeException ex) {
            Throwable cause = ex instanceof HandlerFailed ? ex.getCause() : ex;
            throw io.kindred.api.KindredException.conflict("retry_failed", "The handler failed again: " + cause);
        }
        return true;
    }

    /** Sets a subscriber's cursor back to the first event, to replay everything to it. */
    public boolean replayFromStart(String name) {
        int n = db.write(h -> h.createUpdate("""
                        UPDATE event_subscribers SET cursor_id = 0, attempts = 0, next_attempt_at = 0, updated_at = :now
                         WHERE name = :n""").bind("now", clock.millis()).bind("n", name).execute());
        wake();
        return n > 0;
    }

    private volatile OwnEvents ownEvents;

    /** @param own what notes members' events for read-your-writes; every outbox (core and plugins) reports to it */
    public void ownEvents(OwnEvents own) {
        this.ownEvents = own;
    }

    /** @return the read-your-writes tracker, or null before the core set it */
    public OwnEvents ownEvents() {
        return ownEvents;
    }

    public boolean isActive(String name) {
        return subscriptions.containsKey(name);
    }

    /** Wraps a checked exception from a handler. */
    private static final class HandlerFailed extends RuntimeException {
        HandlerFailed(Exception cause) {
            super(cause);
        }
    }
}
