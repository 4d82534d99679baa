-- Moderation and trust: members' reports, operators' sanctions, and what standing is counted from.
-- Times are epoch milliseconds (BIGINT, UTC).

-- A member's report of a post or a comment. target_type: post | comment; post_id is the post itself or the
-- comment's post. reason: spam | abuse | illegal | off_topic | other. status: open | resolved.
-- One open report per member and target (the partial unique index); resolving a target closes all of its
-- open reports with the operator's decision (hidden, deleted, dismissed, …).
CREATE TABLE community_reports (
    id ${id},
    target_type TEXT NOT NULL,
    target_id BIGINT NOT NULL,
    post_id BIGINT NOT NULL,
    reporter_id BIGINT NOT NULL,
    reason TEXT NOT NULL,
    note TEXT,
    status TEXT NOT NULL,
    resolution TEXT,
    resolved_by BIGINT,
    resolved_at BIGINT,
    created_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX community_reports_open_once ON community_reports(target_type, target_id, reporter_id) WHERE status = 'open';
CREATE INDEX community_reports_queue ON community_reports(status, target_type, target_id);
CREATE INDEX community_reports_reporter ON community_reports(reporter_id, created_at);

-- What an operator did to a member. kind: warn | mute | ban. A mute ends at ends_at; a ban has no end.
-- A mute or ban stops counting once lifted (lifted_at set) or, for a mute, once ends_at has passed.
CREATE TABLE community_sanctions (
    id ${id},
    user_id BIGINT NOT NULL,
    kind TEXT NOT NULL,
    reason TEXT NOT NULL,
    ends_at BIGINT,
    created_by BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    lifted_by BIGINT,
    lifted_at BIGINT
);
CREATE INDEX community_sanctions_user ON community_sanctions(user_id, id);

-- Check-ins per member, counted from the checkin.recorded events (never from the check-in plugin's tables):
-- one of the ways a new member earns standing.
CREATE TABLE community_member_checkins (
    user_id BIGINT PRIMARY KEY,
    checkins BIGINT NOT NULL,
    last_event_id BIGINT NOT NULL
);

-- The new-member and rate limits count a member's recent posts and comments.
CREATE INDEX community_posts_author_time ON community_posts(user_id, created_at);
CREATE INDEX community_comments_author_time ON community_comments(user_id, created_at);
