package io.kindred.plugins.distribution;

import org.jdbi.v3.core.Handle;

import java.util.List;
import java.util.Optional;

/** The SQL of distribution rights: grants by source, applications, and the task counters. */
final class RightsStore {

    private static final org.jdbi.v3.core.mapper.RowMapper<Application> APPLICATION = (rs, c) -> new Application(
            rs.getLong("id"), rs.getLong("user_id"), rs.getString("message"), rs.getString("status"), rs.getString("note"),
            rs.getObject("decided_by") == null ? null : rs.getLong("decided_by"), rs.getLong("created_at"),
            rs.getObject("decided_at") == null ? null : rs.getLong("decided_at"));

    /** A grant of distribution rights by one source. */
    record Grant(long userId, String source, String note, long grantedAt, Long revokedAt) {
    }

    /** An application for distribution rights. */
    record Application(long id, long userId, String message, String status, String note, Long decidedBy,
                       long createdAt, Long decidedAt) {
    }

    /** @return the sources whose grant to the member is in force */
    List<String> activeSources(Handle h, long userId) {
        return h.createQuery("SELECT source FROM distribution_grants WHERE user_id = :u AND revoked_at IS NULL ORDER BY source")
                .bind("u", userId).mapTo(String.class).list();
    }

    /** @return whether the grant is new (or was revoked and is in force again) */
    boolean grant(Handle tx, long userId, String source, String note, long now) {
        return tx.createUpdate("""
                        INSERT INTO distribution_grants(user_id, source, note, granted_at) VALUES (:u, :s, :note, :now)
                        ON CONFLICT (user_id, source) DO UPDATE SET note = :note, granted_at = :now, revoked_at = NULL
                         WHERE distribution_grants.revoked_at IS NOT NULL""")
                .bind("u", userId).bind("s", source).bind("note", note).bind("now", now).execute() == 1;
    }

    /** @return whether a grant in force was revoked */
    boolean revoke(Handle tx, long userId, String source, String note, long now) {
        return tx.createUpdate("""
                        UPDATE distribution_grants SET revoked_at = :now, note = COALESCE(:note, note)
                         WHERE user_id = :u AND source = :s AND revoked_at IS NULL""")
                .bind("u", userId).bind("s", source).bind("note", note).bind("now", now).execute() == 1;
    }

    /** @return grants in force, newest first */
    List<Grant> grants(Handle h, long beforeGrantedAt, int limit) {
        return h.createQuery("""
                        SELECT * FROM distribution_grants WHERE revoked_at IS NULL AND granted_at < :before
                         ORDER BY granted_at DESC, user_id DESC LIMIT :limit""")
                .bind("before", beforeGrantedAt).bind("limit", limit)
                .map((rs, c) -> new Grant(rs.getLong("user_id"), rs.getString("source"), rs.getString("note"),
                        rs.getLong("granted_at"), null)).list();
    }

    long applyFor(Handle tx, long userId, String message, long now) {
        return tx.createQuery("""
                        INSERT INTO distribution_applications(user_id, message, status, created_at)
                        VALUES (:u, :m, 'pending', :now) RETURNING id""")
                .bind("u", userId).bind("m", message).bind("now", now).mapTo(Long.class).one();
    }

    Optional<Application> pendingOf(Handle h, long userId) {
        return h.createQuery("SELECT * FROM distribution_applications WHERE user_id = :u AND status = 'pending'")
                .bind("u", userId).map(APPLICATION).findOne();
    }

    Optional<Application> application(Handle h, long id) {
        return h.createQuery("SELECT * FROM distribution_applications WHERE id = :id")
                .bind("id", id).map(APPLICATION).findOne();
    }

    Optional<Application> latestOf(Handle h, long userId) {
        return h.createQuery("SELECT * FROM distribution_applications WHERE user_id = :u ORDER BY id DESC LIMIT 1")
                .bind("u", userId).map(APPLICATION).findOne();
    }

    List<Application> applications(Handle h, String status, long before, int limit) {
        return h.createQuery("""
                        SELECT * FROM distribution_applications WHERE (:status IS NULL OR status = :status) AND id < :before
                         ORDER BY id DESC LIMIT :limit""")
                .bind("status", status).bind("before", before).bind("limit", limit)
                .map(APPLICATION).list();
    }

    /** @return whether the application was pending and now is decided */
    boolean decide(Handle tx, long id, String status, String note, Long operatorId, long now) {
        return tx.createUpdate("""
                        UPDATE distribution_applications SET status = :status, note = :note, decided_by = :op, decided_at = :now
                         WHERE id = :id AND status = 'pending'""")
                .bind("id", id).bind("status", status).bind("note", note).bind("op", operatorId).bind("now", now)
                .execute() == 1;
    }

    void checkin(Handle tx, long userId, String day) {
        tx.createUpdate("INSERT INTO distribution_checkins(user_id, day) VALUES (:u, :d) ON CONFLICT (user_id, day) DO NOTHING")
                .bind("u", userId).bind("d", day).execute();
    }

    long checkinsSince(Handle h, long userId, String firstDay) {
        return h.createQuery("SELECT COUNT(*) FROM distribution_checkins WHERE user_id = :u AND day >= :d")
                .bind("u", userId).bind("d", firstDay).mapTo(Long.class).one();
    }

    /** @return what the member spent, refunds left out */
    long spent(Handle h, long userId) {
        return h.createQuery("SELECT COALESCE(SUM(amount), 0) FROM distribution_purchases WHERE user_id = :u AND refunded_at IS NULL")
                .bind("u", userId).mapTo(Long.class).one();
    }

}
