-- The console counts members active today by the sessions they opened.
CREATE INDEX sessions_created ON sessions(created_at);
