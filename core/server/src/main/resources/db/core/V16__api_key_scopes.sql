-- Scoped API keys: what each key may do (space-separated scope codes such as "purchases:write members:read"),
-- until when (epoch milliseconds, NULL = no expiry), from where it was last used, and when its secret was last
-- replaced. Keys made before scopes existed could do everything, so they keep "admin".
ALTER TABLE api_keys ADD COLUMN scopes TEXT NOT NULL DEFAULT 'admin';
ALTER TABLE api_keys ADD COLUMN expires_at BIGINT;
ALTER TABLE api_keys ADD COLUMN last_used_address TEXT;
ALTER TABLE api_keys ADD COLUMN rotated_at BIGINT;
