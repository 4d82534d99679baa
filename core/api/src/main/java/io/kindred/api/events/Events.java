package io.kindred.api.events;

import org.jdbi.v3.core.Handle;

import java.util.Map;

/**
 * The event outbox. Publish in the same transaction as the change the event reports; the dispatcher
 * delivers it to every subscriber at least once, in order.
 *
 * <pre>{@code
 * ctx.events().publish(tx, "checkin.recorded", userId, Map.of("day", "2026-11-23", "streak", 4));
 * }</pre>
 */
public interface Events {

    /**
     * @param tx      the caller's write transaction
     * @param type    dotted event type, e.g. {@code redemption.created}
     * @param userId  the member it is about, or null
     * @param payload JSON-serialisable data
     * @return the new event's id
     */
    long publish(Handle tx, String type, Long userId, Map<String, ?> payload);
}
