-- Activities, part meetups: offline events (线下活动), their tickets, waiting lists and photos.
-- Times are epoch milliseconds (BIGINT, UTC).

-- An event, created by an operator (status open) or proposed by a member (proposed → open | rejected).
-- audience: all | tier (audience_value = the lowest tier rank) | plan (plan holders) | label (audience_value = label).
-- A crowdfunded event has min_participants and deadline_at; the deadline job sets funding to reached, or cancels the
-- event (status cancelled, cancel_reason 'minimum_missed') and refunds every ticket.
CREATE TABLE meetup_events (
    id ${id},
    title TEXT NOT NULL,
    description TEXT NOT NULL,
    cover_url TEXT,
    city TEXT NOT NULL,
    address TEXT NOT NULL,
    starts_at BIGINT NOT NULL,
    ends_at BIGINT NOT NULL,
    capacity INTEGER NOT NULL,
    audience TEXT NOT NULL,
    audience_value TEXT,
    price_points BIGINT NOT NULL,
    price_offline BIGINT NOT NULL,      -- minor units of currency, paid at the door or by transfer, marked by operators
    currency TEXT NOT NULL,
    min_participants INTEGER,
    deadline_at BIGINT,
    funding TEXT,                       -- null (not crowdfunded) | pending | reached | missed
    reward_points BIGINT NOT NULL,
    reward_badge TEXT,
    status TEXT NOT NULL,               -- proposed | rejected | open | cancelled
    cancel_reason TEXT,
    proposed_by BIGINT,
    decision_note TEXT,
    recap_post_id BIGINT,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX meetup_events_status_start ON meetup_events(status, starts_at);
CREATE INDEX meetup_events_funding ON meetup_events(funding, deadline_at);

-- One ticket per member and event. status: joined | waiting | cancelled | skipped (could not pay when promoted).
-- queue: the arrival order on the event (1, 2, 3 ... by joining time), which orders the waiting list.
-- attempt counts the member's joins of the event, so that a member who cancels and joins again pays again (the
-- ledger keys carry it). paid_points: what this attempt paid; refunded: whether it was returned.
CREATE TABLE meetup_tickets (
    id ${id},
    event_id BIGINT NOT NULL,
    user_id BIGINT NOT NULL,
    status TEXT NOT NULL,
    queue BIGINT NOT NULL,
    attempt INTEGER NOT NULL,
    token TEXT NOT NULL,
    code TEXT NOT NULL,
    paid_points BIGINT NOT NULL,
    refunded INTEGER NOT NULL,
    offline_paid INTEGER NOT NULL,
    admitted_at BIGINT,
    admitted_by BIGINT,
    joined_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX meetup_tickets_member ON meetup_tickets(event_id, user_id);
CREATE UNIQUE INDEX meetup_tickets_token ON meetup_tickets(token);
CREATE UNIQUE INDEX meetup_tickets_code ON meetup_tickets(event_id, code);
CREATE INDEX meetup_tickets_queue ON meetup_tickets(event_id, status, queue);
CREATE INDEX meetup_tickets_user ON meetup_tickets(user_id, status);

-- Photos of an event, uploaded after it by participants and operators.
CREATE TABLE meetup_photos (
    id ${id},
    event_id BIGINT NOT NULL,
    user_id BIGINT NOT NULL,
    url TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX meetup_photos_event ON meetup_photos(event_id, id);
