-- Check-ins: one row per member per day, the rewards they earned, and check-in challenges.
-- Times are epoch milliseconds (BIGINT, UTC); days are TEXT 'YYYY-MM-DD' in the site's time zone, so that
-- they sort and compare as text in both SQLite and PostgreSQL. Flags are INTEGER 0/1.

-- One check-in per member per day: the UNIQUE constraint is what turns parallel taps into one check-in.
CREATE TABLE checkins (
    id ${id},
    user_id BIGINT NOT NULL,
    day TEXT NOT NULL,
    run_length INTEGER NOT NULL,     -- consecutive days ending on this day
    streak INTEGER NOT NULL,         -- position in the reward cycle (what members see as their streak)
    makeup INTEGER NOT NULL,         -- 1 for a make-up check-in (补签)
    awarded BIGINT NOT NULL,         -- points credited by the request that created the row
    request_key TEXT,                -- the caller's Idempotency-Key, to answer a repeat with the first result
    created_at BIGINT NOT NULL,
    UNIQUE (user_id, day)
);
-- per-day counts (console stats), leaderboard and streak distribution scan by day
CREATE INDEX checkins_day ON checkins(day, user_id);

-- Every reward paid: base points, streak and monthly milestones, challenge rewards. reward_key is also the
-- ledger's idempotency key, so a reward is recorded and credited once whatever retries happen.
CREATE TABLE checkin_rewards (
    id ${id},
    user_id BIGINT NOT NULL,
    day TEXT NOT NULL,               -- the check-in day that earned it
    kind TEXT NOT NULL,              -- base | streak | monthly | challenge
    milestone INTEGER,               -- the streak or count a milestone reward was for
    reward_key TEXT NOT NULL UNIQUE,
    points BIGINT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX checkin_rewards_user_day ON checkin_rewards(user_id, day);

-- Check-in challenges (打卡活动) created by operators.
CREATE TABLE checkin_challenges (
    id ${id},
    title TEXT NOT NULL,
    description TEXT NOT NULL,
    start_day TEXT NOT NULL,
    end_day TEXT NOT NULL,
    days_required INTEGER NOT NULL,
    consecutive INTEGER NOT NULL,
    reward_points BIGINT NOT NULL,
    badge TEXT,
    auto_join INTEGER NOT NULL,      -- 1: every member takes part without joining
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    deleted_at BIGINT                -- removed from lists; completions and rewards stay
);
CREATE INDEX checkin_challenges_window ON checkin_challenges(end_day, start_day);

-- Who takes part in a challenge (joined, or completed an auto-join one) and when they completed it.
CREATE TABLE checkin_challenge_members (
    challenge_id BIGINT NOT NULL,
    user_id BIGINT NOT NULL,
    joined_at BIGINT NOT NULL,
    completed_day TEXT,
    completed_at BIGINT,
    PRIMARY KEY (challenge_id, user_id)
);
CREATE INDEX checkin_challenge_members_user ON checkin_challenge_members(user_id, challenge_id);
