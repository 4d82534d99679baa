package io.kindred.api.events;

import org.jdbi.v3.core.Handle;

/**
 * Reacts to one event. It runs inside a write transaction that also advances the subscriber's cursor:
 * if it throws, nothing it wrote is kept and the event is retried with backoff; after the configured
 * number of attempts it goes to the dead-letter list and the subscriber moves on.
 *
 * <pre>{@code
 * EventHandler h = (event, tx) -> ledger.credit(tx, event.userId(), "points", 10, "welcome",
 *         "event:" + event.id(), "welcome:" + event.id());
 * }</pre>
 */
@FunctionalInterface
public interface EventHandler {

    /**
     * @param event the event
     * @param tx    the write transaction to do the work in
     * @throws Exception to ask for a retry
     */
    void handle(Event event, Handle tx) throws Exception;
}
