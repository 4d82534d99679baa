-- Covering indexes for the segments filters minPosts, minLikesReceived and minComments (ActivityFilters): each
-- groups one status's rows by author without reading the table.
CREATE INDEX community_posts_status_author ON community_posts(status, user_id, like_count);
CREATE INDEX community_comments_status_author ON community_comments(status, user_id);
