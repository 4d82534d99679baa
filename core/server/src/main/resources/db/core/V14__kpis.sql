-- KPIs (console dashboard, /api/v1/admin/kpis).
-- Sign-ins are kept apart from sessions: a session row is deleted at sign-out and when it expires, but
-- "active in March" and the cohort retention table must still see that a member signed in in March.
CREATE TABLE sign_ins (
    user_id BIGINT NOT NULL,              -- no foreign key: a merge re-points these rows like sessions
    created_at BIGINT NOT NULL
);
CREATE INDEX sign_ins_created ON sign_ins(created_at, user_id);
INSERT INTO sign_ins(user_id, created_at) SELECT user_id, created_at FROM sessions;
-- Revenue, repeat purchases and LTV read purchases by time; the index covers those queries.
CREATE INDEX purchases_created ON purchases(created_at, status, currency, user_id, amount);
-- The dashboard sums points flows per time range from this index alone (no table row, no member account read);
-- it replaces the narrower ledger_transfers_created, so a transfer still writes one time index.
CREATE INDEX ledger_transfers_flows ON ledger_transfers(created_at, asset, debit_account_id, credit_account_id, amount);
DROP INDEX ledger_transfers_created;
