package io.kindred.plugins.creators.roster;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A certified creator (达人): category, level, title, status and certificate. Times are epoch milliseconds. */
record Creator(long userId, String category, String level, String title, String status, Long certifiedAt,
               String certificateCode, Long applicationId, long createdAt, long updatedAt) {

    static final List<String> LEVELS = List.of("koc", "kol", "top_kol");
    static final String ACTIVE = "active";
    static final String SUSPENDED = "suspended";
    static final String REMOVED = "removed";

    boolean certified() {
        return ACTIVE.equals(status) && certifiedAt != null;
    }

    Map<String, Object> json() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("userId", userId);
        m.put("category", category);
        m.put("level", level);
        m.put("title", title);
        m.put("status", status);
        m.put("certified", certified());
        m.put("certifiedAt", certifiedAt == null ? null : java.time.Instant.ofEpochMilli(certifiedAt).toString());
        m.put("certificateCode", certificateCode);
        m.put("applicationId", applicationId);
        return m;
    }
}
