-- Double-entry ledger: assets, accounts, immutable transfers and entries, lots for expiry.
CREATE TABLE ledger_assets (
    code TEXT PRIMARY KEY,
    owner TEXT NOT NULL,
    allow_negative INTEGER NOT NULL,
    spendable INTEGER NOT NULL,
    created_at BIGINT NOT NULL
);

CREATE TABLE ledger_accounts (
    id ${id},
    asset TEXT NOT NULL REFERENCES ledger_assets(code),
    user_id BIGINT REFERENCES users(id),
    system_name TEXT,
    balance BIGINT NOT NULL DEFAULT 0,
    created_at BIGINT NOT NULL,
    CHECK ((user_id IS NULL) <> (system_name IS NULL))
);
CREATE UNIQUE INDEX ledger_accounts_member ON ledger_accounts(asset, user_id) WHERE user_id IS NOT NULL;
CREATE UNIQUE INDEX ledger_accounts_system ON ledger_accounts(asset, system_name) WHERE system_name IS NOT NULL;
CREATE INDEX ledger_accounts_user ON ledger_accounts(user_id);

CREATE TABLE ledger_transfers (
    id ${id},
    asset TEXT NOT NULL REFERENCES ledger_assets(code),
    debit_account_id BIGINT NOT NULL REFERENCES ledger_accounts(id),
    credit_account_id BIGINT NOT NULL REFERENCES ledger_accounts(id),
    amount BIGINT NOT NULL CHECK (amount > 0),
    reason TEXT NOT NULL,
    reference TEXT,
    idempotency_key TEXT NOT NULL UNIQUE,
    created_at BIGINT NOT NULL
);
CREATE INDEX ledger_transfers_created ON ledger_transfers(created_at);

CREATE TABLE ledger_entries (
    id ${id},
    transfer_id BIGINT NOT NULL REFERENCES ledger_transfers(id),
    account_id BIGINT NOT NULL REFERENCES ledger_accounts(id),
    amount BIGINT NOT NULL,
    balance_after BIGINT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX ledger_entries_account ON ledger_entries(account_id, id);
CREATE INDEX ledger_entries_transfer ON ledger_entries(transfer_id);

-- A credit to a member account opens a lot; debits consume lots oldest first; the expiry job ends the rest.
CREATE TABLE ledger_lots (
    id ${id},
    account_id BIGINT NOT NULL REFERENCES ledger_accounts(id),
    transfer_id BIGINT NOT NULL REFERENCES ledger_transfers(id),
    amount BIGINT NOT NULL,
    remaining BIGINT NOT NULL CHECK (remaining >= 0),
    expires_at BIGINT,
    created_at BIGINT NOT NULL
);
CREATE INDEX ledger_lots_open ON ledger_lots(account_id, remaining, id);
CREATE INDEX ledger_lots_expiry ON ledger_lots(expires_at, remaining);
