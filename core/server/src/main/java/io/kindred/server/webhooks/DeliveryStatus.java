package io.kindred.server.webhooks;

import java.util.Locale;

/** Where a webhook delivery stands: waiting for an attempt (first or retry), done, or given up after 3 days. */
public enum DeliveryStatus {
    PENDING, DELIVERED, FAILED;

    /** @return the name stored and shown: {@code pending}, {@code delivered}, {@code failed} */
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    static DeliveryStatus of(String stored) {
        return valueOf(stored.toUpperCase(Locale.ROOT));
    }
}
