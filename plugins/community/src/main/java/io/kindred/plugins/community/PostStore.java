package io.kindred.plugins.community;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Query;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * SQL of posts, their pictures, tags, revisions, likes, bookmarks and shares. Every change of what a list shows
 * moves {@link #version()}, so that caches of lists know they are out of date.
 */
final class PostStore {

    private final java.util.concurrent.atomic.AtomicLong version = new java.util.concurrent.atomic.AtomicLong();

    /** @return a number that changes whenever a post, its counts or its place in a list changed on this node */
    long version() {
        return version.get();
    }

    /** What a new post is made of. */
    record NewPost(long userId, long categoryId, String title, String body, String bodyHtml, String productUrl,
                   boolean official, long createdAt, String importKey) {
    }

    private static final String COLUMNS = """
            p.id, p.user_id, p.category_id, p.title, p.body, p.body_html, p.excerpt, p.product_url, p.official, p.status,
            p.like_count, p.comment_count, p.share_count, p.hot_score, p.featured_at, p.pinned_home,
            p.created_at, p.updated_at, p.edited_at""";

    long insert(Handle h, NewPost p) {
        version.incrementAndGet();
        return h.createUpdate("""
                        INSERT INTO community_posts(user_id, category_id, title, body, body_html, excerpt, product_url, official,
                               status, like_count, comment_count, share_count, hot_score, pinned_home, import_key,
                               created_at, updated_at)
                        VALUES (:user, :category, :title, :body, :html, :excerpt, :product, :official, 'published', 0, 0, 0, :hot, 0,
                                :importKey, :at, :at)""")
                .bind("user", p.userId()).bind("category", p.categoryId()).bind("title", p.title())
                .bind("body", p.body()).bind("html", p.bodyHtml()).bind("excerpt", Post.excerptOf(p.body()))
                .bind("product", p.productUrl())
                .bind("official", p.official() ? 1 : 0).bind("hot", Ranking.hot(0, 0, 0, p.createdAt()))
                .bind("importKey", p.importKey()).bind("at", p.createdAt())
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    Optional<Long> findByImportKey(Handle h, String key) {
        return h.createQuery("SELECT id FROM community_posts WHERE import_key = :k").bind("k", key)
                .mapTo(Long.class).findOne();
    }

    Optional<Post> find(Handle h, long id) {
        Optional<Post> post = h.createQuery("SELECT " + COLUMNS + " FROM community_posts p WHERE p.id = :id")
                .bind("id", id).map((rs, c) -> map(rs)).findOne();
        return post.map(p -> withDetails(h, List.of(p)).get(0));
    }

    /** @return the posts of a list, pictures and tags included */
    List<Post> list(Handle h, Listing l, long cursor, int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM community_posts p");
        if (l.tag() != null) {
            sql.append(" JOIN community_post_tags t ON t.post_id = p.id AND t.tag = :tag");
        }
        sql.append(" WHERE p.status = 'published'");
        if (!l.categoryIds().isEmpty()) {
            sql.append(" AND p.category_id IN (<categories>)");
        }
        if (l.authorId() != null) {
            sql.append(" AND p.user_id = :author");
        }
        switch (l.sort()) {
            case LATEST -> sql.append(cursor > 0 ? " AND p.id < :cursor" : "").append(" ORDER BY p.id DESC LIMIT :limit");
            case HOT -> sql.append(" ORDER BY p.hot_score DESC, p.id DESC LIMIT :limit OFFSET :offset");
            case FEATURED -> sql.append(" AND p.featured_at IS NOT NULL ORDER BY p.pinned_home DESC, p.featured_at DESC,"
                    + " p.id DESC LIMIT :limit OFFSET :offset");
        }
        Query q = h.createQuery(sql.toString()).bind("limit", limit);
        if (l.tag() != null) {
            q.bind("tag", l.tag());
        }
        if (!l.categoryIds().isEmpty()) {
            q.bindList("categories", l.categoryIds());
        }
        if (l.authorId() != null) {
            q.bind("author", l.authorId());
        }
        if (l.sort() == Listing.Sort.LATEST) {
            q.bind("cursor", cursor);
        } else {
            q.bind("offset", cursor);
        }
        return withDetails(h, q.map((rs, c) -> map(rs)).list());
    }

    /** @return the featured posts the operators pinned to the home page, latest pick first */
    List<Post> pinnedHome(Handle h, int limit) {
        return withDetails(h, h.createQuery("SELECT " + COLUMNS + """
                         FROM community_posts p
                        WHERE p.status = 'published' AND p.pinned_home = 1
                        ORDER BY p.featured_at DESC LIMIT :limit""").bind("limit", limit).map((rs, c) -> map(rs)).list());
    }

    /** @return published posts by id, in the order of {@code ids} */
    List<Post> published(Handle h, List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, Post> byId = new HashMap<>();
        h.createQuery("SELECT " + COLUMNS + " FROM community_posts p WHERE p.status = 'published' AND p.id IN (<ids>)")
                .bindList("ids", ids).map((rs, c) -> map(rs)).forEach(p -> byId.put(p.id(), p));
        return withDetails(h, ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList());
    }

    void update(Handle h, long id, String title, String body, String html, String productUrl, Long categoryId, long now) {
        version.incrementAndGet();
        h.createUpdate("""
                        UPDATE community_posts SET title = :title, body = :body, body_html = :html, excerpt = :excerpt, product_url = :product,
                               category_id = :category, updated_at = :now, edited_at = :now
                        WHERE id = :id""")
                .bind("id", id).bind("title", title).bind("body", body).bind("html", html).bind("excerpt", Post.excerptOf(body))
                .bind("product", productUrl)
                .bind("category", categoryId).bind("now", now).execute();
    }

    void insertRevision(Handle h, long postId, String title, String body, long editedBy, long now) {
        h.createUpdate("""
                        INSERT INTO community_post_revisions(post_id, title, body, edited_by, created_at)
                        VALUES (:post, :title, :body, :by, :now)""")
                .bind("post", postId).bind("title", title).bind("body", body).bind("by", editedBy).bind("now", now).execute();
    }

    /** A former version of a post. */
    record Revision(long id, String title, String body, long editedBy, long createdAt) {
    }

    List<Revision> revisions(Handle h, long postId) {
        return h.createQuery("""
                        SELECT id, title, body, edited_by, created_at FROM community_post_revisions
                        WHERE post_id = :post ORDER BY id DESC""")
                .bind("post", postId)
                .map((rs, c) -> new Revision(rs.getLong("id"), rs.getString("title"), rs.getString("body"),
                        rs.getLong("edited_by"), rs.getLong("created_at"))).list();
    }

    /** @return whether the status changed (false when it already was {@code to}) */
    boolean setStatus(Handle h, long id, Post.Status to, long now) {
        version.incrementAndGet();
        return h.createUpdate("UPDATE community_posts SET status = :to, updated_at = :now WHERE id = :id AND status <> :to")
                .bind("id", id).bind("to", to.code()).bind("now", now).execute() == 1;
    }

    void setFeatured(Handle h, long id, Long featuredAt, boolean pinnedHome) {
        version.incrementAndGet();
        h.createUpdate("UPDATE community_posts SET featured_at = :at, pinned_home = :pin WHERE id = :id")
                .bind("id", id).bind("at", featuredAt).bind("pin", pinnedHome ? 1 : 0).execute();
    }

    void setImages(Handle h, long postId, List<Post.Image> images) {
        version.incrementAndGet();
        h.createUpdate("DELETE FROM community_post_images WHERE post_id = :post").bind("post", postId).execute();
        for (int i = 0; i < images.size(); i++) {
            Post.Image img = images.get(i);
            h.createUpdate("""
                            INSERT INTO community_post_images(post_id, position, url, thumb_url, name)
                            VALUES (:post, :pos, :url, :thumb, :name)""")
                    .bind("post", postId).bind("pos", i).bind("url", img.url()).bind("thumb", img.thumbUrl())
                    .bind("name", img.name()).execute();
        }
    }

    void setTags(Handle h, long postId, List<String> tags) {
        h.createUpdate("DELETE FROM community_post_tags WHERE post_id = :post").bind("post", postId).execute();
        for (String tag : tags) {
            h.createUpdate("INSERT INTO community_post_tags(post_id, tag) VALUES (:post, :tag)")
                    .bind("post", postId).bind("tag", tag).execute();
        }
    }

    void insertUpload(Handle h, Post.Image image, long userId, long now) {
        h.createUpdate("""
                        INSERT INTO community_uploads(url, user_id, thumb_url, name, created_at)
                        VALUES (:url, :user, :thumb, :name, :now)""")
                .bind("url", image.url()).bind("user", userId).bind("thumb", image.thumbUrl()).bind("name", image.name())
                .bind("now", now).execute();
    }

    Optional<Post.Image> upload(Handle h, String url, long userId) {
        return h.createQuery("SELECT url, thumb_url, name FROM community_uploads WHERE url = :url AND user_id = :user")
                .bind("url", url).bind("user", userId)
                .map((rs, c) -> new Post.Image(rs.getString("url"), rs.getString("thumb_url"), rs.getString("name")))
                .findOne();
    }

    // --- likes, bookmarks, shares: a primary key per member makes repeats and races no-ops ---

    /** @return true when this like is new (and counted) */
    boolean like(Handle h, long postId, long userId, long now) {
        int added = h.createUpdate("""
                        INSERT INTO community_post_likes(post_id, user_id, created_at) VALUES (:post, :user, :now)
                        ON CONFLICT DO NOTHING""")
                .bind("post", postId).bind("user", userId).bind("now", now).execute();
        if (added == 1) {
            bump(h, postId, "like_count", 1);
        }
        return added == 1;
    }

    /** @return true when a like was taken back */
    boolean unlike(Handle h, long postId, long userId) {
        int removed = h.createUpdate("DELETE FROM community_post_likes WHERE post_id = :post AND user_id = :user")
                .bind("post", postId).bind("user", userId).execute();
        if (removed == 1) {
            bump(h, postId, "like_count", -1);
        }
        return removed == 1;
    }

    boolean share(Handle h, long postId, long userId, long now) {
        int added = h.createUpdate("""
                        INSERT INTO community_shares(post_id, user_id, created_at) VALUES (:post, :user, :now)
                        ON CONFLICT DO NOTHING""")
                .bind("post", postId).bind("user", userId).bind("now", now).execute();
        if (added == 1) {
            bump(h, postId, "share_count", 1);
        }
        return added == 1;
    }

    boolean bookmark(Handle h, long postId, long userId, long now) {
        return h.createUpdate("""
                        INSERT INTO community_bookmarks(user_id, post_id, created_at) VALUES (:user, :post, :now)
                        ON CONFLICT DO NOTHING""")
                .bind("post", postId).bind("user", userId).bind("now", now).execute() == 1;
    }

    boolean unbookmark(Handle h, long postId, long userId) {
        return h.createUpdate("DELETE FROM community_bookmarks WHERE user_id = :user AND post_id = :post")
                .bind("post", postId).bind("user", userId).execute() == 1;
    }

    /** @return the member's bookmarked posts that are still published, latest bookmark first */
    List<Long> bookmarks(Handle h, long userId, int limit) {
        return h.createQuery("""
                        SELECT b.post_id FROM community_bookmarks b JOIN community_posts p ON p.id = b.post_id
                        WHERE b.user_id = :user AND p.status = 'published' ORDER BY b.created_at DESC LIMIT :limit""")
                .bind("user", userId).bind("limit", limit).mapTo(Long.class).list();
    }

    /** @return which of {@code postIds} the member liked, and which they bookmarked */
    Map<String, List<Long>> marks(Handle h, long userId, Collection<Long> postIds) {
        Map<String, List<Long>> marks = new LinkedHashMap<>();
        if (postIds.isEmpty()) {
            marks.put("liked", List.of());
            marks.put("bookmarked", List.of());
            return marks;
        }
        marks.put("liked", h.createQuery("SELECT post_id FROM community_post_likes WHERE user_id = :u AND post_id IN (<ids>)")
                .bind("u", userId).bindList("ids", List.copyOf(postIds)).mapTo(Long.class).list());
        marks.put("bookmarked", h.createQuery("SELECT post_id FROM community_bookmarks WHERE user_id = :u AND post_id IN (<ids>)")
                .bind("u", userId).bindList("ids", List.copyOf(postIds)).mapTo(Long.class).list());
        return marks;
    }

    /** Adds {@code delta} to a counter and recomputes the hot score, in the caller's transaction. */
    void bump(Handle h, long postId, String counter, int delta) {
        version.incrementAndGet();
        h.createUpdate("UPDATE community_posts SET " + counter + " = " + counter + " + :d WHERE id = :id")
                .bind("d", delta).bind("id", postId).execute();
        h.createQuery("SELECT like_count, comment_count, share_count, created_at FROM community_posts WHERE id = :id")
                .bind("id", postId)
                .map((rs, c) -> Ranking.hot(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)))
                .findOne()
                .ifPresent(hot -> h.createUpdate("UPDATE community_posts SET hot_score = :hot WHERE id = :id")
                        .bind("hot", hot).bind("id", postId).execute());
    }

    private List<Post> withDetails(Handle h, List<Post> posts) {
        if (posts.isEmpty()) {
            return posts;
        }
        List<Long> ids = posts.stream().map(Post::id).toList();
        Map<Long, List<Post.Image>> images = new HashMap<>();
        h.createQuery("""
                        SELECT post_id, url, thumb_url, name FROM community_post_images
                        WHERE post_id IN (<ids>) ORDER BY post_id, position""")
                .bindList("ids", ids)
                .map((rs, c) -> Map.entry(rs.getLong(1), new Post.Image(rs.getString(2), rs.getString(3), rs.getString(4))))
                .forEach(e -> images.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        Map<Long, List<String>> tags = new HashMap<>();
        h.createQuery("SELECT post_id, tag FROM community_post_tags WHERE post_id IN (<ids>) ORDER BY post_id, tag")
                .bindList("ids", ids)
                .map((rs, c) -> Map.entry(rs.getLong(1), rs.getString(2)))
                .forEach(e -> tags.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return posts.stream().map(p -> p.with(images.getOrDefault(p.id(), List.of()), tags.getOrDefault(p.id(), List.of())))
                .toList();
    }

    private static Post map(ResultSet rs) throws SQLException {
        long featured = rs.getLong("featured_at");
        Long featuredAt = rs.wasNull() ? null : featured;
        long edited = rs.getLong("edited_at");
        Long editedAt = rs.wasNull() ? null : edited;
        return new Post(rs.getLong("id"), rs.getLong("user_id"), rs.getLong("category_id"), rs.getString("title"),
                rs.getString("body"), rs.getString("body_html"), rs.getString("excerpt"), rs.getString("product_url"), rs.getInt("official") == 1,
                Post.Status.parse(rs.getString("status")), rs.getLong("like_count"), rs.getLong("comment_count"),
                rs.getLong("share_count"), rs.getDouble("hot_score"), featuredAt, rs.getInt("pinned_home") == 1,
                rs.getLong("created_at"), rs.getLong("updated_at"), editedAt, List.of(), List.of());
    }
}
