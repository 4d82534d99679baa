-- Membership: tiers (等级), each member's current tier, and what each event earned (to take it back on refund).
-- Times are epoch milliseconds (BIGINT, UTC). Multipliers are percent (100 = x1) so that they stay integers.

-- The tier ladder. rank 1 is the lowest; a member is in the highest tier whose threshold their growth reaches.
CREATE TABLE membership_tiers (
    id ${id},
    code TEXT NOT NULL UNIQUE,           -- V1 … V5
    name TEXT NOT NULL,                  -- shown to members; the operator may rename
    tier_rank INTEGER NOT NULL UNIQUE,
    threshold BIGINT NOT NULL,           -- growth needed to reach the tier
    multiplier INTEGER NOT NULL,         -- points for purchases, percent of the base rate
    colour TEXT NOT NULL,
    icon TEXT NOT NULL
);
INSERT INTO membership_tiers(code, name, tier_rank, threshold, multiplier, colour, icon) VALUES
    ('V1', '社区菜鸟', 1, 0, 100, '#9e9e9e', 'sprout'),
    ('V2', '社区新秀', 2, 500, 110, '#4caf50', 'leaf'),
    ('V3', '社区达人', 3, 2000, 120, '#2196f3', 'star'),
    ('V4', '社区精英', 4, 5000, 150, '#9c27b0', 'gem'),
    ('V5', '社区领袖', 5, 10000, 200, '#ff9800', 'crown');

-- A member's tier, kept so that promotion happens once (tier.changed) and a downgrade is a policy decision.
CREATE TABLE membership_members (
    user_id BIGINT PRIMARY KEY,
    tier_rank INTEGER NOT NULL,
    points_debt BIGINT NOT NULL DEFAULT 0, -- points a refund could not take back; offset from future earnings
    updated_at BIGINT NOT NULL
);

-- What one event earned: one row per source (a purchase, a check-in, a post), so that a refund knows what
-- to take back and a repeated delivery earns nothing twice.
CREATE TABLE membership_awards (
    id ${id},
    user_id BIGINT NOT NULL,
    source TEXT NOT NULL,                -- purchase | checkin | post
    source_id TEXT NOT NULL,             -- purchaseId, or the event id
    event_id BIGINT NOT NULL,
    growth BIGINT NOT NULL,
    points BIGINT NOT NULL,              -- points earned (before the debt offset)
    debt_offset BIGINT NOT NULL,         -- of which kept back to pay an earlier debt
    refunded INTEGER NOT NULL DEFAULT 0,
    created_at BIGINT NOT NULL,
    UNIQUE (source, source_id)
);
CREATE INDEX membership_awards_user ON membership_awards(user_id, id);
