package io.kindred.server.notifications;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.time.Instant;
import java.util.List;

/** The SQL of broadcasts and of the audiences they go to. */
public final class BroadcastStore {

    /** One broadcast as recorded. */
    public record Broadcast(long id, String actor, String title, String body, String link, String label, Long segmentId,
                            String segmentFilters, boolean inSite,
                            boolean email, String state, long recipients, long delivered, long lastUserId,
                            Instant createdAt, Instant finishedAt) {
    }

    private static Broadcast broadcast(java.sql.ResultSet rs) throws java.sql.SQLException {
        long finished = rs.getLong("finished_at");
        boolean unfinished = rs.wasNull();
        return new Broadcast(rs.getLong("id"), rs.getString("actor"), rs.getString("title"), rs.getString("body"),
                rs.getString("link"), rs.getString("label"), rs.getObject("segment_id") == null ? null : rs.getLong("segment_id"),
                rs.getString("segment_filters"), rs.getInt("in_site") == 1, rs.getInt("email") == 1,
                rs.getString("state"), rs.getLong("recipients"), rs.getLong("delivered"), rs.getLong("last_user_id"),
                Instant.ofEpochMilli(rs.getLong("created_at")), unfinished ? null : Instant.ofEpochMilli(finished));
    }

    private final Jdbi jdbi;

    public BroadcastStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** @return how many active members the audience has (all of them when {@code label} is null) */
    public long audienceSize(Handle h, String label) {
        if (label == null) {
            return h.createQuery("SELECT COUNT(*) FROM users WHERE status = 'active'").mapTo(Long.class).one();
        }
        return h.createQuery("""
                        SELECT COUNT(*) FROM user_labels l JOIN users u ON u.id = l.user_id
                         WHERE l.label = :label AND u.status = 'active'""")
                .bind("label", label).mapTo(Long.class).one();
    }

    /** @return the next active members of the audience after {@code afterUserId}, by id */
    public List<Long> audience(Handle h, String label, long afterUserId, int limit) {
        if (label == null) {
            return h.createQuery("SELECT id FROM users WHERE status = 'active' AND id > :after ORDER BY id LIMIT :limit")
                    .bind("after", afterUserId).bind("limit", limit).mapTo(Long.class).list();
        }
        return h.createQuery("""
                        SELECT l.user_id FROM user_labels l JOIN users u ON u.id = l.user_id
                         WHERE l.label = :label AND u.status = 'active' AND l.user_id > :after
                         ORDER BY l.user_id LIMIT :limit""")
                .bind("label", label).bind("after", afterUserId).bind("limit", limit).mapTo(Long.class).list();
    }

    public long insert(Handle h, String actor, String title, String body, String link, String label, Long segmentId,
                       String segmentFilters, boolean inSite, boolean email, long recipients, long now) {
        return h.createUpdate("""
                        INSERT INTO broadcasts(actor, title, body, link, label, segment_id, segment_filters, in_site, email, state,
                                               recipients, delivered, last_user_id, created_at)
                        VALUES (:actor, :title, :body, :link, :label, :segmentId, :segmentFilters, :inSite, :email, 'queued',
                                :recipients, 0, 0, :now)""")
                .bind("actor", actor).bind("title", title).bind("body", body).bind("link", link).bind("label", label)
                .bind("segmentId", segmentId).bind("segmentFilters", segmentFilters)
                .bind("inSite", inSite ? 1 : 0).bind("email", email ? 1 : 0).bind("recipients", recipients)
                .bind("now", now).executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    public List<Broadcast> queued(Handle h) {
        return h.createQuery("SELECT * FROM broadcasts WHERE state = 'queued' ORDER BY id").map((rs, c) -> broadcast(rs)).list();
    }

    public void progressed(Handle h, long id, long lastUserId, int reached, boolean done, long now) {
        h.createUpdate("""
                        UPDATE broadcasts SET last_user_id = :last, delivered = delivered + :reached,
                               state = CASE WHEN :done = 1 THEN 'done' ELSE state END,
                               finished_at = CASE WHEN :done = 1 THEN :now ELSE finished_at END
                         WHERE id = :id""")
                .bind("last", lastUserId).bind("reached", reached).bind("done", done ? 1 : 0).bind("now", now)
                .bind("id", id).execute();
    }

    public List<Broadcast> newestFirst(long beforeId, int limit) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM broadcasts WHERE id < :before ORDER BY id DESC LIMIT :limit")
                .bind("before", beforeId).bind("limit", limit).map((rs, c) -> broadcast(rs)).list());
    }
}
