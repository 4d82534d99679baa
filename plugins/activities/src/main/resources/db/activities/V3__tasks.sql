-- Times are epoch milliseconds (BIGINT, UTC); days are TEXT YYYY-MM-DD in the site's time zone.
-- The task centre (任务中心). A task is made by an operator from a kind: built in (profile, phone, follow, share)
-- or declared by another plugin through kindred-api (checkin.streak, community.posts, distribution.invites).
CREATE TABLE task_tasks (
    id          ${id},
    kind        TEXT    NOT NULL,
    event_type  TEXT,                          -- a plugin kind's event type, copied when the task is made
    title       TEXT    NOT NULL DEFAULT '',   -- the operator's title; '' = the kind's title
    params      TEXT    NOT NULL DEFAULT '',   -- the kind's parameters, form-encoded (platform=Weibo&account=brand)
    target      INTEGER NOT NULL DEFAULT 1,
    reward      INTEGER NOT NULL,
    period      TEXT    NOT NULL,              -- once | daily
    starts_on   TEXT,
    ends_on     TEXT,
    status      TEXT    NOT NULL,              -- active | paused
    created_at  BIGINT  NOT NULL,
    updated_at  BIGINT  NOT NULL
);
CREATE INDEX task_tasks_status ON task_tasks(status, id);

-- One member's progress on one task in one period ('' for a one-off task, the day for a daily one).
CREATE TABLE task_progress (
    task_id       BIGINT  NOT NULL REFERENCES task_tasks(id) ON DELETE CASCADE,
    user_id       BIGINT  NOT NULL,
    period_key    TEXT    NOT NULL,
    progress      INTEGER NOT NULL DEFAULT 0,
    last_event_id BIGINT  NOT NULL DEFAULT 0, -- events at or below were counted (a replayed event counts once)
    completed_at  BIGINT,
    PRIMARY KEY (task_id, user_id, period_key)
);
CREATE INDEX task_progress_user ON task_progress(user_id, period_key);
CREATE INDEX task_progress_done ON task_progress(task_id, completed_at);

-- Proofs of a "follow the brand" task: a screenshot or a handle, reviewed by an operator.
CREATE TABLE task_proofs (
    id          ${id},
    task_id     BIGINT  NOT NULL REFERENCES task_tasks(id) ON DELETE CASCADE,
    user_id     BIGINT  NOT NULL,
    image       TEXT,
    handle      TEXT,
    status      TEXT    NOT NULL,              -- pending | approved | rejected
    reason      TEXT,
    created_at  BIGINT  NOT NULL,
    decided_at  BIGINT,
    decided_by  BIGINT 
);
CREATE INDEX task_proofs_status ON task_proofs(status, id);
CREATE INDEX task_proofs_member ON task_proofs(task_id, user_id);

-- A member's share link for a share task; visits are counted once per visitor and day.
CREATE TABLE task_shares (
    id          ${id},
    task_id     BIGINT  NOT NULL REFERENCES task_tasks(id) ON DELETE CASCADE,
    user_id     BIGINT  NOT NULL,
    token       TEXT    NOT NULL UNIQUE,
    created_at  BIGINT  NOT NULL,
    UNIQUE (task_id, user_id)
);

-- A visitor is known by a cookie id and by a hash of IP and user agent; either seen today on the share = not counted.
CREATE TABLE task_share_visits (
    share_id    BIGINT  NOT NULL REFERENCES task_shares(id) ON DELETE CASCADE,
    day         TEXT    NOT NULL,
    visitor     TEXT    NOT NULL,              -- 'c:' + cookie id, or 'h:' + sha-256 of IP and user agent
    created_at  BIGINT  NOT NULL,
    PRIMARY KEY (share_id, day, visitor)
);
