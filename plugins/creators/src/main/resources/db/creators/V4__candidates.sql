-- Candidates (达人候选): who was invited to apply to which campaign, once per member and campaign.
CREATE TABLE creator_invitations (
    campaign_id BIGINT NOT NULL,
    user_id BIGINT NOT NULL,
    invited_by BIGINT NOT NULL,
    invited_at BIGINT NOT NULL,
    PRIMARY KEY (campaign_id, user_id)
);
CREATE INDEX creator_invitations_user ON creator_invitations(user_id, campaign_id);
