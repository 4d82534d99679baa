package io.kindred.plugins.community;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What an operator did to a member: a warning (on record, no effect), a mute for some days (no posting or
 * commenting) or a ban (no posting, commenting, liking or reporting until lifted).
 *
 * @param endsAt   when a mute ends, null for a warning or a ban
 * @param liftedAt when an operator lifted it, or null
 */
record Sanction(long id, long userId, Kind kind, String reason, Long endsAt, long createdBy, long createdAt,
                Long liftedBy, Long liftedAt) {

    /** The kinds of sanction. */
    enum Kind {
        WARN, MUTE, BAN;

        String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Kind parse(String code) {
            return valueOf(code.toUpperCase(Locale.ROOT));
        }
    }

    /** @return whether it stops the member at {@code now} */
    boolean inForce(long now) {
        return kind != Kind.WARN && liftedAt == null && (endsAt == null || endsAt > now);
    }

    Map<String, Object> json() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("userId", userId);
        m.put("kind", kind.code());
        m.put("reason", reason);
        m.put("endsAt", endsAt == null ? null : Instant.ofEpochMilli(endsAt).toString());
        m.put("createdBy", createdBy);
        m.put("createdAt", Instant.ofEpochMilli(createdAt).toString());
        m.put("liftedAt", liftedAt == null ? null : Instant.ofEpochMilli(liftedAt).toString());
        return m;
    }
}
