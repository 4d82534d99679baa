package io.kindred.plugins.community;

import org.jdbi.v3.core.Handle;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/** SQL of the sanctions operators give members. */
final class SanctionStore {

    private static final String COLUMNS = "id, user_id, kind, reason, ends_at, created_by, created_at, lifted_by, lifted_at";

    long insert(Handle h, long userId, Sanction.Kind kind, String reason, Long endsAt, long by, long now) {
        return h.createUpdate("""
                        INSERT INTO community_sanctions(user_id, kind, reason, ends_at, created_by, created_at)
                        VALUES (:user, :kind, :reason, :ends, :by, :now)""")
                .bind("user", userId).bind("kind", kind.code()).bind("reason", reason).bind("ends", endsAt)
                .bind("by", by).bind("now", now)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    /** @return the member's mutes and bans in force at {@code now}, latest first */
    List<Sanction> inForce(Handle h, long userId, long now) {
        return h.createQuery("SELECT " + COLUMNS + """
                         FROM community_sanctions
                        WHERE user_id = :user AND kind <> 'warn' AND lifted_at IS NULL
                          AND (ends_at IS NULL OR ends_at > :now)
                        ORDER BY id DESC""")
                .bind("user", userId).bind("now", now).map((rs, c) -> map(rs)).list();
    }

    /** @return the member's sanctions, latest first */
    List<Sanction> history(Handle h, long userId, int limit) {
        return h.createQuery("SELECT " + COLUMNS + " FROM community_sanctions WHERE user_id = :user ORDER BY id DESC LIMIT :limit")
                .bind("user", userId).bind("limit", limit).map((rs, c) -> map(rs)).list();
    }

    /** @return mutes and bans in force at {@code now} across members, latest first */
    List<Sanction> allInForce(Handle h, long now, int limit) {
        return h.createQuery("SELECT " + COLUMNS + """
                         FROM community_sanctions
                        WHERE kind <> 'warn' AND lifted_at IS NULL AND (ends_at IS NULL OR ends_at > :now)
                        ORDER BY id DESC LIMIT :limit""")
                .bind("now", now).bind("limit", limit).map((rs, c) -> map(rs)).list();
    }

    /** Lifts every mute and ban of the member in force. @return how many */
    int lift(Handle h, long userId, long by, long now) {
        return h.createUpdate("""
                        UPDATE community_sanctions SET lifted_by = :by, lifted_at = :now
                        WHERE user_id = :user AND kind <> 'warn' AND lifted_at IS NULL
                          AND (ends_at IS NULL OR ends_at > :now)""")
                .bind("user", userId).bind("by", by).bind("now", now).execute();
    }

    private static Sanction map(ResultSet rs) throws SQLException {
        long ends = rs.getLong("ends_at");
        Long endsAt = rs.wasNull() ? null : ends;
        long liftedBy = rs.getLong("lifted_by");
        Long by = rs.wasNull() ? null : liftedBy;
        long lifted = rs.getLong("lifted_at");
        Long liftedAt = rs.wasNull() ? null : lifted;
        return new Sanction(rs.getLong("id"), rs.getLong("user_id"), Sanction.Kind.parse(rs.getString("kind")),
                rs.getString("reason"), endsAt, rs.getLong("created_by"), rs.getLong("created_at"), by, liftedAt);
    }
}
