package io.kindred.server.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The single SQLite writer, with group commit. Every write of the process is a unit of work run on one
 * connection, one unit at a time, in the caller's own thread (its thread-bound state, e.g. the request being
 * audited, stays where it is). Units that queue behind each other share one transaction: each runs inside a
 * savepoint of its own, so a failing unit is rolled back alone and its caller gets its exception at once; the
 * transaction is committed when no other writer is waiting (or it holds {@link #MAX_UNITS} units, or is
 * {@link #MAX_AGE_NANOS} old), and only then does each caller return. So a commit, and its flush to disk, serves
 * many requests, and "acknowledged = durable" still holds: no caller sees success before its unit is on disk.
 */
final class GroupCommit implements AutoCloseable {

    /** Most units in one transaction: bounds the wait of the first one. */
    static final int MAX_UNITS = 64;
    /** A transaction older than this is committed after the unit in hand even if others are waiting. */
    static final long MAX_AGE_NANOS = TimeUnit.MILLISECONDS.toNanos(20);
    /** How long a caller waits for its commit before it checks that someone is committing it (only a writer that gave up waiting for its turn leaves a transaction behind). */
    private static final long WAIT_SLICE_MS = 1_000;

    /** One unit of work on the writer connection. */
    @FunctionalInterface
    interface Unit<R> {
        R run(Connection connection);
    }

    /** Opens the writer connection. */
    @FunctionalInterface
    interface Opener {
        Connection open() throws SQLException;
    }

    /** A transaction shared by the units that ran in it. */
    private static final class Batch {
        final long startedAt = System.nanoTime();
        final CompletableFuture<Void> committed = new CompletableFuture<>();
        final java.util.Set<Runnable> afterCommit = new java.util.LinkedHashSet<>();
        int units;
    }

    private final ReentrantLock lock = new ReentrantLock(true);
    private final Opener opener;
    private final StatementCache statements = new StatementCache(); // guarded by lock, of the connection
    private Connection connection; // guarded by lock
    private Batch open;            // guarded by lock
    private java.util.Set<Runnable> unitActions; // guarded by lock: after-commit actions of the unit in hand
    private long units;            // guarded by lock
    private long commits;          // guarded by lock
    private final java.util.concurrent.atomic.AtomicLong changes = new java.util.concurrent.atomic.AtomicLong();

    GroupCommit(Opener opener) {
        this.opener = opener;
    }

    /** Runs a unit in the shared transaction and returns its result once that transaction is committed. */
    <R> R run(Unit<R> unit) {
        acquire();
        Batch batch;
        R result;
        try {
            batch = open != null ? open : begin();
            Savepoint savepoint = savepoint();
            unitActions = new java.util.LinkedHashSet<>();
            try {
                result = unit.run(connection);
                connection.releaseSavepoint(savepoint);
                batch.units++;
                units++;
                batch.afterCommit.addAll(unitActions);
            } catch (RuntimeException | Error e) {
                undo(savepoint);
                finishIfDue();
                throw e;
            } catch (SQLException e) {
                undo(savepoint);
                finishIfDue();
                throw new IllegalStateException("write failed: " + e.getMessage(), e);
            }
            finishIfDue();
        } finally {
            unitActions = null;
            lock.unlock();
        }
        awaitCommit(batch);
        return result;
    }

    /** The prepared statements kept for the writer connection; use only during a unit (holding the turn). */
    StatementCache statements() {
        return statements;
    }

    /**
     * Runs {@code action} once the transaction of the unit in hand is committed (not at all if the unit fails; at
     * once if no unit is in hand). The same action registered by several units runs once.
     */
    void afterCommit(Runnable action) {
        if (lock.isHeldByCurrentThread() && open != null && unitActions != null) {
            unitActions.add(action);
        } else {
            action.run();
        }
    }

    private void acquire() {
        boolean locked;
        try {
            locked = lock.tryLock(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to write", e);
        }
        if (!locked) {
            throw new IllegalStateException("database busy: no write slot within 60 s");
        }
    }

    private Batch begin() {
        try {
            if (connection == null || connection.isClosed()) {
                connection = opener.open();
            }
            connection.setAutoCommit(false); // BEGIN IMMEDIATE: this process's writer holds the write lock from here
        } catch (SQLException e) {
            discardConnection();
            throw new IllegalStateException("could not start a write transaction: " + e.getMessage(), e);
        }
        open = new Batch();
        return open;
    }

    private Savepoint savepoint() {
        try {
            return connection.setSavepoint();
        } catch (SQLException e) {
            abort(e);
            throw new IllegalStateException("could not start a unit of work: " + e.getMessage(), e);
        }
    }

    /** Rolls the failed unit back alone; if even that fails, the whole transaction is lost and says so to all. */
    private void undo(Savepoint savepoint) {
        try {
            connection.rollback(savepoint);
            connection.releaseSavepoint(savepoint);
        } catch (SQLException e) {
            abort(e);
        }
    }

    /** Commits the open transaction if nobody is waiting to add to it, or it is full or old. */
    private void finishIfDue() {
        Batch b = open;
        if (b != null && (!lock.hasQueuedThreads() || b.units >= MAX_UNITS
                || System.nanoTime() - b.startedAt >= MAX_AGE_NANOS)) {
            commit();
        }
    }

    private void commit() {
        Batch b = open;
        open = null;
        try {
            connection.commit();
            connection.setAutoCommit(true); // ends the transaction the driver begins after a commit
        } catch (SQLException e) {
            rollbackQuietly();
            b.committed.completeExceptionally(e);
            return;
        }
        if (b.units > 0) {
            commits++; // a transaction whose every unit failed wrote nothing
            changes.incrementAndGet(); // after the commit: a reader that sees the new count reads the new rows
        }
        b.committed.complete(null);
        for (Runnable action : b.afterCommit) {
            try {
                action.run();
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger("kindred.db").warn("An after-commit action failed: {}", e.toString());
            }
        }
    }

    private void abort(SQLException cause) {
        Batch b = open;
        open = null;
        rollbackQuietly();
        if (b != null) {
            b.committed.completeExceptionally(cause);
        }
    }

    private void rollbackQuietly() {
        try {
            connection.rollback();
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            discardConnection();
        }
    }

    private void discardConnection() {
        statements.clear();
        try {
            if (connection != null) {
                connection.close();
            }
        } catch (SQLException ignored) {
            // it is being replaced
        }
        connection = null;
    }

    /** @return how many commits carried a write so far; read without the writer's lock */
    long changes() {
        return changes.get();
    }

    /** Waits, without giving up, for the batch's commit; commits it itself if nobody else is about to. */
    private void awaitCommit(Batch batch) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    batch.committed.get(WAIT_SLICE_MS, TimeUnit.MILLISECONDS);
                    return;
                } catch (TimeoutException e) {
                    acquire();
                    try {
                        if (open == batch) {
                            commit();
                        }
                    } finally {
                        lock.unlock();
                    }
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    throw new IllegalStateException("the write could not be committed: " + e.getCause().getMessage(), e.getCause());
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    Db.WriteStats stats() {
        acquire();
        try {
            return new Db.WriteStats(units, commits);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        acquire();
        try {
            if (open != null) {
                commit();
            }
            discardConnection();
        } finally {
            lock.unlock();
        }
    }
}
