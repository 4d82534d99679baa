-- Segments (分层): what screening members needs kept on the member row, range-indexed so that a count over a million
-- members reads an index instead of the purchases or the ledger; the RFM quintile boundaries; saved segments; and
-- a segment as the audience of a broadcast. Days are TEXT 'YYYY-MM-DD' in the site's zone; times epoch millis.

-- Purchases not refunded (frequency, F), kept by purchases/Purchases next to total_spent (monetary, M, net of
-- refunds) and last_purchase_day (recency, R).
ALTER TABLE users ADD COLUMN purchase_count BIGINT NOT NULL DEFAULT 0;
UPDATE users SET purchase_count = (SELECT COUNT(*) FROM purchases p WHERE p.user_id = users.id AND p.status = 'recorded');
-- The last day the member signed in, came back with a session, or whose balance moved (not by expiry). Written at
-- most once per member per day (the UPDATE only matches an older day).
ALTER TABLE users ADD COLUMN last_active_day TEXT;
UPDATE users SET last_active_day = last_purchase_day;

-- One covering index per RFM dimension, led by it and holding the other two: a count of an RFM segment is one range
-- scan of one index, never a row lookup (R>=4 AND F>=4 AND M>=4 over 1 M members reads ~0.2 M index entries);
-- the boundaries job walks each dimension's index in order. The leading columns also serve the single filters.
CREATE INDEX users_rfm_r ON users(last_purchase_day, purchase_count, total_spent);
CREATE INDEX users_rfm_f ON users(purchase_count, last_purchase_day, total_spent);
CREATE INDEX users_rfm_m ON users(total_spent, purchase_count, last_purchase_day);
-- last active, with the sign-up time so that "active lately and joined when" is covered too
CREATE INDEX users_active ON users(last_active_day, created_at);
-- points balance filters: members of one asset by balance
CREATE INDEX ledger_accounts_balance ON ledger_accounts(asset, balance, user_id);

-- Quintile boundaries of the members who bought, per dimension ('r', 'f', 'm'), recomputed by the core job
-- segments-rfm. For 'r' the bounds are days since the last purchase (counted on computed_day); for 'f' purchases;
-- for 'm' net spending in minor units. b1..b4 are the values at ranks floor(k*n/5), k = 1..4.
CREATE TABLE rfm_boundaries (
    dimension TEXT PRIMARY KEY,
    b1 BIGINT NOT NULL,
    b2 BIGINT NOT NULL,
    b3 BIGINT NOT NULL,
    b4 BIGINT NOT NULL,
    buyers BIGINT NOT NULL,
    computed_day TEXT NOT NULL,
    computed_at BIGINT NOT NULL
);

CREATE TABLE segments (
    id ${id},
    name TEXT NOT NULL UNIQUE,
    filters TEXT NOT NULL,          -- JSON object: filter name -> value, as GET /api/v1/admin/users takes them
    created_by TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);

-- A broadcast to a saved segment keeps the segment's filters as they were when sent.
ALTER TABLE broadcasts ADD COLUMN segment_id BIGINT;
ALTER TABLE broadcasts ADD COLUMN segment_filters TEXT;
