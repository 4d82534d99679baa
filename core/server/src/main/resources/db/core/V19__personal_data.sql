-- Personal data (PIPL, GDPR): the terms and the privacy notice in their published versions, the consent each member
-- gave to which version and when, and the erasure of an account.
CREATE TABLE legal_texts (
    document TEXT NOT NULL,               -- terms | privacy
    version INTEGER NOT NULL,             -- 1, 2, ...: a new version is published, never edited in place
    locale TEXT NOT NULL,                 -- en, zh-CN
    body TEXT NOT NULL,                   -- Markdown, as the operator wrote it
    published_by TEXT NOT NULL,           -- who published it, e.g. "admin@brand.example (#1)"
    published_at BIGINT NOT NULL,
    PRIMARY KEY (document, version, locale)
);

CREATE TABLE consents (
    id ${id},
    user_id BIGINT NOT NULL REFERENCES users(id),
    document TEXT NOT NULL,               -- terms | privacy
    version INTEGER NOT NULL,             -- 0 when the operator had published no text yet
    source TEXT NOT NULL,                 -- signup, api, import, claim, accepted (a later version, on the member's page)
    given_at BIGINT NOT NULL
);
CREATE INDEX consents_user ON consents(user_id, id);

ALTER TABLE users ADD COLUMN erased_at BIGINT;

-- A member's sign-in times, for their export (the KPIs read sign_ins by time).
CREATE INDEX sign_ins_user ON sign_ins(user_id, created_at);
