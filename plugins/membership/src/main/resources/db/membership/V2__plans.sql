-- Paid plans (付费会员 / 会员卡): the catalog, who holds which plan until when, every activation (for
-- idempotency and history), and activation codes (激活码 / 卡密) in batches.

CREATE TABLE membership_plans (
    id ${id},
    code TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    months INTEGER NOT NULL,             -- duration; 0 = lifetime
    trial_days INTEGER NOT NULL,         -- a free trial of N days (0 = none)
    price BIGINT NOT NULL,               -- minor units
    currency TEXT NOT NULL,
    sku TEXT UNIQUE,                     -- the brand shop's sku that sells it, or NULL
    benefits TEXT NOT NULL,              -- benefit codes, comma-separated
    active INTEGER NOT NULL,             -- 0 = no longer sold (holders keep it until it ends)
    sort INTEGER NOT NULL
);
INSERT INTO membership_plans(code, name, months, trial_days, price, currency, sku, benefits, active, sort) VALUES
    ('monthly', '普通月卡', 1, 0, 1900, 'CNY', 'CARD-MONTHLY', 'points.multiplier,checkin.bonus,monthly.bonus', 1, 1),
    ('quarterly', '普通季卡', 3, 0, 4900, 'CNY', 'CARD-QUARTERLY', 'points.multiplier,checkin.bonus,monthly.bonus', 1, 2),
    ('annual', '普通年卡', 12, 0, 19900, 'CNY', 'CARD-ANNUAL', 'points.multiplier,checkin.bonus,monthly.bonus,birthday.bonus', 1, 3),
    ('monthly_plus', '高级月卡', 1, 0, 2900, 'CNY', 'CARD-MONTHLY-PLUS', 'points.multiplier,checkin.bonus,monthly.bonus,distribution.rights', 1, 4),
    ('quarterly_plus', '高级季卡', 3, 0, 7900, 'CNY', 'CARD-QUARTERLY-PLUS', 'points.multiplier,checkin.bonus,monthly.bonus,distribution.rights', 1, 5),
    ('annual_plus', '高级年卡', 12, 0, 29900, 'CNY', 'CARD-ANNUAL-PLUS', 'points.multiplier,checkin.bonus,monthly.bonus,birthday.bonus,distribution.rights,shop.exclusive', 1, 6);

-- One row per member and plan: buying again extends ends_at; the daily job marks lapsed rows expired.
CREATE TABLE membership_holdings (
    id ${id},
    user_id BIGINT NOT NULL,
    plan_code TEXT NOT NULL,
    starts_at BIGINT NOT NULL,
    ends_at BIGINT,                      -- NULL = lifetime
    status TEXT NOT NULL,                -- active | expired | revoked
    updated_at BIGINT NOT NULL,
    UNIQUE (user_id, plan_code)
);
CREATE INDEX membership_holdings_ends ON membership_holdings(status, ends_at);

-- Every activation: source_key (purchase:<id>, code:<code>, grant:<id>) is unique, so a repeated delivery
-- or request activates once.
CREATE TABLE membership_activations (
    id ${id},
    user_id BIGINT NOT NULL,
    plan_code TEXT NOT NULL,
    source_key TEXT NOT NULL UNIQUE,
    ends_at BIGINT,
    created_at BIGINT NOT NULL
);

CREATE TABLE membership_code_batches (
    id ${id},
    plan_code TEXT NOT NULL,
    size INTEGER NOT NULL,
    note TEXT,
    created_by BIGINT,
    created_at BIGINT NOT NULL
);

-- A code is redeemed by the UPDATE ... WHERE redeemed_by IS NULL that claims it: one winner, however many race.
CREATE TABLE membership_codes (
    code TEXT PRIMARY KEY,
    batch_id BIGINT NOT NULL,
    plan_code TEXT NOT NULL,
    redeemed_by BIGINT,
    redeemed_at BIGINT
);
CREATE INDEX membership_codes_batch ON membership_codes(batch_id);

-- What each tier unlocks, as benefit codes (comma-separated).
ALTER TABLE membership_tiers ADD COLUMN benefits TEXT NOT NULL DEFAULT '';
UPDATE membership_tiers SET benefits = 'points.multiplier' WHERE code = 'V1';
UPDATE membership_tiers SET benefits = 'points.multiplier,birthday.bonus' WHERE code = 'V2';
UPDATE membership_tiers SET benefits = 'points.multiplier,birthday.bonus' WHERE code = 'V3';
UPDATE membership_tiers SET benefits = 'points.multiplier,birthday.bonus,shop.exclusive' WHERE code = 'V4';
UPDATE membership_tiers SET benefits = 'points.multiplier,birthday.bonus,shop.exclusive' WHERE code = 'V5';
