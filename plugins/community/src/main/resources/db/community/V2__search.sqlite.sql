-- Full-text search on SQLite: an FTS5 index of title, body and tags, kept by the posts store (rowid = post id).
-- The trigram tokenizer finds words inside Chinese text too, which has no spaces between words.
CREATE VIRTUAL TABLE community_search USING fts5(title, body, tags, tokenize = 'trigram');
