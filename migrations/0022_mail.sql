-- Mail on the intranet's SMTP server (issue 20, part 6): each member's choices and an outbox
-- drained in the background, so sending never holds up a request.

CREATE TABLE mail_settings (
  user_id          INTEGER PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
  email            TEXT,
  on_mentions      INTEGER NOT NULL DEFAULT 0 CHECK (on_mentions IN (0, 1)),
  digest           INTEGER NOT NULL DEFAULT 0 CHECK (digest IN (0, 1)),
  -- Random; only turns this member's mail off, from the link in every message.
  unsubscribe_token TEXT NOT NULL UNIQUE,
  -- The last weekly digest sent (or when the digest was turned on).
  digest_sent_at   TEXT,
  updated_at       TEXT NOT NULL
);

CREATE TABLE mail_outbox (
  id              INTEGER PRIMARY KEY,
  user_id         INTEGER REFERENCES users(id) ON DELETE CASCADE,
  to_addr         TEXT NOT NULL,
  subject         TEXT NOT NULL,
  text            TEXT NOT NULL,
  html            TEXT NOT NULL,
  unsubscribe_url TEXT,
  attempts        INTEGER NOT NULL DEFAULT 0,
  -- NULL once sent or given up.
  next_attempt_at TEXT,
  sent_at         TEXT,
  last_error      TEXT,
  created_at      TEXT NOT NULL
);
CREATE INDEX mail_outbox_due ON mail_outbox(next_attempt_at) WHERE next_attempt_at IS NOT NULL;
