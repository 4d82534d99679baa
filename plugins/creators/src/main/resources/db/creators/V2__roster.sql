-- Creators (roster part): certified creators, the grants applied on approval (once per key), onboarding ticks,
-- featured periods (traffic tilt) and each creator's history.
CREATE TABLE creators (
    user_id BIGINT PRIMARY KEY,
    category TEXT NOT NULL,
    level TEXT NOT NULL,                 -- koc | kol | top_kol
    title TEXT NOT NULL,
    status TEXT NOT NULL,                -- active | suspended | removed
    certified_at BIGINT,
    certificate_code TEXT UNIQUE,
    application_id BIGINT,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX creators_category ON creators(category, status);
CREATE INDEX creators_created ON creators(created_at);

-- One row per grant key (app:<applicationId> or direct:<key>) and kind: the primary key makes a redelivered or
-- retried approval a no-op. kind: approval | rights | plan | points.
CREATE TABLE creator_grants (
    grant_key TEXT NOT NULL,
    kind TEXT NOT NULL,
    user_id BIGINT NOT NULL,
    detail TEXT,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (grant_key, kind)
);
CREATE INDEX creator_grants_user ON creator_grants(user_id);

CREATE TABLE creator_onboarding (
    user_id BIGINT NOT NULL,
    task_code TEXT NOT NULL,
    done_at BIGINT NOT NULL,
    marked_by BIGINT,
    PRIMARY KEY (user_id, task_code)
);

CREATE TABLE creator_features (
    id ${id},
    user_id BIGINT NOT NULL,
    starts_at BIGINT NOT NULL,
    ends_at BIGINT NOT NULL,
    note TEXT,
    created_by BIGINT,
    created_at BIGINT NOT NULL
);
CREATE INDEX creator_features_period ON creator_features(ends_at, starts_at);

CREATE TABLE creator_history (
    id ${id},
    user_id BIGINT NOT NULL,
    action TEXT NOT NULL,
    detail TEXT,
    actor_id BIGINT,
    created_at BIGINT NOT NULL
);
CREATE INDEX creator_history_user ON creator_history(user_id, id);

-- Check-ins of creators, counted from checkin.recorded (the check-in plugin offers no read service).
CREATE TABLE creator_checkins (
    user_id BIGINT NOT NULL,
    day TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (user_id, day)
);
CREATE INDEX creator_checkins_created ON creator_checkins(created_at);
