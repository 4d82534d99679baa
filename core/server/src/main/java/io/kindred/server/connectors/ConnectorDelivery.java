package io.kindred.server.connectors;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * One push a shop sent, as the delivery log keeps it.
 *
 * @param outcome {@code processing}, {@code recorded}, {@code duplicate}, {@code refunded}, {@code ignored},
 *                {@code rejected} (bad signature), {@code no_member}, {@code error}
 */
public record ConnectorDelivery(long id, Shop shop, Instant receivedAt, String topic, String webhookId, String orderRef,
                                String outcome, String message, boolean verified, String contentType, String body,
                                int attempts, Instant updatedAt) {

    /** Outcomes a replay may change: the push was genuine but could not be applied yet. */
    static final Set<String> REPLAYABLE = Set.of("no_member", "error");

    public boolean replayable() {
        return verified && REPLAYABLE.contains(outcome);
    }

    public Map<String, Object> json() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("shop", shop.id());
        m.put("receivedAt", receivedAt);
        m.put("topic", topic);
        m.put("webhookId", webhookId);
        m.put("orderId", orderRef);
        m.put("outcome", outcome);
        m.put("message", message);
        m.put("attempts", attempts);
        m.put("replayable", replayable());
        return m;
    }
}
