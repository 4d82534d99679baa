package io.kindred.server.webhooks;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A registered endpoint; {@code secret} never leaves the server except once, when it is made. */
public record WebhookEndpoint(long id, String url, List<String> events, String description, String secret, boolean enabled,
                              String disabledReason, long afterEventId, int consecutiveFailures, Instant failingSince,
                              Instant createdAt, Instant updatedAt) {

    /** @return the endpoint as the API and the console show it, without its secret */
    public Map<String, Object> json() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("url", url);
        m.put("events", events);
        m.put("description", description);
        m.put("enabled", enabled);
        m.put("disabledReason", disabledReason);
        m.put("consecutiveFailures", consecutiveFailures);
        m.put("createdAt", createdAt);
        m.put("updatedAt", updatedAt);
        return m;
    }

    /** Without the secret, so that a log line never carries it. */
    @Override
    public String toString() {
        return "WebhookEndpoint[id=" + id + ", url=" + url + ", events=" + events + ", enabled=" + enabled + "]";
    }
}
