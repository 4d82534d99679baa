package io.kindred.plugins.community;

import org.jdbi.v3.core.Handle;

/** SQL of what the limits count: a member's recent posts, comments and reports, and their check-ins. */
final class ActivityStore {

    /** @return the member's posts written since {@code since} (hidden and deleted ones count too) */
    int postsSince(Handle h, long userId, long since) {
        return h.createQuery("SELECT COUNT(*) FROM community_posts WHERE user_id = :u AND created_at >= :since")
                .bind("u", userId).bind("since", since).mapTo(Integer.class).one();
    }

    /** @return the member's comments written since {@code since} */
    int commentsSince(Handle h, long userId, long since) {
        return h.createQuery("SELECT COUNT(*) FROM community_comments WHERE user_id = :u AND created_at >= :since")
                .bind("u", userId).bind("since", since).mapTo(Integer.class).one();
    }

    /** @return the reports the member filed since {@code since} */
    int reportsSince(Handle h, long userId, long since) {
        return h.createQuery("SELECT COUNT(*) FROM community_reports WHERE reporter_id = :u AND created_at >= :since")
                .bind("u", userId).bind("since", since).mapTo(Integer.class).one();
    }

    /** @return the oldest of the member's posts since {@code since}, which is the next to leave a window */
    long oldestPostSince(Handle h, long userId, long since) {
        return h.createQuery("SELECT COALESCE(MIN(created_at), :since) FROM community_posts WHERE user_id = :u AND created_at >= :since")
                .bind("u", userId).bind("since", since).mapTo(Long.class).one();
    }

    /** @return the oldest of the member's comments since {@code since} */
    long oldestCommentSince(Handle h, long userId, long since) {
        return h.createQuery("SELECT COALESCE(MIN(created_at), :since) FROM community_comments WHERE user_id = :u AND created_at >= :since")
                .bind("u", userId).bind("since", since).mapTo(Long.class).one();
    }

    /** Counts one {@code checkin.recorded} event; the handler's transaction runs it once per event. */
    void countCheckin(Handle h, long userId, long eventId) {
        h.createUpdate("""
                        INSERT INTO community_member_checkins(user_id, checkins, last_event_id) VALUES (:u, 1, :e)
                        ON CONFLICT (user_id) DO UPDATE SET checkins = community_member_checkins.checkins + 1,
                               last_event_id = :e
                        WHERE community_member_checkins.last_event_id < :e""")
                .bind("u", userId).bind("e", eventId).execute();
    }

    /** @return the member's check-ins counted so far */
    long checkins(Handle h, long userId) {
        return h.createQuery("SELECT checkins FROM community_member_checkins WHERE user_id = :u")
                .bind("u", userId).mapTo(Long.class).findOne().orElse(0L);
    }
}
