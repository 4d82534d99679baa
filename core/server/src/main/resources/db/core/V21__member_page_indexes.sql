-- Indexes for what the member pages and the API lists read, so that none sorts a growing table (issue 21,
-- checked by QueryPlanTest).
-- A member's expiring points, per account and expiry date (covering: the sums read no table row).
CREATE INDEX ledger_lots_expiring ON ledger_lots(account_id, expires_at, remaining);
-- A member's signed-in sessions, most recently used first (account page).
CREATE INDEX sessions_user_seen ON sessions(user_id, (COALESCE(last_seen_at, created_at)));
-- A member's external ids in order (operator's member view).
CREATE INDEX user_external_ids_user_system ON user_external_ids(user_id, system, external_id);
DROP INDEX user_external_ids_user;
