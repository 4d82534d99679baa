package io.kindred.plugins.community;

import static io.kindred.api.privacy.MemberRows.rows;
import io.kindred.api.privacy.PersonalData;
import org.jdbi.v3.core.Handle;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The community board's part of a member's export and erasure (docs/plugins/community.md, "Personal data").
 * Erasure deletes what the member wrote in public: their posts and comments stay as rows marked deleted (so that
 * other members' replies, contest results and reports still point somewhere) but lose title, body, pictures, tags,
 * revisions and their place in the search index; likes and bookmarks are deleted and the counters follow; uploads
 * are deleted and their files handed to the core.
 */
final class CommunityPersonalData implements PersonalData {

    private static final String MY_POSTS = "SELECT id FROM community_posts WHERE user_id = :u";

    private static final List<String> ERASE = List.of(
            "DELETE FROM community_post_revisions WHERE post_id IN (" + MY_POSTS + ")",
            "DELETE FROM community_post_tags WHERE post_id IN (" + MY_POSTS + ")",
            "DELETE FROM community_post_images WHERE post_id IN (" + MY_POSTS + ")",
            """
            UPDATE community_posts SET title = '', body = '', body_html = '', excerpt = '', product_url = NULL,
                import_key = NULL, featured_at = NULL, pinned_home = 0, status = 'deleted' WHERE user_id = :u""",
            """
            UPDATE community_posts SET comment_count = comment_count - 1 WHERE id IN (
                SELECT post_id FROM community_comments WHERE user_id = :u AND status = 'published')""",
            "UPDATE community_comments SET body = '', body_html = '', status = 'deleted' WHERE user_id = :u",
            """
            UPDATE community_posts SET like_count = like_count - 1
            WHERE id IN (SELECT post_id FROM community_post_likes WHERE user_id = :u)""",
            "DELETE FROM community_post_likes WHERE user_id = :u",
            """
            UPDATE community_comments SET like_count = like_count - 1
            WHERE id IN (SELECT comment_id FROM community_comment_likes WHERE user_id = :u)""",
            "DELETE FROM community_comment_likes WHERE user_id = :u",
            "DELETE FROM community_bookmarks WHERE user_id = :u",
            "DELETE FROM community_uploads WHERE user_id = :u",
            "DELETE FROM community_member_checkins WHERE user_id = :u",
            "UPDATE community_reports SET note = NULL WHERE reporter_id = :u",
            "UPDATE community_sanctions SET reason = '' WHERE user_id = :u");

    private final SearchIndex search;

    CommunityPersonalData(SearchIndex search) {
        this.search = search;
    }

    @Override
    public String section() {
        return "community";
    }

    @Override
    public Object export(Handle h, long userId) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("posts", rows(h, userId, """
                SELECT p.id AS "id", c.slug AS "category", p.title AS "title", p.body AS "body",
                       p.product_url AS "productUrl", p.status AS "status", p.like_count AS "likes",
                       p.comment_count AS "comments", p.share_count AS "shares", p.created_at AS "createdAt",
                       p.edited_at AS "editedAt"
                FROM community_posts p JOIN community_categories c ON c.id = p.category_id
                WHERE p.user_id = :u ORDER BY p.id"""));
        m.put("postTags", rows(h, userId, """
                SELECT post_id AS "postId", tag AS "tag" FROM community_post_tags
                WHERE post_id IN (%s) ORDER BY post_id, tag""".formatted(MY_POSTS)));
        m.put("postPictures", rows(h, userId, """
                SELECT post_id AS "postId", position AS "position", url AS "url", name AS "name"
                FROM community_post_images WHERE post_id IN (%s) ORDER BY post_id, position""".formatted(MY_POSTS)));
        m.put("postRevisions", rows(h, userId, """
                SELECT post_id AS "postId", title AS "title", body AS "body", created_at AS "createdAt"
                FROM community_post_revisions WHERE post_id IN (%s) ORDER BY id""".formatted(MY_POSTS)));
        m.put("comments", rows(h, userId, """
                SELECT id AS "id", post_id AS "postId", parent_id AS "replyTo", body AS "body", status AS "status",
                       like_count AS "likes", created_at AS "createdAt"
                FROM community_comments WHERE user_id = :u ORDER BY id"""));
        m.putAll(interactions(h, userId));
        m.putAll(moderation(h, userId));
        return m;
    }

    private static Map<String, Object> interactions(Handle h, long userId) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("likedPosts", rows(h, userId, """
                SELECT post_id AS "postId", created_at AS "likedAt" FROM community_post_likes WHERE user_id = :u
                ORDER BY created_at"""));
        m.put("likedComments", rows(h, userId, """
                SELECT comment_id AS "commentId", created_at AS "likedAt" FROM community_comment_likes
                WHERE user_id = :u ORDER BY created_at"""));
        m.put("bookmarks", rows(h, userId, """
                SELECT post_id AS "postId", created_at AS "createdAt" FROM community_bookmarks WHERE user_id = :u
                ORDER BY created_at"""));
        m.put("shares", rows(h, userId, """
                SELECT post_id AS "postId", created_at AS "sharedAt" FROM community_shares WHERE user_id = :u
                ORDER BY created_at"""));
        m.put("uploads", rows(h, userId, """
                SELECT url AS "url", name AS "name", created_at AS "createdAt" FROM community_uploads
                WHERE user_id = :u ORDER BY created_at"""));
        m.put("contestVotes", rows(h, userId, """
                SELECT contest_id AS "contestId", post_id AS "postId", created_at AS "votedAt"
                FROM community_contest_votes WHERE user_id = :u ORDER BY created_at"""));
        m.put("contestWins", rows(h, userId, """
                SELECT contest_id AS "contestId", place AS "place", post_id AS "postId", points AS "points",
                       votes AS "votes", created_at AS "createdAt"
                FROM community_contest_winners WHERE user_id = :u ORDER BY created_at"""));
        return m;
    }

    private static Map<String, Object> moderation(Handle h, long userId) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("reportsMade", rows(h, userId, """
                SELECT target_type AS "targetType", target_id AS "targetId", reason AS "reason", note AS "note",
                       status AS "status", resolution AS "resolution", created_at AS "createdAt",
                       resolved_at AS "resolvedAt"
                FROM community_reports WHERE reporter_id = :u ORDER BY id"""));
        m.put("sanctions", rows(h, userId, """
                SELECT kind AS "kind", reason AS "reason", ends_at AS "endsAt", created_at AS "createdAt",
                       lifted_at AS "liftedAt"
                FROM community_sanctions WHERE user_id = :u ORDER BY id"""));
        return m;
    }

    @Override
    public List<String> files(Handle h, long userId) {
        return List.copyOf(pictures(h, userId, false));
    }

    @Override
    public Erased erase(Handle tx, long userId) {
        Set<String> files = pictures(tx, userId, true);
        search.purge(tx, tx.createQuery(MY_POSTS).bind("u", userId).mapTo(Long.class).list());
        for (String sql : ERASE) {
            tx.createUpdate(sql).bind("u", userId).execute();
        }
        return Erased.files(List.copyOf(files));
    }

    /** @return the member's uploads and the pictures of their posts, with their thumbnails when asked */
    private static Set<String> pictures(Handle h, long userId, boolean thumbnails) {
        Set<String> files = new LinkedHashSet<>();
        String thumb = thumbnails ? ", thumb_url" : "";
        for (String sql : List.of("SELECT url" + thumb + " FROM community_uploads WHERE user_id = :u",
                "SELECT url" + thumb + " FROM community_post_images WHERE post_id IN (" + MY_POSTS + ")")) {
            h.createQuery(sql).bind("u", userId).map((rs, c) -> {
                files.add(rs.getString(1));
                if (thumbnails) {
                    files.add(rs.getString(2));
                }
                return 0;
            }).list();
        }
        files.removeIf(f -> f == null || !f.startsWith("/uploads/"));
        return files;
    }


}
