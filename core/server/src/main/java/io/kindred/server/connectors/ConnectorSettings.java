package io.kindred.server.connectors;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A connector's configuration.
 *
 * @param shop     which shop
 * @param enabled  whether its pushes are taken
 * @param secret   the shared secret the shop signs with (Shopify's client secret or webhook signing key, the
 *                 WooCommerce webhook's secret, Youzan's client_secret)
 * @param clientId Youzan's client_id, part of its signature; empty for the others
 */
public record ConnectorSettings(Shop shop, boolean enabled, String secret, String clientId, Instant updatedAt) {

    static ConnectorSettings none(Shop shop) {
        return new ConnectorSettings(shop, false, "", "", null);
    }

    public boolean configured() {
        return !secret.isEmpty() && (shop != Shop.YOUZAN || !clientId.isEmpty());
    }

    /** The secret as a page may show it: its last four characters. */
    public String maskedSecret() {
        if (secret.isEmpty()) {
            return "";
        }
        return "••••" + (secret.length() > 8 ? secret.substring(secret.length() - 4) : "");
    }

    /** Without the secret, so that a log line never carries it. */
    @Override
    public String toString() {
        return "ConnectorSettings[" + shop.id() + ", enabled=" + enabled + "]";
    }

    public Map<String, Object> json() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("shop", shop.id());
        m.put("label", shop.label());
        m.put("enabled", enabled);
        m.put("configured", configured());
        m.put("maskedSecret", maskedSecret());
        m.put("clientId", clientId);
        return m;
    }
}
