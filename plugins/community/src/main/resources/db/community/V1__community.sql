-- Community board (社区): categories, posts, images, tags, revisions, comments, likes, bookmarks, shares.
-- Times are epoch milliseconds (BIGINT, UTC). Flags are INTEGER 0/1.

-- A tree of two levels (parent_id NULL = top level). post_access: everyone | tier | creators | operators;
-- min_tier is the tier rank needed when post_access = 'tier'.
CREATE TABLE community_categories (
    id ${id},
    parent_id BIGINT,
    slug TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    name_zh TEXT,
    description TEXT NOT NULL,
    icon TEXT NOT NULL,
    position INTEGER NOT NULL,
    post_access TEXT NOT NULL,
    min_tier INTEGER NOT NULL,
    archived INTEGER NOT NULL,
    created_at BIGINT NOT NULL
);

-- status: published | hidden (by a moderator) | deleted (soft, by the author or an operator).
-- hot_score is the documented time-decay score (see Ranking); it only grows with interactions, so it is
-- stored and indexed rather than computed per request. import_key makes an import of official content
-- idempotent.
CREATE TABLE community_posts (
    id ${id},
    user_id BIGINT NOT NULL,
    category_id BIGINT NOT NULL,
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    body_html TEXT NOT NULL,
    excerpt TEXT NOT NULL,
    product_url TEXT,
    official INTEGER NOT NULL,
    status TEXT NOT NULL,
    like_count BIGINT NOT NULL,
    comment_count BIGINT NOT NULL,
    share_count BIGINT NOT NULL,
    hot_score DOUBLE PRECISION NOT NULL,
    featured_at BIGINT,
    pinned_home INTEGER NOT NULL,
    import_key TEXT UNIQUE,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    edited_at BIGINT
);
CREATE INDEX community_posts_latest ON community_posts(status, id);
CREATE INDEX community_posts_category ON community_posts(category_id, status, id);
CREATE INDEX community_posts_hot ON community_posts(status, hot_score);
CREATE INDEX community_posts_category_hot ON community_posts(category_id, status, hot_score);
CREATE INDEX community_posts_featured ON community_posts(status, featured_at);
CREATE INDEX community_posts_author ON community_posts(user_id, id);
CREATE INDEX community_posts_created ON community_posts(created_at);

-- Up to 9 pictures per post, in order.
CREATE TABLE community_post_images (
    post_id BIGINT NOT NULL,
    position INTEGER NOT NULL,
    url TEXT NOT NULL,
    thumb_url TEXT NOT NULL,
    name TEXT NOT NULL,
    PRIMARY KEY (post_id, position)
);

CREATE TABLE community_post_tags (
    post_id BIGINT NOT NULL,
    tag TEXT NOT NULL,
    PRIMARY KEY (post_id, tag)
);
CREATE INDEX community_post_tags_tag ON community_post_tags(tag, post_id);

-- Every edit keeps the text it replaced.
CREATE TABLE community_post_revisions (
    id ${id},
    post_id BIGINT NOT NULL,
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    edited_by BIGINT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX community_post_revisions_post ON community_post_revisions(post_id, id);

-- parent_id NULL = a comment on the post; otherwise a reply to that comment (one level only).
CREATE TABLE community_comments (
    id ${id},
    post_id BIGINT NOT NULL,
    parent_id BIGINT,
    user_id BIGINT NOT NULL,
    body TEXT NOT NULL,
    body_html TEXT NOT NULL,
    like_count BIGINT NOT NULL,
    status TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX community_comments_post ON community_comments(post_id, id);
CREATE INDEX community_comments_author ON community_comments(user_id, id);
CREATE INDEX community_comments_created ON community_comments(created_at);

-- One like per member and post/comment: the primary key makes a repeat (or a race) a no-op.
CREATE TABLE community_post_likes (
    post_id BIGINT NOT NULL,
    user_id BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (post_id, user_id)
);
CREATE TABLE community_comment_likes (
    comment_id BIGINT NOT NULL,
    user_id BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (comment_id, user_id)
);
CREATE TABLE community_bookmarks (
    user_id BIGINT NOT NULL,
    post_id BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (user_id, post_id)
);
CREATE INDEX community_bookmarks_post ON community_bookmarks(post_id);

-- One row per share: the share counts once per member and post towards the hot score.
CREATE TABLE community_shares (
    post_id BIGINT NOT NULL,
    user_id BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (post_id, user_id)
);

-- Pictures a member uploaded for a post (before the post exists): a post may only use its author's uploads.
CREATE TABLE community_uploads (
    url TEXT PRIMARY KEY,
    user_id BIGINT NOT NULL,
    thumb_url TEXT NOT NULL,
    name TEXT NOT NULL,
    created_at BIGINT NOT NULL
);

-- The three categories a brand starts with.
INSERT INTO community_categories(parent_id, slug, name, name_zh, description, icon, position, post_access, min_tier, archived, created_at)
VALUES (NULL, 'recommendations', 'Recommendations', '种草推荐', 'Products you love, from experience.', '🌱', 1, 'everyone', 0, 0, 0);
INSERT INTO community_categories(parent_id, slug, name, name_zh, description, icon, position, post_access, min_tier, archived, created_at)
VALUES (NULL, 'best-sellers', 'Best sellers', '爆款精选', 'The brand''s best sellers, picked by the team.', '🔥', 2, 'operators', 0, 0, 0);
INSERT INTO community_categories(parent_id, slug, name, name_zh, description, icon, position, post_access, min_tier, archived, created_at)
VALUES (NULL, 'share-to-earn', 'Share to earn', '分享赚钱', 'Share what you like and earn when friends buy.', '💰', 3, 'everyone', 0, 0, 0);
