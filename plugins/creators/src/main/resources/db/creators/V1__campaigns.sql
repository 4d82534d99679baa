-- Creators, part campaigns: recruitment campaigns (招募), applications and their screening history.
-- Times are epoch milliseconds (BIGINT, UTC); days are TEXT YYYY-MM-DD in the site's time zone.

-- A campaign and its form: a JSON list of {type, required} from the field catalogue (FieldType).
CREATE TABLE creator_campaigns (
    id ${id},
    title TEXT NOT NULL,
    category TEXT NOT NULL,
    starts_on TEXT NOT NULL,
    ends_on TEXT NOT NULL,
    quota INTEGER NOT NULL,
    description TEXT NOT NULL,
    status TEXT NOT NULL,            -- draft | open | closed
    form TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX creator_campaigns_status ON creator_campaigns(status, ends_on);

-- One application per member and campaign. answers: JSON object; the identity number is sealed with the
-- platform's Vault ("v1:..."), never stored readable. scores: JSON {criterion: 0-10}; score: the weighted total.
-- approval: JSON of what the operator chose on approval (category, level, title, grants).
CREATE TABLE creator_applications (
    id ${id},
    campaign_id BIGINT NOT NULL,
    user_id BIGINT NOT NULL,
    status TEXT NOT NULL,            -- submitted | screening | interview | approved | rejected
    score INTEGER,
    scores TEXT,
    reviewer_id BIGINT,
    submitted_at BIGINT NOT NULL,
    decided_at BIGINT,
    answers TEXT NOT NULL,
    approval TEXT,
    UNIQUE (campaign_id, user_id)
);
CREATE INDEX creator_applications_status ON creator_applications(status, id);
CREATE INDEX creator_applications_campaign ON creator_applications(campaign_id, status, id);
CREATE INDEX creator_applications_user ON creator_applications(user_id, id);

-- Every move of an application (and every score), with who and when: the screening history.
CREATE TABLE creator_application_history (
    id ${id},
    application_id BIGINT NOT NULL,
    from_status TEXT,
    to_status TEXT NOT NULL,
    actor_id BIGINT,
    actor_name TEXT,
    note TEXT,
    score INTEGER,
    created_at BIGINT NOT NULL
);
CREATE INDEX creator_application_history_application ON creator_application_history(application_id, id);
