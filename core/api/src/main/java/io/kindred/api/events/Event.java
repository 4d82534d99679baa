package io.kindred.api.events;

import java.time.Instant;
import java.util.Map;

/**
 * A fact that happened, as written to the outbox in the same transaction as the change it reports.
 *
 * <pre>{@code
 * long amount = event.longValue("amount");
 * }</pre>
 *
 * @param id        position in the outbox; increases with time; use it to derive idempotency keys
 * @param type      e.g. {@code purchase.recorded}
 * @param userId    the member it is about, or null
 * @param payload   its data (JSON object)
 * @param createdAt when it was written
 */
public record Event(long id, String type, Long userId, Map<String, Object> payload, Instant createdAt) {

    /** @param key payload key @return the value as a string, or null */
    public String string(String key) {
        Object v = payload.get(key);
        return v == null ? null : v.toString();
    }

    /** @param key payload key @return the value as a long; IllegalArgumentException if absent or not a number */
    public long longValue(String key) {
        Object v = payload.get(key);
        if (v instanceof Number n) {
            return n.longValue();
        }
        if (v instanceof String s) {
            return Long.parseLong(s);
        }
        throw new IllegalArgumentException("event " + id + " has no number '" + key + "'");
    }
}
