package io.kindred.plugins.creators.roster;

import org.jdbi.v3.core.Handle;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The SQL of creators, their grants and their history. */
final class CreatorStore {

    private static final String COLUMNS = """
            user_id, category, level, title, status, certified_at, certificate_code, application_id, created_at, updated_at""";

    Optional<Creator> find(Handle h, long userId) {
        return h.createQuery("SELECT " + COLUMNS + " FROM creators WHERE user_id = :u")
                .bind("u", userId).map((rs, c) -> row(rs)).findOne();
    }

    Optional<Creator> byCode(Handle h, String code) {
        return h.createQuery("SELECT " + COLUMNS + " FROM creators WHERE certificate_code = :c")
                .bind("c", code).map((rs, c) -> row(rs)).findOne();
    }

    /** Creates the creator, or brings a suspended/removed one back active with the new category, level and title. */
    void upsert(Handle h, long userId, String category, String level, String title, String code, Long applicationId, long now) {
        h.createUpdate("""
                        INSERT INTO creators(user_id, category, level, title, status, certified_at, certificate_code,
                                             application_id, created_at, updated_at)
                        VALUES (:u, :cat, :level, :title, 'active', :now, :code, :app, :now, :now)
                        ON CONFLICT (user_id) DO UPDATE SET category = :cat, level = :level, title = :title,
                            status = 'active', certified_at = :now, application_id = :app, updated_at = :now""")
                .bind("u", userId).bind("cat", category).bind("level", level).bind("title", title)
                .bind("code", code).bind("app", applicationId).bind("now", now).execute();
    }

    void update(Handle h, long userId, String category, String level, String title, long now) {
        h.createUpdate("UPDATE creators SET category = :cat, level = :level, title = :title, updated_at = :now WHERE user_id = :u")
                .bind("u", userId).bind("cat", category).bind("level", level).bind("title", title).bind("now", now).execute();
    }

    void setStatus(Handle h, long userId, String status, long now) {
        h.createUpdate("UPDATE creators SET status = :s, updated_at = :now WHERE user_id = :u")
                .bind("u", userId).bind("s", status).bind("now", now).execute();
    }

    /** Creators after a user id, filtered by whichever of category, level and status is not null. */
    List<Creator> page(Handle h, String category, String level, String status, long after, int limit) {
        StringBuilder where = new StringBuilder(" WHERE user_id > :after");
        if (category != null) {
            where.append(" AND category = :cat");
        }
        if (level != null) {
            where.append(" AND level = :level");
        }
        if (status != null) {
            where.append(" AND status = :status");
        }
        var q = h.createQuery("SELECT " + COLUMNS + " FROM creators" + where + " ORDER BY user_id LIMIT :limit")
                .bind("after", after).bind("limit", limit);
        if (category != null) {
            q.bind("cat", category);
        }
        if (level != null) {
            q.bind("level", level);
        }
        if (status != null) {
            q.bind("status", status);
        }
        return q.map((rs, c) -> row(rs)).list();
    }

    /** @return true when this grant key and kind are new (the caller then applies the grant) */
    boolean claimGrant(Handle h, String key, String kind, long userId, String detail, long now) {
        return h.createUpdate("""
                        INSERT INTO creator_grants(grant_key, kind, user_id, detail, created_at)
                        VALUES (:key, :kind, :u, :detail, :now) ON CONFLICT (grant_key, kind) DO NOTHING""")
                .bind("key", key).bind("kind", kind).bind("u", userId).bind("detail", detail).bind("now", now).execute() == 1;
    }

    List<Map<String, Object>> grants(Handle h, long userId) {
        return h.createQuery("SELECT grant_key, kind, detail, created_at FROM creator_grants WHERE user_id = :u ORDER BY created_at")
                .bind("u", userId).mapToMap().list();
    }

    boolean hadRights(Handle h, long userId) {
        return h.createQuery("SELECT COUNT(*) FROM creator_grants WHERE user_id = :u AND kind = 'rights'")
                .bind("u", userId).mapTo(Long.class).one() > 0;
    }

    void history(Handle h, long userId, String action, String detail, Long actorId, long now) {
        h.createUpdate("""
                        INSERT INTO creator_history(user_id, action, detail, actor_id, created_at)
                        VALUES (:u, :a, :d, :actor, :now)""")
                .bind("u", userId).bind("a", action).bind("d", detail).bind("actor", actorId).bind("now", now).execute();
    }

    List<Map<String, Object>> historyOf(Handle h, long userId) {
        return h.createQuery("SELECT action, detail, actor_id, created_at FROM creator_history WHERE user_id = :u ORDER BY id DESC LIMIT 100")
                .bind("u", userId).mapToMap().list();
    }

    private static Creator row(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Creator(rs.getLong("user_id"), rs.getString("category"), rs.getString("level"), rs.getString("title"),
                rs.getString("status"), nullable(rs, "certified_at"), rs.getString("certificate_code"),
                nullable(rs, "application_id"), rs.getLong("created_at"), rs.getLong("updated_at"));
    }

    private static Long nullable(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }
}
