-- Outgoing webhooks: the operator's endpoints, one delivery per (endpoint, event), and the deliverer's cursor in
-- the events table. Times are epoch milliseconds (UTC); flags are 0/1 integers.
CREATE TABLE webhook_endpoints (
    id ${id},
    url TEXT NOT NULL,
    events TEXT NOT NULL,                 -- patterns separated by spaces: "purchase.* user.registered" or "*"
    description TEXT NOT NULL,
    secret TEXT NOT NULL,                 -- whsec_...; kept in clear because it signs every delivery
    enabled INTEGER NOT NULL,
    disabled_reason TEXT,
    after_event_id BIGINT NOT NULL,       -- the newest event when the endpoint was made: it gets only later ones
    consecutive_failures INTEGER NOT NULL DEFAULT 0,
    failing_since BIGINT,                 -- first failure of the current run of failures
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    deleted_at BIGINT                     -- a deleted endpoint stays as a tombstone so that its id is never reused
);

CREATE TABLE webhook_deliveries (
    id ${id},
    endpoint_id BIGINT NOT NULL REFERENCES webhook_endpoints(id),
    event_id BIGINT NOT NULL REFERENCES events(id),
    status TEXT NOT NULL,                 -- pending, delivered, failed
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at BIGINT NOT NULL,      -- also the lease of an attempt in flight
    first_attempt_at BIGINT,
    last_attempt_at BIGINT,
    response_status INTEGER,
    latency_ms BIGINT,
    response_excerpt TEXT,
    error TEXT,
    created_at BIGINT NOT NULL,
    UNIQUE (endpoint_id, event_id)
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries(status, next_attempt_at);
CREATE INDEX webhook_deliveries_endpoint ON webhook_deliveries(endpoint_id, id);

CREATE TABLE webhook_cursor (
    name TEXT PRIMARY KEY,
    cursor_id BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
