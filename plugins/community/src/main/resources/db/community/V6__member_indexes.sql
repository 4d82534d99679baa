-- Issue 21: a member's likes, shares, uploads, votes, wins and bookmarks, newest or oldest first, read along an index
-- instead of the whole table (the member's data export, the bookmarks page).
CREATE INDEX community_post_likes_user ON community_post_likes(user_id, created_at);
CREATE INDEX community_comment_likes_user ON community_comment_likes(user_id, created_at);
CREATE INDEX community_shares_user ON community_shares(user_id, created_at);
CREATE INDEX community_uploads_user ON community_uploads(user_id, created_at);
CREATE INDEX community_contest_votes_user ON community_contest_votes(user_id, created_at);
CREATE INDEX community_contest_winners_user ON community_contest_winners(user_id, created_at);
CREATE INDEX community_bookmarks_user ON community_bookmarks(user_id, created_at);
