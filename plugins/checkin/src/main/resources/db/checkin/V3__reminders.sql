-- Reminders sent by the daily jobs, one row per reminder key (challenge and member, member and day), so that a job
-- run again, or run now by an operator, reminds nobody twice and reports only what it sent.
CREATE TABLE checkin_reminders (
    reminder_key TEXT PRIMARY KEY,
    sent_at BIGINT NOT NULL
);
