package io.kindred.plugins.community;

import io.kindred.api.PluginContext;
import io.kindred.api.community.CommunityActivity;

import java.time.Instant;

/** A member's posts, likes received and comments over a period, for other plugins (the creators roster). */
final class AuthorActivity implements CommunityActivity {

    private final PluginContext ctx;

    AuthorActivity(PluginContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public long postsBy(long userId, Instant from, Instant to) {
        return count("""
                SELECT COUNT(*) FROM community_posts
                WHERE user_id = :u AND status = 'published' AND created_at >= :from AND created_at < :to""", userId, from, to);
    }

    @Override
    public long likesReceived(long userId, Instant from, Instant to) {
        return count("""
                SELECT COUNT(*) FROM community_post_likes l JOIN community_posts p ON p.id = l.post_id
                WHERE p.user_id = :u AND l.created_at >= :from AND l.created_at < :to""", userId, from, to);
    }

    @Override
    public long commentsBy(long userId, Instant from, Instant to) {
        return count("""
                SELECT COUNT(*) FROM community_comments
                WHERE user_id = :u AND status = 'published' AND created_at >= :from AND created_at < :to""", userId, from, to);
    }

    private long count(String sql, long userId, Instant from, Instant to) {
        return ctx.db().read(h -> h.createQuery(sql).bind("u", userId).bind("from", from.toEpochMilli())
                .bind("to", to.toEpochMilli()).mapTo(Long.class).one());
    }
}
