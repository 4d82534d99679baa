-- Who did what to the platform (plugins installed, upgraded, removed, switched on and off, ...): one row per act,
-- never updated. Times are epoch milliseconds (UTC).
CREATE TABLE audit_log (
    id ${id},
    at BIGINT NOT NULL,
    actor TEXT NOT NULL,      -- "admin@brand.example (#1)", "API key shop-sync", "plugins folder"
    action TEXT NOT NULL,     -- e.g. plugin.installed
    target TEXT NOT NULL,     -- e.g. plugin:badges
    detail TEXT NOT NULL      -- one sentence
);
CREATE INDEX audit_log_target ON audit_log(target, id);
