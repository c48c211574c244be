-- Moderation: reports on tips and the review of them; in-app notifications.

-- One row per report. A report stays after it is resolved, so the queue's history can be browsed;
-- it goes with its tip when the tip is deleted (the deletion itself is in audit_log).
CREATE TABLE reports (
  id              INTEGER PRIMARY KEY,
  post_id         INTEGER NOT NULL REFERENCES posts(id) ON DELETE CASCADE,
  reporter_id     INTEGER NOT NULL REFERENCES users(id),
  reason          TEXT NOT NULL CHECK (reason IN ('spam', 'incorrect', 'outdated', 'inappropriate', 'other')),
  comment         TEXT NOT NULL DEFAULT '',
  status          TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'resolved')),
  resolution      TEXT CHECK (resolution IN ('dismiss', 'hide')),
  resolution_note TEXT,
  resolved_by     INTEGER REFERENCES users(id),
  resolved_at     TEXT,
  created_at      TEXT NOT NULL,
  CHECK ((status = 'open') = (resolution IS NULL))
);
-- "One open report per member per tip" is a constraint, not only a check in code.
CREATE UNIQUE INDEX reports_one_open ON reports(post_id, reporter_id) WHERE status = 'open';
CREATE INDEX reports_status ON reports(status, id DESC);
CREATE INDEX reports_post ON reports(post_id, status);
CREATE INDEX reports_reporter ON reports(reporter_id, id DESC);

-- Generic in-app notifications: who receives it, what happened (kind), who did it (actor), to what
-- (target), and a free text (a reason, an excerpt). target_title is a snapshot so a notification
-- still reads well after its target is renamed or deleted. Comments and other domains reuse it.
CREATE TABLE notifications (
  id           INTEGER PRIMARY KEY,
  user_id      INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  kind         TEXT NOT NULL,
  actor_id     INTEGER REFERENCES users(id) ON DELETE SET NULL,
  target_type  TEXT NOT NULL,
  target_id    INTEGER,
  target_title TEXT NOT NULL DEFAULT '',
  text         TEXT NOT NULL DEFAULT '',
  created_at   TEXT NOT NULL,
  read_at      TEXT
);
CREATE INDEX notifications_user ON notifications(user_id, id DESC);
CREATE INDEX notifications_unread ON notifications(user_id) WHERE read_at IS NULL;

CREATE INDEX audit_log_target ON audit_log(target_type, target_id, id DESC);
