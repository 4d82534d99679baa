package io.kindred.plugins.activities.tasks;

import java.util.LinkedHashMap;
import java.util.Map;

/** A member's proof of a "follow the brand" task: a screenshot and/or a handle, reviewed by an operator. */
record Proof(long id, long taskId, long userId, String image, String handle, Status status, String reason,
             long createdAt, Long decidedAt) {

    /** Where the review stands. */
    enum Status {
        PENDING, APPROVED, REJECTED;

        String code() {
            return name().toLowerCase();
        }

        static Status of(String code) {
            return valueOf(code.toUpperCase());
        }
    }

    Map<String, Object> json() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("taskId", taskId);
        m.put("userId", userId);
        m.put("image", image);
        m.put("handle", handle);
        m.put("status", status.code());
        m.put("reason", reason);
        m.put("createdAt", java.time.Instant.ofEpochMilli(createdAt).toString());
        m.put("decidedAt", decidedAt == null ? null : java.time.Instant.ofEpochMilli(decidedAt).toString());
        return m;
    }
}
