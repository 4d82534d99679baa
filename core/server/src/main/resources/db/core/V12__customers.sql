-- One member across channels: merged members, one-time codes to claim an imported record by phone.
-- A merged member keeps its row (history, audit) with status 'merged' and the member it went into.
ALTER TABLE users ADD COLUMN merged_into BIGINT REFERENCES users(id);

-- Who was merged into whom, once per merged member: a repeated merge request answers from here.
CREATE TABLE member_merges (
    from_id BIGINT PRIMARY KEY REFERENCES users(id),
    into_id BIGINT NOT NULL REFERENCES users(id),
    actor TEXT NOT NULL,
    summary TEXT NOT NULL,               -- JSON: what moved (balances, purchases, labels, external ids)
    created_at BIGINT NOT NULL
);
CREATE INDEX member_merges_into ON member_merges(into_id);

-- Codes sent by SMS to claim a record: only a salted SHA-256 of phone and code is kept; a code works once,
-- until expires_at, for a few attempts.
CREATE TABLE phone_claim_codes (
    id ${id},
    phone TEXT NOT NULL,
    salt TEXT NOT NULL,
    code_hash TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    used_at BIGINT
);
CREATE INDEX phone_claim_codes_phone ON phone_claim_codes(phone, created_at);
CREATE INDEX phone_claim_codes_expires ON phone_claim_codes(expires_at);
