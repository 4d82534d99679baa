package io.kindred.plugins.community;

import org.jdbi.v3.core.Handle;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** SQL of comments and their likes. */
final class CommentStore {

    private static final String COLUMNS = "id, post_id, parent_id, user_id, body, body_html, like_count, status, created_at";

    long insert(Handle h, long postId, Long parentId, long userId, String body, String html, long now) {
        return h.createUpdate("""
                        INSERT INTO community_comments(post_id, parent_id, user_id, body, body_html, like_count, status, created_at)
                        VALUES (:post, :parent, :user, :body, :html, 0, 'published', :now)""")
                .bind("post", postId).bind("parent", parentId).bind("user", userId).bind("body", body)
                .bind("html", html).bind("now", now)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    Optional<Comment> find(Handle h, long id) {
        return h.createQuery("SELECT " + COLUMNS + " FROM community_comments WHERE id = :id").bind("id", id)
                .map((rs, c) -> map(rs)).findOne();
    }

    /** @return the published comments of a post, oldest first, after the cursor */
    List<Comment> ofPost(Handle h, long postId, long after, int limit) {
        return h.createQuery("SELECT " + COLUMNS + """
                         FROM community_comments
                        WHERE post_id = :post AND status = 'published' AND id > :after ORDER BY id LIMIT :limit""")
                .bind("post", postId).bind("after", after).bind("limit", limit).map((rs, c) -> map(rs)).list();
    }

    boolean setStatus(Handle h, long id, Post.Status to) {
        return h.createUpdate("UPDATE community_comments SET status = :to WHERE id = :id AND status <> :to")
                .bind("id", id).bind("to", to.code()).execute() == 1;
    }

    boolean like(Handle h, long commentId, long userId, long now) {
        int added = h.createUpdate("""
                        INSERT INTO community_comment_likes(comment_id, user_id, created_at) VALUES (:c, :u, :now)
                        ON CONFLICT DO NOTHING""")
                .bind("c", commentId).bind("u", userId).bind("now", now).execute();
        if (added == 1) {
            h.createUpdate("UPDATE community_comments SET like_count = like_count + 1 WHERE id = :c").bind("c", commentId).execute();
        }
        return added == 1;
    }

    boolean unlike(Handle h, long commentId, long userId) {
        int removed = h.createUpdate("DELETE FROM community_comment_likes WHERE comment_id = :c AND user_id = :u")
                .bind("c", commentId).bind("u", userId).execute();
        if (removed == 1) {
            h.createUpdate("UPDATE community_comments SET like_count = like_count - 1 WHERE id = :c").bind("c", commentId).execute();
        }
        return removed == 1;
    }

    private static Comment map(ResultSet rs) throws SQLException {
        long parent = rs.getLong("parent_id");
        Long parentId = rs.wasNull() ? null : parent;
        return new Comment(rs.getLong("id"), rs.getLong("post_id"), parentId, rs.getLong("user_id"), rs.getString("body"),
                rs.getString("body_html"), rs.getLong("like_count"), Post.Status.parse(rs.getString("status")),
                rs.getLong("created_at"));
    }
}
