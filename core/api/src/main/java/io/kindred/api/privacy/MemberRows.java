package io.kindred.api.privacy;

import org.jdbi.v3.core.Handle;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a member's rows for their export as JSON-ready maps: the query binds {@code :u} to the member's id, each
 * column becomes a key in camelCase ({@code created_at} and {@code createdAt} both give {@code createdAt}), and a
 * column whose name ends in {@code At} / {@code _at} holding epoch milliseconds becomes an {@link Instant}.
 *
 * <pre>{@code
 * import static io.kindred.api.privacy.MemberRows.rows;
 * m.put("checkins", rows(h, userId, "SELECT day, streak, created_at FROM checkins WHERE user_id = :u ORDER BY day"));
 * }</pre>
 */
public final class MemberRows {

    private MemberRows() {
    }

    /**
     * @param h      a connection
     * @param userId the member, bound as {@code :u}
     * @param sql    the query
     * @return its rows, in order
     */
    public static List<Map<String, Object>> rows(Handle h, long userId, String sql) {
        return h.createQuery(sql).bind("u", userId).map((rs, c) -> row(rs)).list();
    }

    private static Map<String, Object> row(ResultSet rs) throws SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            String key = camel(meta.getColumnLabel(i));
            Object value = rs.getObject(i);
            m.put(key, key.endsWith("At") && value instanceof Number n ? Instant.ofEpochMilli(n.longValue()) : value);
        }
        return m;
    }

    private static String camel(String label) {
        if (label.indexOf('_') < 0) {
            return label;
        }
        StringBuilder key = new StringBuilder();
        boolean up = false;
        for (char c : label.toLowerCase(java.util.Locale.ROOT).toCharArray()) {
            if (c == '_') {
                up = key.length() > 0;
            } else {
                key.append(up ? Character.toUpperCase(c) : c);
                up = false;
            }
        }
        return key.toString();
    }
}
