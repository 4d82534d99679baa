package io.kindred.server.webhooks;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** One event for one endpoint, with the outcome of its latest attempt. */
public record WebhookDelivery(long id, long endpointId, long eventId, String eventType, DeliveryStatus status, int attempts,
                              Instant nextAttemptAt, Instant firstAttemptAt, Instant lastAttemptAt, Integer responseStatus,
                              Long latencyMs, String responseExcerpt, String error, Instant createdAt) {

    /** @return the delivery as the API and the console show it */
    public Map<String, Object> json() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("endpointId", endpointId);
        m.put("eventId", eventId);
        m.put("eventType", eventType);
        m.put("status", status.json());
        m.put("attempts", attempts);
        m.put("nextAttemptAt", status == DeliveryStatus.PENDING ? nextAttemptAt : null);
        m.put("lastAttemptAt", lastAttemptAt);
        m.put("responseStatus", responseStatus);
        m.put("latencyMs", latencyMs);
        m.put("responseExcerpt", responseExcerpt);
        m.put("error", error);
        m.put("createdAt", createdAt);
        return m;
    }
}
