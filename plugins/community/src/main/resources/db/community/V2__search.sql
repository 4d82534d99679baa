-- Full-text search on PostgreSQL: the same index as a table with a tsvector (the SQLite variant uses FTS5).
CREATE TABLE community_search (
    rowid BIGINT PRIMARY KEY,
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    tags TEXT NOT NULL
);
CREATE INDEX community_search_text ON community_search USING GIN (to_tsvector('simple', title || ' ' || body || ' ' || tags));
