package io.kindred.server.events;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

/**
 * The doorbell of a background loop (the event dispatcher, the webhook deliverer): whoever writes new work rings it,
 * and the loop waits between passes until it rings or a short time has passed, so that work is picked up at once
 * without a busy loop.
 */
public final class Wakeup {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition rung = lock.newCondition();
    private boolean signalled;

    /** Wakes the loop now (or makes its next wait return at once). */
    public void ring() {
        lock.lock();
        try {
            signalled = true;
            rung.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits until rung, at most {@code maxMillis}; returns at once if it rang since the last wait.
     *
     * @param keepWaiting checked before waiting: false (the loop is stopping) does not wait
     * @return false when the thread was interrupted (the loop should end)
     */
    public boolean await(long maxMillis, BooleanSupplier keepWaiting) {
        lock.lock();
        try {
            if (!signalled && keepWaiting.getAsBoolean()) {
                rung.await(maxMillis, TimeUnit.MILLISECONDS);
            }
            signalled = false;
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            lock.unlock();
        }
    }
}
