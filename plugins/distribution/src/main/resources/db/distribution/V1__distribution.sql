-- Distribution (分销): bindings, distribution rights, levels, commissions, withdrawals.
-- Times are epoch milliseconds (BIGINT, UTC). Money is BIGINT in minor units. Rates are basis points (1/100 %).

-- A member bound to their referrer (锁粉): one row per member, written once; an operator's re-binding updates it
-- and leaves a row in distribution_rebinds.
CREATE TABLE distribution_bindings (
    user_id BIGINT PRIMARY KEY,
    referrer_id BIGINT NOT NULL,
    source TEXT NOT NULL,            -- registration | first_purchase | operator
    bound_at BIGINT NOT NULL
);
CREATE INDEX distribution_bindings_referrer ON distribution_bindings(referrer_id, bound_at);

-- The audit trail of re-bindings by operators.
CREATE TABLE distribution_rebinds (
    id ${id},
    user_id BIGINT NOT NULL,
    old_referrer_id BIGINT,
    new_referrer_id BIGINT NOT NULL,
    reason TEXT NOT NULL,
    operator_id BIGINT,
    created_at BIGINT NOT NULL
);
CREATE INDEX distribution_rebinds_user ON distribution_rebinds(user_id, id);

-- The last invite link a member opened (attribution for binding on first purchase).
CREATE TABLE distribution_clicks (
    user_id BIGINT PRIMARY KEY,
    referrer_id BIGINT NOT NULL,
    clicked_at BIGINT NOT NULL
);

-- Where each sign-up came from, to spot many sign-ups from one address.
CREATE TABLE distribution_signups (
    user_id BIGINT PRIMARY KEY,
    ip TEXT,
    referrer_id BIGINT,
    created_at BIGINT NOT NULL
);
CREATE INDEX distribution_signups_ip ON distribution_signups(ip, created_at);

-- Distribution rights granted by a source (operator, application, tasks, creators, ...); revoked rows stay.
CREATE TABLE distribution_grants (
    user_id BIGINT NOT NULL,
    source TEXT NOT NULL,
    note TEXT,
    granted_at BIGINT NOT NULL,
    revoked_at BIGINT,
    PRIMARY KEY (user_id, source)
);
CREATE INDEX distribution_grants_granted ON distribution_grants(granted_at);

-- Applications for distribution rights: pending -> approved | rejected, with the operator's note.
CREATE TABLE distribution_applications (
    id ${id},
    user_id BIGINT NOT NULL,
    message TEXT,
    status TEXT NOT NULL,
    note TEXT,
    decided_by BIGINT,
    created_at BIGINT NOT NULL,
    decided_at BIGINT
);
CREATE INDEX distribution_applications_status ON distribution_applications(status, id);
CREATE INDEX distribution_applications_user ON distribution_applications(user_id, id);

-- Check-in days seen through checkin.recorded, for the check-in task.
CREATE TABLE distribution_checkins (
    user_id BIGINT NOT NULL,
    day TEXT NOT NULL,
    PRIMARY KEY (user_id, day)
);

-- Purchases seen through purchase.recorded: the task's amount spent, team sales, refunds after payout.
CREATE TABLE distribution_purchases (
    purchase_id BIGINT PRIMARY KEY,
    user_id BIGINT NOT NULL,
    external_order_id TEXT NOT NULL,
    amount BIGINT NOT NULL,
    currency TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    refunded_at BIGINT
);
CREATE INDEX distribution_purchases_user ON distribution_purchases(user_id, created_at);
CREATE INDEX distribution_purchases_created ON distribution_purchases(created_at);

-- Distributor levels (粉丝团等级): reached with min_fans direct fans and min_team_sales of team sales.
CREATE TABLE distribution_levels (
    id ${id},
    code TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    rank_order INTEGER NOT NULL,
    min_fans INTEGER NOT NULL,
    min_team_sales BIGINT NOT NULL,
    rate1_bp INTEGER NOT NULL,
    rate2_bp INTEGER NOT NULL
);
INSERT INTO distribution_levels(code, name, rank_order, min_fans, min_team_sales, rate1_bp, rate2_bp)
VALUES ('bronze', 'Bronze', 1, 0, 0, 1000, 300),
       ('silver', 'Silver', 2, 10, 0, 1200, 400),
       ('gold', 'Gold', 3, 50, 1000000, 1500, 500);

-- A distributor's current level (the lowest level until a recount lifts it).
CREATE TABLE distribution_member_levels (
    user_id BIGINT PRIMARY KEY,
    level_code TEXT NOT NULL,
    changed_at BIGINT NOT NULL
);

-- One commission (佣金) of a purchase for one beneficiary at depth 1 or 2.
CREATE TABLE distribution_commissions (
    id ${id},
    purchase_id BIGINT NOT NULL,
    event_id BIGINT NOT NULL,
    beneficiary_id BIGINT NOT NULL,
    buyer_id BIGINT NOT NULL,
    depth INTEGER NOT NULL CHECK (depth IN (1, 2)),
    level_code TEXT NOT NULL,
    rate_bp INTEGER NOT NULL,
    purchase_amount BIGINT NOT NULL,
    amount BIGINT NOT NULL,
    currency TEXT NOT NULL,
    status TEXT NOT NULL,            -- frozen | released | cancelled | clawed_back
    release_at BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    released_at BIGINT,
    reversed_at BIGINT,
    UNIQUE (purchase_id, depth)
);
CREATE INDEX distribution_commissions_beneficiary ON distribution_commissions(beneficiary_id, id);
CREATE INDEX distribution_commissions_release ON distribution_commissions(status, release_at);
CREATE INDEX distribution_commissions_purchase ON distribution_commissions(purchase_id);

-- Withdrawals (提现): requested -> approved -> paid, or rejected (amount returned once).
CREATE TABLE distribution_withdrawals (
    id ${id},
    user_id BIGINT NOT NULL,
    amount BIGINT NOT NULL,
    fee BIGINT NOT NULL,
    method TEXT NOT NULL,
    account TEXT NOT NULL,
    account_masked TEXT NOT NULL,
    status TEXT NOT NULL,
    request_key TEXT,
    day TEXT NOT NULL,
    reference TEXT,
    note TEXT,
    created_at BIGINT NOT NULL,
    decided_at BIGINT,
    paid_at BIGINT,
    UNIQUE (user_id, request_key)
);
CREATE INDEX distribution_withdrawals_user ON distribution_withdrawals(user_id, id);
CREATE INDEX distribution_withdrawals_status ON distribution_withdrawals(status, id);
CREATE INDEX distribution_withdrawals_day ON distribution_withdrawals(user_id, day);
