package io.kindred.server.segments;

import io.kindred.server.users.UserRow;
import io.kindred.server.users.UserStore;
import io.kindred.server.web.Json;
import org.jdbi.v3.core.Handle;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** The SQL of saved segments and of the members a WHERE clause of {@link Filters} keeps. */
public final class SegmentStore {

    /** A saved segment: a name and its filters. */
    public record Segment(long id, String name, Map<String, String> filters, String createdBy, Instant createdAt,
                          Instant updatedAt) {
    }

    private final UserStore users;

    public SegmentStore(UserStore users) {
        this.users = users;
    }

    private static Segment segment(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Segment(rs.getLong("id"), rs.getString("name"), filters(rs.getString("filters")), rs.getString("created_by"),
                Instant.ofEpochMilli(rs.getLong("created_at")), Instant.ofEpochMilli(rs.getLong("updated_at")));
    }

    static Map<String, String> filters(String json) {
        Map<String, String> m = new LinkedHashMap<>();
        Json.readMap(json).forEach((k, v) -> m.put(k, String.valueOf(v)));
        return m;
    }

    public Optional<Segment> byId(Handle h, long id) {
        return h.createQuery("SELECT * FROM segments WHERE id = :id").bind("id", id).map((rs, c) -> segment(rs)).findOne();
    }

    Optional<Long> idByName(Handle h, String name) {
        return h.createQuery("SELECT id FROM segments WHERE name = :n").bind("n", name).mapTo(Long.class).findOne();
    }

    List<Segment> newestFirst(Handle h, long beforeId, int limit) {
        return h.createQuery("SELECT * FROM segments WHERE id < :before ORDER BY id DESC LIMIT :limit")
                .bind("before", beforeId).bind("limit", limit).map((rs, c) -> segment(rs)).list();
    }

    long insert(Handle h, String name, Map<String, String> filters, String actor, long now) {
        return h.createQuery("""
                        INSERT INTO segments(name, filters, created_by, created_at, updated_at)
                        VALUES (:name, :filters, :actor, :now, :now) RETURNING id""")
                .bind("name", name).bind("filters", Json.write(filters)).bind("actor", actor).bind("now", now)
                .mapTo(Long.class).one();
    }

    void update(Handle h, long id, String name, Map<String, String> filters, long now) {
        h.createUpdate("UPDATE segments SET name = :name, filters = :filters, updated_at = :now WHERE id = :id")
                .bind("name", name).bind("filters", Json.write(filters)).bind("now", now).bind("id", id).execute();
    }

    void delete(Handle h, long id) {
        h.createUpdate("DELETE FROM segments WHERE id = :id").bind("id", id).execute();
    }

    long count(Handle h, Where w) {
        return h.createQuery("SELECT COUNT(*) FROM users u WHERE " + w.sql()).bindMap(w.params()).mapTo(Long.class).one();
    }

    List<UserRow> members(Handle h, Where w, long beforeId, int limit) {
        return users.matching(h, w.sql(), w.params(), beforeId, limit);
    }

    /** @return the next active members after {@code afterId}, by id (a broadcast's delivery walks them so) */
    List<Long> activeAfter(Handle h, Where w, long afterId, int limit) {
        return h.createQuery("SELECT u.id FROM users u WHERE u.status = 'active' AND u.id > :after AND " + w.sql()
                        + " ORDER BY u.id LIMIT :limit")
                .bindMap(w.params()).bind("after", afterId).bind("limit", limit).mapTo(Long.class).list();
    }

    long countActive(Handle h, Where w) {
        return h.createQuery("SELECT COUNT(*) FROM users u WHERE u.status = 'active' AND " + w.sql())
                .bindMap(w.params()).mapTo(Long.class).one();
    }

    /** @return the labels of each of the members, in one query */
    Map<Long, Set<String>> labels(Handle h, List<Long> ids) {
        Map<Long, Set<String>> out = new TreeMap<>();
        ids.forEach(id -> out.put(id, new TreeSet<>()));
        if (!ids.isEmpty()) {
            h.createQuery("SELECT user_id, label FROM user_labels WHERE user_id IN (<ids>)").bindList("ids", ids)
                    .map((rs, c) -> Map.entry(rs.getLong(1), rs.getString(2)))
                    .forEach(e -> out.get(e.getKey()).add(e.getValue()));
        }
        return out;
    }
}
