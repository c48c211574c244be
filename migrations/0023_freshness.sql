-- Freshness (docs/AUTHORING.md, "Freshness"): an author or moderator may confirm that a tip
-- unchanged for a long time is still right, without editing it (no revision, no new date).
ALTER TABLE posts ADD COLUMN confirmed_at TEXT;
ALTER TABLE posts ADD COLUMN confirmed_by INTEGER REFERENCES users(id) ON DELETE SET NULL;
