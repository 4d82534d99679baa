-- One row per member who received the welcome gift.
CREATE TABLE welcome_gifts (
    user_id BIGINT PRIMARY KEY,
    points BIGINT NOT NULL,
    event_id BIGINT NOT NULL,
    created_at BIGINT NOT NULL
);
