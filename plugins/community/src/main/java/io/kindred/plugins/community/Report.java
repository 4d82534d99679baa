package io.kindred.plugins.community;

import io.kindred.api.KindredException;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** A member's report of a post or a comment, open until an operator decides on its target. */
record Report(long id, Target target, long postId, long reporterId, Reason reason, String note, boolean open,
              String resolution, long createdAt) {

    /** What can be reported. */
    enum TargetType {
        POST, COMMENT;

        String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        static TargetType parse(String code) {
            return valueOf(code.toUpperCase(Locale.ROOT));
        }
    }

    /** A post or a comment, as reports and audit entries name it ({@code community:post:42}). */
    record Target(TargetType type, long id) {
        String ref() {
            return "community:" + type.code() + ":" + id;
        }

        Map<String, Object> json() {
            return Map.of("type", type.code(), "id", id);
        }
    }

    /** Why a member reports. */
    enum Reason {
        SPAM, ABUSE, ILLEGAL, OFF_TOPIC, OTHER;

        String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Reason parse(String code) {
            for (Reason r : values()) {
                if (r.code().equals(code)) {
                    return r;
                }
            }
            throw KindredException.invalidField("reason is one of " + Arrays.stream(values()).map(Reason::code)
                    .collect(Collectors.joining(", ")) + ".");
        }
    }

    Map<String, Object> json() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("target", target.json());
        m.put("postId", postId);
        m.put("reason", reason.code());
        m.put("note", note);
        m.put("status", open ? "open" : "resolved");
        m.put("resolution", resolution);
        m.put("createdAt", Instant.ofEpochMilli(createdAt).toString());
        return m;
    }
}
