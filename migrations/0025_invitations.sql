-- Invitations (docs/SOCIAL.md, "Invitations"): one-time, expiring sign-up links for staff imported
-- without a password (local sign-in). Only the SHA-256 of a link's token is stored.
CREATE TABLE invitations (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  token_hash TEXT NOT NULL UNIQUE,
  created_by INTEGER REFERENCES users(id) ON DELETE SET NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  used_at TEXT
);
CREATE INDEX invitations_user ON invitations(user_id);
