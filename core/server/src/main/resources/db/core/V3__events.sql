-- Transactional outbox, subscriber cursors, retry state and dead letters.
CREATE TABLE events (
    id ${id},
    type TEXT NOT NULL,
    user_id BIGINT,
    payload TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX events_type ON events(type, id);

CREATE TABLE event_subscribers (
    name TEXT PRIMARY KEY,
    event_type TEXT NOT NULL,
    cursor_id BIGINT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at BIGINT NOT NULL DEFAULT 0,
    last_error TEXT,
    updated_at BIGINT NOT NULL
);

CREATE TABLE event_dead_letters (
    id ${id},
    subscriber TEXT NOT NULL,
    event_id BIGINT NOT NULL REFERENCES events(id),
    attempts INTEGER NOT NULL,
    last_error TEXT,
    created_at BIGINT NOT NULL,
    retried_at BIGINT,
    UNIQUE (subscriber, event_id)
);
