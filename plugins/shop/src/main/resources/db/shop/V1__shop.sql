-- Points shop (积分商城): the catalog, redemptions, coupon code pools and badges.
-- Times are epoch milliseconds (BIGINT, UTC). Flags are INTEGER 0/1. Points are BIGINT.

-- The catalog. stock NULL means unlimited; limit_per_member NULL means no limit; min_tier NULL means everyone.
CREATE TABLE shop_items (
    id ${id},
    name TEXT NOT NULL,
    description TEXT NOT NULL,
    category TEXT NOT NULL,
    kind TEXT NOT NULL,              -- physical | coupon | badge
    price_points BIGINT NOT NULL,
    stock BIGINT,
    limit_per_member INTEGER,
    available_from BIGINT,
    available_until BIGINT,
    min_tier INTEGER,
    image_url TEXT,
    active INTEGER NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX shop_items_category ON shop_items(category, id);

-- One redemption (兑换) of an item by a member. request_key is the caller's Idempotency-Key: the UNIQUE
-- constraint turns parallel repeats into one redemption, and a repeat is answered with the first.
CREATE TABLE shop_redemptions (
    id ${id},
    user_id BIGINT NOT NULL,
    item_id BIGINT NOT NULL,
    quantity INTEGER NOT NULL,
    points_spent BIGINT NOT NULL,
    status TEXT NOT NULL,            -- pending | shipped | delivered | completed | cancelled
    shipping_address TEXT,
    carrier TEXT,
    tracking_number TEXT,
    request_key TEXT,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    shipped_at BIGINT,
    delivered_at BIGINT,
    cancelled_at BIGINT,
    UNIQUE (user_id, request_key)
);
CREATE INDEX shop_redemptions_user ON shop_redemptions(user_id, id);
CREATE INDEX shop_redemptions_status ON shop_redemptions(status, id);
CREATE INDEX shop_redemptions_item_user ON shop_redemptions(item_id, user_id);

-- The code pool (卡密) of a coupon item. A code is handed out once: handed_to is set by a guarded UPDATE.
CREATE TABLE shop_coupon_codes (
    id ${id},
    item_id BIGINT NOT NULL,
    code TEXT NOT NULL,
    handed_to BIGINT,
    redemption_id BIGINT,
    handed_at BIGINT,
    created_at BIGINT NOT NULL,
    UNIQUE (item_id, code)
);
CREATE INDEX shop_coupon_codes_free ON shop_coupon_codes(item_id, handed_to, id);
CREATE INDEX shop_coupon_codes_redemption ON shop_coupon_codes(redemption_id);

-- Badges (纪念徽章) members received from badge items, one row per redemption.
CREATE TABLE shop_badges (
    redemption_id BIGINT PRIMARY KEY,
    user_id BIGINT NOT NULL,
    item_id BIGINT NOT NULL,
    granted_at BIGINT NOT NULL
);
CREATE INDEX shop_badges_user ON shop_badges(user_id, item_id);
