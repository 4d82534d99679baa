-- Activities, part surveys: questionnaires (调研问卷), their questions and options, responses and answers.
-- Times are epoch milliseconds (BIGINT, UTC); days are TEXT YYYY-MM-DD in the site's time zone.

-- A questionnaire. target_kind: all | segment (target_value: saved segment id) | label (a label) | tier (minimum rank).
CREATE TABLE survey_surveys (
    id ${id},
    title TEXT NOT NULL,
    intro TEXT NOT NULL,
    starts_on TEXT NOT NULL,
    ends_on TEXT NOT NULL,
    status TEXT NOT NULL,            -- draft | open | closed
    anonymous INTEGER NOT NULL,
    reward_points BIGINT NOT NULL,
    target_kind TEXT NOT NULL,
    target_value TEXT,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE INDEX survey_surveys_status ON survey_surveys(status, ends_on);

-- Questions in order (position 1, 2, …); kind: single | multiple | scale | nps | short_text | long_text | image.
CREATE TABLE survey_questions (
    id ${id},
    survey_id BIGINT NOT NULL REFERENCES survey_surveys(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    kind TEXT NOT NULL,
    text TEXT NOT NULL,
    required INTEGER NOT NULL,
    UNIQUE (survey_id, position)
);

-- Options of choice questions. go_to: NULL = the next question, 0 = the end, n = the question at position n (forward).
CREATE TABLE survey_options (
    id ${id},
    question_id BIGINT NOT NULL REFERENCES survey_questions(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    label TEXT NOT NULL,
    image_url TEXT,
    go_to INTEGER,
    UNIQUE (question_id, position)
);

-- One response per member and survey. id: random, never sequential. For an anonymous survey user_id and
-- submitted_at stay NULL and only the day is kept.
CREATE TABLE survey_responses (
    id TEXT PRIMARY KEY,
    survey_id BIGINT NOT NULL REFERENCES survey_surveys(id) ON DELETE CASCADE,
    user_id BIGINT,
    submitted_on TEXT NOT NULL,
    submitted_at BIGINT
);
CREATE INDEX survey_responses_survey ON survey_responses(survey_id, id);

-- One row per question of the survey: asked = 0 for a question the member's branch skipped. option_ids: the chosen
-- option ids, comma-separated, in the order given.
CREATE TABLE survey_answers (
    response_id TEXT NOT NULL REFERENCES survey_responses(id) ON DELETE CASCADE,
    question_id BIGINT NOT NULL,
    asked INTEGER NOT NULL,
    option_ids TEXT,
    number_value INTEGER,
    text_value TEXT,
    PRIMARY KEY (response_id, question_id)
);
CREATE INDEX survey_answers_question ON survey_answers(question_id);

-- The fact "member X answered survey S", kept apart from the answers: one response and one reward per member.
CREATE TABLE survey_takers (
    survey_id BIGINT NOT NULL REFERENCES survey_surveys(id) ON DELETE CASCADE,
    user_id BIGINT NOT NULL,
    taken_on TEXT NOT NULL,
    PRIMARY KEY (survey_id, user_id)
);
CREATE INDEX survey_takers_user ON survey_takers(user_id);
