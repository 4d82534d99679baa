-- Password reset links: the random token is sent by email, only its SHA-256 is stored.
-- A token is valid until expires_at (epoch millis) and only once (used_at is set when it is redeemed).
CREATE TABLE password_resets (
    token_hash TEXT PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users(id),
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    used_at BIGINT
);
CREATE INDEX password_resets_user ON password_resets(user_id, created_at);
CREATE INDEX password_resets_expires ON password_resets(expires_at);
