-- Issue 21: a promoter's fans, newest first, page by page along an index instead of sorting all their fans.
CREATE INDEX distribution_bindings_referrer_user ON distribution_bindings(referrer_id, user_id);
