-- Per-member image quota (server/images/quota.ts): every upload that stored new bytes is logged,
-- so the bytes a member added in the last 24 hours are counted even after the sweep removed
-- the images. Rows older than two days are dropped by the sweep.
CREATE TABLE image_uploads (
  id         INTEGER PRIMARY KEY,
  user_id    INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  hash       TEXT NOT NULL,
  size       INTEGER NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX image_uploads_user ON image_uploads(user_id, created_at);
CREATE INDEX images_uploader ON images(uploader_id);
CREATE INDEX images_created ON images(created_at);
