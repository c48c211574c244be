-- Per-member copies of uploaded images (issue 16 part 9): deduplication is per member. The first
-- upload of some bytes stores them in images.data; another member who uploads the same bytes gets
-- a copy of their own here, written and charged to their quota as new bytes are, so neither the
-- answer, nor the quota, nor the time or space an upload takes tells a member that someone else
-- uploaded the image first (server/images/store.ts). A member's own re-upload stores nothing.
-- A copy goes with its image (the sweep) or its member.
CREATE TABLE image_copies (
  hash    TEXT NOT NULL REFERENCES images(hash) ON DELETE CASCADE,
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  data    BLOB NOT NULL,
  PRIMARY KEY (hash, user_id)
);
