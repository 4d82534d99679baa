package io.kindred.server.connectors;

import com.fasterxml.jackson.databind.JsonNode;
import io.kindred.api.CoreError;
import io.kindred.api.KindredException;
import io.kindred.server.web.Json;

import java.io.IOException;
import java.math.BigDecimal;

/** Reading shops' JSON bodies: a body that is not what the shop documents is refused with a typed error, never a 500. */
final class Payloads {

    private Payloads() {
    }

    static JsonNode json(byte[] body) {
        try {
            JsonNode n = Json.CORE.readTree(body);
            if (n == null || !n.isObject()) {
                throw new KindredException(CoreError.INVALID_JSON, "The push body is not a JSON object.");
            }
            return n;
        } catch (IOException e) {
            throw new KindredException(CoreError.INVALID_JSON, "The push body is not JSON.");
        }
    }

    /** @return a field's text; missing or empty is a {@code missing_field} */
    static String required(JsonNode node, String field) {
        String v = Money.text(node, field);
        if (v.isEmpty()) {
            throw KindredException.missingField(field);
        }
        if (v.length() > 80) {
            throw KindredException.invalidField("The " + field + " is longer than 80 characters.");
        }
        return v;
    }

    static BigDecimal decimal(String text) {
        try {
            return text == null || text.isBlank() ? BigDecimal.ZERO : new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            throw KindredException.invalidField("'" + text + "' is not an amount.");
        }
    }
}
