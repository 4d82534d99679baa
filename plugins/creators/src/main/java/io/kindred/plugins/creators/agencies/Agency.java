package io.kindred.plugins.creators.agencies;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * An agency (MCN 机构): a company that signs creators under contract and takes a share of their commission.
 *
 * @param id            id
 * @param name          name, unique
 * @param contactPerson who to talk to
 * @param contactPhone  their phone
 * @param contactEmail  their email
 * @param status        active, suspended (no new contracts) or closed
 * @param notes         the operator's notes
 * @param createdAt     epoch millis
 * @param updatedAt     epoch millis
 */
record Agency(long id, String name, String contactPerson, String contactPhone, String contactEmail, String status,
              String notes, long createdAt, long updatedAt) {

    static final Set<String> STATUSES = Set.of("active", "suspended", "closed");

    Map<String, Object> json() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("name", name);
        m.put("contact", Map.of("person", contactPerson, "phone", contactPhone, "email", contactEmail));
        m.put("status", status);
        m.put("notes", notes);
        m.put("createdAt", Instant.ofEpochMilli(createdAt).toString());
        m.put("updatedAt", Instant.ofEpochMilli(updatedAt).toString());
        return m;
    }
}
