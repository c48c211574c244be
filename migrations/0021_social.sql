-- Social: following tags and people (with a batched in-app inbox), mentions, one-level comment
-- replies (issue 20, parts 1 and 2).

CREATE TABLE tag_follows (
  user_id    INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  tag_id     INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
  created_at TEXT NOT NULL,
  PRIMARY KEY (user_id, tag_id)
) WITHOUT ROWID;
CREATE INDEX tag_follows_tag ON tag_follows(tag_id, user_id);

CREATE TABLE user_follows (
  follower_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  followee_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  created_at  TEXT NOT NULL,
  PRIMARY KEY (follower_id, followee_id),
  CHECK (follower_id <> followee_id)
) WITHOUT ROWID;
CREATE INDEX user_follows_followee ON user_follows(followee_id, follower_id);

-- New tips waiting to be told to their followers: filled inside the tip's publishing transaction,
-- drained in batches (server/follows/deliver.ts) so nobody gets one notification per tip.
CREATE TABLE follow_inbox (
  user_id    INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  post_id    INTEGER NOT NULL REFERENCES posts(id) ON DELETE CASCADE,
  created_at TEXT NOT NULL,
  PRIMARY KEY (user_id, post_id)
) WITHOUT ROWID;

-- Who has been told they were mentioned where: each person hears once per tip or comment,
-- however often it is edited.
CREATE TABLE mentions (
  source_type TEXT NOT NULL CHECK (source_type IN ('post', 'comment')),
  source_id   INTEGER NOT NULL,
  user_id     INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  created_at  TEXT NOT NULL,
  PRIMARY KEY (source_type, source_id, user_id)
) WITHOUT ROWID;

-- A reply answers a top-level comment (one level only; the service enforces it).
ALTER TABLE comments ADD COLUMN parent_id INTEGER REFERENCES comments(id) ON DELETE CASCADE;
CREATE INDEX comments_parent ON comments(parent_id) WHERE parent_id IS NOT NULL;
