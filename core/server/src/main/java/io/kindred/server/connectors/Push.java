package io.kindred.server.connectors;

import java.util.Map;
import java.util.TreeMap;

/**
 * One request a shop sent, as it arrived: its headers and the raw body bytes the signature is computed over
 * (never re-serialised before checking).
 */
public record Push(Map<String, String> headers, String contentType, byte[] body) {

    public Push {
        TreeMap<String, String> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        h.putAll(headers);
        headers = h;
        contentType = contentType == null ? "" : contentType;
    }

    /** @return a header's value, or null; names are case-insensitive */
    public String header(String name) {
        return headers.get(name);
    }

    public boolean isForm() {
        return contentType.toLowerCase(java.util.Locale.ROOT).startsWith("application/x-www-form-urlencoded");
    }
}
