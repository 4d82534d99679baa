-- Issue 21: a member's task proofs, task shares, meetup photos and proposed meetups read along an index instead of
-- the whole table.
CREATE INDEX task_proofs_user ON task_proofs(user_id, id);
CREATE INDEX task_shares_user ON task_shares(user_id, id);
CREATE INDEX meetup_photos_user ON meetup_photos(user_id, id);
CREATE INDEX meetup_events_proposed_by ON meetup_events(proposed_by, id);
-- A member's survey answers (the personal data export) by member, not by reading every response.
CREATE INDEX survey_responses_user ON survey_responses(user_id, survey_id);
