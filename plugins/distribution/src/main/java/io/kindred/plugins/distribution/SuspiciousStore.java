package io.kindred.plugins.distribution;

import org.jdbi.v3.core.Handle;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Suspicious activity for operators: many sign-ups from one address, refunds after commission was released. */
final class SuspiciousStore {

    /** Sign-ups from one address within the window. */
    record IpCluster(String ip, long signups, long referrers, long firstAt, long lastAt) {
        Map<String, Object> json() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("ip", ip);
            m.put("signups", signups);
            m.put("referrers", referrers);
            m.put("firstAt", Instant.ofEpochMilli(firstAt).toString());
            m.put("lastAt", Instant.ofEpochMilli(lastAt).toString());
            return m;
        }
    }

    List<IpCluster> signupsByIp(Handle h, long since, int atLeast) {
        return h.createQuery("""
                        SELECT ip, COUNT(*) AS n, COUNT(DISTINCT referrer_id) AS r, MIN(created_at) AS f, MAX(created_at) AS l
                          FROM distribution_signups WHERE ip IS NOT NULL AND created_at >= :since
                         GROUP BY ip HAVING COUNT(*) >= :n ORDER BY n DESC, ip LIMIT 100""")
                .bind("since", since).bind("n", atLeast)
                .map((rs, c) -> new IpCluster(rs.getString("ip"), rs.getLong("n"), rs.getLong("r"), rs.getLong("f"),
                        rs.getLong("l"))).list();
    }
}
