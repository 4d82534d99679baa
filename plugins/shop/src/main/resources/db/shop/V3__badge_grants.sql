-- Badges handed out by other plugins through BadgeService.grant (e.g. a community contest's prize), not redeemed:
-- grant_key is the granting plugin's idempotency key, so a retried prize grants the badge once.
CREATE TABLE shop_badge_grants (
    grant_key TEXT PRIMARY KEY,
    user_id BIGINT NOT NULL,
    item_id BIGINT NOT NULL,
    granted_at BIGINT NOT NULL
);
CREATE INDEX shop_badge_grants_user ON shop_badge_grants(user_id, item_id);
