-- What a make-up check-in cost, so that a repeated request (same Idempotency-Key) answers the first result.
ALTER TABLE checkins ADD COLUMN cost BIGINT NOT NULL DEFAULT 0;
