CREATE TABLE sink_notes (
    id ${id},
    user_id BIGINT NOT NULL,
    text TEXT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX sink_notes_user ON sink_notes(user_id);
CREATE TABLE sink_ticks (ticks BIGINT NOT NULL, last_at BIGINT NOT NULL);
INSERT INTO sink_ticks(ticks, last_at) VALUES (0, 0);
