-- Yes/no choices members make on their account page (declared by plugins, e.g. checkin.leaderboard).
CREATE TABLE member_preferences (
    user_id BIGINT NOT NULL REFERENCES users(id),
    pref_key TEXT NOT NULL,
    pref_value INTEGER NOT NULL,
    updated_at BIGINT NOT NULL,
    PRIMARY KEY (user_id, pref_key)
);
