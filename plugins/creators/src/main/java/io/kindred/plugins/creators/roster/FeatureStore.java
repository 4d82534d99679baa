package io.kindred.plugins.creators.roster;

import org.jdbi.v3.core.Handle;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The SQL of featured periods (流量倾斜), table {@code creator_features}. */
final class FeatureStore {

    /** @return the new period's id */
    long insert(Handle tx, long userId, Instant from, Instant to, String note, long actorId, long now) {
        return tx.createUpdate("""
                        INSERT INTO creator_features(user_id, starts_at, ends_at, note, created_by, created_at)
                        VALUES (:u, :from, :to, :note, :by, :now)""")
                .bind("u", userId).bind("from", from.toEpochMilli()).bind("to", to.toEpochMilli()).bind("note", note)
                .bind("by", actorId).bind("now", now)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    /** @return active creators with a period running at {@code now}, most recently featured first */
    List<Long> activeAt(Handle h, long now, int limit) {
        return h.createQuery("""
                        SELECT f.user_id FROM creator_features f JOIN creators c ON c.user_id = f.user_id
                        WHERE f.starts_at <= :now AND f.ends_at > :now AND c.status = 'active'
                        GROUP BY f.user_id ORDER BY MAX(f.starts_at) DESC LIMIT :limit""")
                .bind("now", now).bind("limit", limit).mapTo(Long.class).list();
    }

    /** @return the periods of one creator, newest first */
    List<Map<String, Object>> periods(Handle h, long userId) {
        return h.createQuery("SELECT id, starts_at, ends_at, note FROM creator_features WHERE user_id = :u ORDER BY id DESC")
                .bind("u", userId).map((rs, c) -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("id", rs.getLong("id"));
                    m.put("from", Instant.ofEpochMilli(rs.getLong("starts_at")).toString());
                    m.put("to", Instant.ofEpochMilli(rs.getLong("ends_at")).toString());
                    m.put("note", rs.getString("note"));
                    return m;
                }).list();
    }
}
