package io.kindred.api.segments;

import java.util.Map;

/**
 * The answer of a {@link MemberFilter}: one SQL {@code SELECT} of a single column of member ids
 * ({@code users.id}), with named parameters ({@code :name}) and their values. The core uses it as
 * {@code u.id IN (<sql>)}, renaming the parameters so that several filters never clash; never put a value into
 * the text itself. Keep to SQL that SQLite and PostgreSQL both run, and index what it reads.
 *
 * <pre>{@code
 * MemberIds ids = MemberIds.of("SELECT user_id FROM checkin_streaks WHERE current_streak >= :n", Map.of("n", 7));
 * }</pre>
 *
 * @param sql    a {@code SELECT} of member ids
 * @param params the values of its named parameters
 */
public record MemberIds(String sql, Map<String, Object> params) {

    /** Checks that there is SQL and that every parameter name is plain; keeps an unmodifiable copy. */
    public MemberIds {
        if (sql == null || sql.isBlank()) {
            throw new IllegalArgumentException("a member filter needs its SQL");
        }
        params = Map.copyOf(params == null ? Map.of() : params);
        for (String k : params.keySet()) {
            if (!k.matches("[A-Za-z][A-Za-z0-9_]*")) {
                throw new IllegalArgumentException("a parameter name is letters, digits and _: " + k);
            }
        }
    }

    /**
     * @param sql    a {@code SELECT} of member ids
     * @param params its named parameters
     * @return the selection
     */
    public static MemberIds of(String sql, Map<String, Object> params) {
        return new MemberIds(sql, params);
    }
}
