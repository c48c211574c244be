-- Foundation schema: accounts, sessions, tips, tags, views, likes, bookmarks, audit trail.
-- Times are ISO 8601 UTC strings, which sort as text.

CREATE TABLE users (
  id            INTEGER PRIMARY KEY,
  username      TEXT NOT NULL,
  username_norm TEXT NOT NULL UNIQUE,
  password_hash TEXT,
  display_name  TEXT NOT NULL,
  department    TEXT NOT NULL DEFAULT '',
  role          TEXT NOT NULL DEFAULT 'member' CHECK (role IN ('member', 'moderator', 'admin')),
  suspended     INTEGER NOT NULL DEFAULT 0 CHECK (suspended IN (0, 1)),
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL
);

-- The session id is stored as a SHA-256 hash: a copy of the database does not give live sessions.
CREATE TABLE sessions (
  id           TEXT PRIMARY KEY,
  user_id      INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  created_at   TEXT NOT NULL,
  last_seen_at TEXT NOT NULL,
  expires_at   TEXT NOT NULL
);
CREATE INDEX sessions_user ON sessions(user_id);

CREATE TABLE posts (
  id            INTEGER PRIMARY KEY,
  author_id     INTEGER NOT NULL REFERENCES users(id),
  title         TEXT NOT NULL,
  body          TEXT NOT NULL,
  html          TEXT NOT NULL,
  status        TEXT NOT NULL DEFAULT 'published' CHECK (status IN ('published', 'hidden', 'draft')),
  hidden_reason TEXT,
  view_count    INTEGER NOT NULL DEFAULT 0,
  like_count    INTEGER NOT NULL DEFAULT 0,
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL
);
CREATE INDEX posts_new ON posts(status, created_at DESC, id DESC);
CREATE INDEX posts_popular ON posts(status, view_count DESC, id DESC);
CREATE INDEX posts_author ON posts(author_id, created_at DESC, id DESC);

-- name keeps the first spelling for display; norm (NFKC + case fold) is what matches.
CREATE TABLE tags (
  id         INTEGER PRIMARY KEY,
  name       TEXT NOT NULL,
  norm       TEXT NOT NULL UNIQUE,
  post_count INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL
);
CREATE INDEX tags_count ON tags(post_count DESC, norm);

CREATE TABLE post_tags (
  post_id  INTEGER NOT NULL REFERENCES posts(id) ON DELETE CASCADE,
  tag_id   INTEGER NOT NULL REFERENCES tags(id),
  position INTEGER NOT NULL,
  PRIMARY KEY (post_id, tag_id)
) WITHOUT ROWID;
CREATE INDEX post_tags_tag ON post_tags(tag_id, post_id);

-- One row per user, tip and Japan day: the dedupe key for views.
CREATE TABLE post_views (
  post_id INTEGER NOT NULL REFERENCES posts(id) ON DELETE CASCADE,
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  day     TEXT NOT NULL,
  PRIMARY KEY (post_id, user_id, day)
) WITHOUT ROWID;

-- Per-tip daily totals, so any period can be ranked without scanning post_views.
CREATE TABLE post_view_daily (
  post_id INTEGER NOT NULL REFERENCES posts(id) ON DELETE CASCADE,
  day     TEXT NOT NULL,
  views   INTEGER NOT NULL,
  PRIMARY KEY (post_id, day)
) WITHOUT ROWID;
CREATE INDEX post_view_daily_day ON post_view_daily(day, post_id);

CREATE TABLE likes (
  post_id    INTEGER NOT NULL REFERENCES posts(id) ON DELETE CASCADE,
  user_id    INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  created_at TEXT NOT NULL,
  PRIMARY KEY (post_id, user_id)
) WITHOUT ROWID;
CREATE INDEX likes_user ON likes(user_id);

CREATE TABLE bookmarks (
  post_id    INTEGER NOT NULL REFERENCES posts(id) ON DELETE CASCADE,
  user_id    INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  created_at TEXT NOT NULL,
  PRIMARY KEY (post_id, user_id)
) WITHOUT ROWID;
CREATE INDEX bookmarks_user ON bookmarks(user_id, created_at DESC);

-- Append-only: the app has no statement that updates or deletes these rows.
CREATE TABLE audit_log (
  id          INTEGER PRIMARY KEY,
  at          TEXT NOT NULL,
  actor_id    INTEGER REFERENCES users(id),
  action      TEXT NOT NULL,
  target_type TEXT NOT NULL,
  target_id   INTEGER,
  detail      TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_log_actor ON audit_log(actor_id, id DESC);
CREATE INDEX audit_log_action ON audit_log(action, id DESC);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
