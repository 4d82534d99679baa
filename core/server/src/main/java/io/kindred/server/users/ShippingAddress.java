package io.kindred.server.users;

import io.kindred.api.KindredException;
import io.kindred.server.web.Json;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A shipping address: a fixed set of short text fields, stored as JSON. */
public final class ShippingAddress {

    public static final List<String> FIELDS = List.of("name", "phone", "country", "province", "city", "district",
            "line1", "line2", "postalCode");

    private ShippingAddress() {
    }

    public static String normalise(Map<String, Object> address) {
        Map<String, String> clean = new LinkedHashMap<>();
        for (var e : address.entrySet()) {
            if (!FIELDS.contains(e.getKey())) {
                throw KindredException.invalidField("The address has no field '" + e.getKey() + "'; use " + String.join(", ", FIELDS) + ".");
            }
            if (e.getValue() != null && !(e.getValue() instanceof String)) {
                throw KindredException.invalidField("The address field '" + e.getKey() + "' must be text.");
            }
            String v = e.getValue() == null ? "" : ((String) e.getValue()).strip();
            if (v.length() > 200) {
                throw KindredException.invalidField("The address field '" + e.getKey() + "' is too long.");
            }
            if (!v.isEmpty()) {
                clean.put(e.getKey(), v);
            }
        }
        return Json.write(clean);
    }
}
