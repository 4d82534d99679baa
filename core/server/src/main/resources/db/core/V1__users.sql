-- Members, roles, labels, external ids, sessions, API keys, settings.
-- Times are epoch milliseconds (BIGINT, UTC); days are TEXT 'YYYY-MM-DD' in the site's zone.
CREATE TABLE users (
    id ${id},
    email TEXT UNIQUE,
    phone TEXT UNIQUE,
    password_hash TEXT,
    display_name TEXT NOT NULL,
    avatar TEXT,
    birthday TEXT,
    shipping_address TEXT,
    locale TEXT,
    referral_code TEXT NOT NULL UNIQUE,
    referred_by_code TEXT,
    total_spent BIGINT NOT NULL DEFAULT 0,
    last_purchase_day TEXT,
    status TEXT NOT NULL DEFAULT 'active',
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX users_created_at ON users(created_at);
CREATE INDEX users_display_name ON users(display_name);

CREATE TABLE user_roles (
    user_id BIGINT NOT NULL REFERENCES users(id),
    role TEXT NOT NULL,
    PRIMARY KEY (user_id, role)
);

CREATE TABLE user_labels (
    user_id BIGINT NOT NULL REFERENCES users(id),
    label TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (user_id, label)
);
CREATE INDEX user_labels_label ON user_labels(label, user_id);

CREATE TABLE user_external_ids (
    system TEXT NOT NULL,
    external_id TEXT NOT NULL,
    user_id BIGINT NOT NULL REFERENCES users(id),
    created_at BIGINT NOT NULL,
    PRIMARY KEY (system, external_id)
);
CREATE INDEX user_external_ids_user ON user_external_ids(user_id);

CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users(id),
    csrf_token TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL
);
CREATE INDEX sessions_user ON sessions(user_id);
CREATE INDEX sessions_expires ON sessions(expires_at);

CREATE TABLE api_keys (
    id ${id},
    name TEXT NOT NULL UNIQUE,
    prefix TEXT NOT NULL,
    key_hash TEXT NOT NULL UNIQUE,
    created_at BIGINT NOT NULL,
    revoked_at BIGINT,
    last_used_at BIGINT
);

CREATE TABLE settings (
    setting_key TEXT PRIMARY KEY,
    setting_value TEXT NOT NULL,
    updated_at BIGINT NOT NULL
);

CREATE TABLE setup_tokens (
    token_hash TEXT PRIMARY KEY,
    created_at BIGINT NOT NULL,
    used_at BIGINT
);
