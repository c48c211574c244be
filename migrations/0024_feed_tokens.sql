-- Personal feed tokens (docs/AUTHORING.md, "Feeds"): a feed reader cannot sign in, so a member
-- makes a token for it; the token is stored only as its SHA-256, shown once, and revocable.
CREATE TABLE feed_tokens (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  token_hash TEXT NOT NULL UNIQUE,
  label TEXT NOT NULL,
  created_at TEXT NOT NULL,
  last_used_at TEXT
);
CREATE INDEX feed_tokens_user ON feed_tokens(user_id);
