-- Content-creation contests (内容创作活动): an operator's contest, its prizes, members' votes and the winners.
-- Times are epoch milliseconds (BIGINT, UTC); days are TEXT 'YYYY-MM-DD' in the site's time zone.

-- Entries are not stored: a published post in category_id (or one of its sub-categories) and/or carrying tag is
-- an entry; with in_window = 1 it must also have been published between start_day and end_day (or closed_at).
-- Voting is open on voting_start_day..voting_end_day when voting = 1, until the winners are decided.
-- closed_at: an operator ended the contest before its end day. decided_at: the winners were picked and paid.
CREATE TABLE community_contests (
    id ${id},
    title TEXT NOT NULL,
    rules TEXT NOT NULL,
    rules_html TEXT NOT NULL,
    category_id BIGINT,
    tag TEXT,
    start_day TEXT NOT NULL,
    end_day TEXT NOT NULL,
    in_window INTEGER NOT NULL,
    voting INTEGER NOT NULL,
    voting_start_day TEXT NOT NULL,
    voting_end_day TEXT NOT NULL,
    votes_per_member INTEGER NOT NULL,
    closed_at BIGINT,
    decided_at BIGINT,
    created_by BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX community_contests_start ON community_contests(start_day, id);

-- The prize of each place (rank 1, 2, …): points (paid through the ledger), a title shown with the winner, and/or a
-- badge granted through the BadgeService (the points shop's badge items, code shop:<itemId>).
CREATE TABLE community_contest_prizes (
    contest_id BIGINT NOT NULL,
    place INTEGER NOT NULL,
    points BIGINT NOT NULL,
    title TEXT,
    badge TEXT,
    PRIMARY KEY (contest_id, place)
);

-- One vote per member and entry: the primary key turns a repeat (or a race) into a no-op. The limit of votes per
-- member and contest is checked in the same write transaction (BEGIN IMMEDIATE) as the insert.
CREATE TABLE community_contest_votes (
    contest_id BIGINT NOT NULL,
    post_id BIGINT NOT NULL,
    user_id BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (contest_id, post_id, user_id)
);
CREATE INDEX community_contest_votes_member ON community_contest_votes(contest_id, user_id);

-- The winners, written once with the contest's decided_at and their ledger transfers, in one transaction.
CREATE TABLE community_contest_winners (
    contest_id BIGINT NOT NULL,
    place INTEGER NOT NULL,
    post_id BIGINT NOT NULL,
    user_id BIGINT NOT NULL,
    points BIGINT NOT NULL,
    title TEXT,
    badge TEXT,
    votes BIGINT NOT NULL,
    transfer_id BIGINT,
    created_at BIGINT NOT NULL,
    PRIMARY KEY (contest_id, place),
    UNIQUE (contest_id, post_id)
);
