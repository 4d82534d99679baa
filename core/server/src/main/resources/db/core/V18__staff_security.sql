-- Sessions one can see and end (device, address, last seen), idle timeouts, and a second step at sign-in;
-- TOTP second factor and its recovery codes.
ALTER TABLE sessions ADD COLUMN user_agent TEXT;
ALTER TABLE sessions ADD COLUMN address TEXT;
ALTER TABLE sessions ADD COLUMN last_seen_at BIGINT;
-- 1 while the password was right but the TOTP code is still owed: such a session signs no one in.
ALTER TABLE sessions ADD COLUMN awaiting_code INTEGER NOT NULL DEFAULT 0;
UPDATE sessions SET last_seen_at = created_at;

CREATE TABLE totp_factors (
    user_id BIGINT PRIMARY KEY REFERENCES users(id),
    -- The shared secret, sealed with the data folder's vault key.
    secret TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    -- NULL until the member confirms enrolment with a first code.
    confirmed_at BIGINT,
    -- The last 30-second step whose code was accepted: a code is never accepted twice.
    last_step BIGINT NOT NULL DEFAULT 0
);

CREATE TABLE recovery_codes (
    id ${id},
    user_id BIGINT NOT NULL REFERENCES users(id),
    code_hash TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    used_at BIGINT
);
CREATE INDEX recovery_codes_user ON recovery_codes(user_id);
