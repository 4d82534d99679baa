-- Notifications to members (in-site, email) and the queue of emails they become. Times are epoch milliseconds (UTC).
CREATE TABLE notifications (
    id ${id},
    user_id BIGINT NOT NULL REFERENCES users(id),
    type TEXT NOT NULL,            -- a declared type's code, e.g. shop.redemption_shipped
    params TEXT NOT NULL,          -- JSON object: the placeholders of the type's title and body
    link TEXT,                     -- a site path, or null
    dedup_key TEXT,                -- the sender's idempotency key, or null
    in_site INTEGER NOT NULL,      -- 1 when it shows on the bell and the list
    digest INTEGER NOT NULL,       -- 1 while it waits for the member's daily digest email
    digest_email_id BIGINT,        -- the digest email that carried it
    created_at BIGINT NOT NULL,
    read_at BIGINT                 -- null while unread
);
-- The same key for the same member is stored once (rows without a key never collide: NULLs are distinct).
CREATE UNIQUE INDEX notifications_dedup ON notifications(user_id, dedup_key);
-- The member's list (newest first) and unread count.
CREATE INDEX notifications_member ON notifications(user_id, in_site, id);
CREATE INDEX notifications_unread ON notifications(user_id, in_site, read_at);
CREATE INDEX notifications_digest ON notifications(digest, user_id);
CREATE INDEX notifications_digest_email ON notifications(digest_email_id);

-- Members' choices per type and channel; a missing row means the type's default. Type '*', channel 'digest':
-- the member gets one email a day gathering the day's email notifications instead of one email each.
CREATE TABLE notification_prefs (
    user_id BIGINT NOT NULL REFERENCES users(id),
    type TEXT NOT NULL,
    channel TEXT NOT NULL,         -- in_site | email
    enabled INTEGER NOT NULL,
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (user_id, type, channel)
);

-- Emails waiting to be sent by the core's job; never sent inside a request. Failed rows stay, for the console.
CREATE TABLE email_outbox (
    id ${id},
    user_id BIGINT NOT NULL REFERENCES users(id),
    notification_id BIGINT REFERENCES notifications(id),  -- null for a daily digest
    kind TEXT NOT NULL,            -- notification | digest
    state TEXT NOT NULL,           -- pending | sent | failed
    attempts INTEGER NOT NULL,
    next_attempt_at BIGINT NOT NULL,
    last_error TEXT,
    created_at BIGINT NOT NULL,
    sent_at BIGINT
);
CREATE INDEX email_outbox_due ON email_outbox(state, next_attempt_at);

-- Announcements operators send to all members or to those with a label, delivered in the background.
CREATE TABLE broadcasts (
    id ${id},
    actor TEXT NOT NULL,           -- who sent it, e.g. "admin@brand.example (#1)"
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    link TEXT,
    label TEXT,                    -- null: every active member
    in_site INTEGER NOT NULL,
    email INTEGER NOT NULL,
    state TEXT NOT NULL,           -- queued | done
    recipients BIGINT NOT NULL,    -- members counted when it was sent
    delivered BIGINT NOT NULL,     -- members reached so far
    last_user_id BIGINT NOT NULL,  -- delivery walks members by id; it goes on after this one
    created_at BIGINT NOT NULL,
    finished_at BIGINT
);
CREATE INDEX broadcasts_state ON broadcasts(state, id);
