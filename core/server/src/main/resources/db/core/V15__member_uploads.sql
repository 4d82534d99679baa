-- Files members uploaded (avatars), by the name the server gave them: a member may point their profile only at
-- their own uploads, and removing or replacing an avatar deletes only a file listed here as theirs.
CREATE TABLE member_uploads (
    name TEXT PRIMARY KEY,                -- the stored file's random name, e.g. 'k3J...x.png' (the upload id)
    folder TEXT NOT NULL,                 -- under <data>/uploads/, e.g. 'avatars'
    user_id BIGINT NOT NULL,              -- no foreign key: a merge re-points these rows like sessions
    created_at BIGINT NOT NULL
);
CREATE INDEX member_uploads_user ON member_uploads(user_id);
-- Avatars stored before: each file belongs to the one member whose profile names it. A file that several
-- profiles name (one member pointed theirs at another's) belongs to nobody and is never deleted by a member.
INSERT INTO member_uploads(name, folder, user_id, created_at)
SELECT SUBSTR(avatar, 18), 'avatars', MIN(id), 0 FROM users
 WHERE avatar LIKE '/uploads/avatars/%'
 GROUP BY avatar HAVING COUNT(*) = 1;
