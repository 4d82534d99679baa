package io.kindred.plugins.distribution;

import io.kindred.api.KindredException;
import io.kindred.api.web.Exchange;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Query filters shared by the API and the pages, checked once. */
final class Filters {

    static final List<String> COMMISSION_STATUSES = List.of("frozen", "released", "cancelled", "clawed_back");
    static final List<String> WITHDRAWAL_STATUSES = List.of("requested", "approved", "paid", "rejected");
    static final List<String> APPLICATION_STATUSES = List.of("pending", "approved", "rejected");

    private Filters() {
    }

    static String commissionStatus(Exchange x) {
        return oneOf(x, "status", COMMISSION_STATUSES);
    }

    static String withdrawalStatus(Exchange x) {
        return oneOf(x, "status", WITHDRAWAL_STATUSES);
    }

    static String applicationStatus(Exchange x) {
        return oneOf(x, "status", APPLICATION_STATUSES);
    }

    /** @return the parameter as a member id, or null when absent; 400 when it is not a positive number */
    static Long id(Exchange x, String name) {
        return x.query(name).map(v -> {
            try {
                long id = Long.parseLong(v.trim());
                if (id > 0) {
                    return id;
                }
            } catch (NumberFormatException ignored) {
                // falls through to the error
            }
            throw KindredException.invalidField("The parameter '" + name + "' must be a member id.");
        }).orElse(null);
    }

    private static String oneOf(Exchange x, String name, List<String> allowed) {
        return x.query(name).map(String::trim).map(v -> {
            if (!allowed.contains(v)) {
                throw KindredException.invalidField("The parameter '" + name + "' must be one of " + String.join(", ", allowed) + ".");
            }
            return v;
        }).orElse(null);
    }

    static Map<String, Object> applicationJson(RightsStore.Application a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", a.id());
        m.put("userId", a.userId());
        m.put("message", a.message());
        m.put("status", a.status());
        m.put("note", a.note());
        m.put("createdAt", Instant.ofEpochMilli(a.createdAt()).toString());
        m.put("decidedAt", a.decidedAt() == null ? null : Instant.ofEpochMilli(a.decidedAt()).toString());
        return m;
    }
}
