-- Which content names which uploaded image (server/images/refs.ts): one row per (image, place).
-- Kept in step by triggers on every table that holds member-written Markdown, so no write path
-- can forget it; the triggers call kotsu_image_refs(body), a function every connection opened
-- by openDatabase registers (a tool writing these tables without it fails with "no such function").
-- Read by the image route (an image is shown to whoever may read one place that names it, or
-- to whoever uploaded its bytes) and by the sweep (an image named nowhere is removed).
CREATE TABLE image_refs (
  hash      TEXT NOT NULL,
  source    TEXT NOT NULL CHECK (source IN ('post', 'revision', 'comment', 'request', 'template')),
  source_id INTEGER NOT NULL,
  PRIMARY KEY (hash, source, source_id)
) WITHOUT ROWID;
CREATE INDEX image_refs_source ON image_refs(source, source_id);

-- Everyone who uploaded an image's bytes (the same bytes are stored once, under the first
-- uploader): they may see it before anything names it, e.g. in the editor's preview.
CREATE TABLE image_holders (
  hash    TEXT NOT NULL REFERENCES images(hash) ON DELETE CASCADE,
  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  PRIMARY KEY (hash, user_id)
) WITHOUT ROWID;
CREATE INDEX image_holders_user ON image_holders(user_id);
INSERT INTO image_holders (hash, user_id) SELECT hash, uploader_id FROM images WHERE uploader_id IS NOT NULL;
INSERT OR IGNORE INTO image_holders (hash, user_id)
  SELECT u.hash, u.user_id FROM image_uploads u JOIN images i ON i.hash = u.hash;


-- posts
INSERT OR IGNORE INTO image_refs (hash, source, source_id)
  SELECT r.value, 'post', t.id FROM posts t, json_each(kotsu_image_refs(t.body)) r;
CREATE TRIGGER posts_image_refs_insert AFTER INSERT ON posts BEGIN
  INSERT OR IGNORE INTO image_refs (hash, source, source_id)
    SELECT value, 'post', NEW.id FROM json_each(kotsu_image_refs(NEW.body));
END;
CREATE TRIGGER posts_image_refs_update AFTER UPDATE OF body ON posts WHEN OLD.body IS NOT NEW.body BEGIN
  DELETE FROM image_refs WHERE source = 'post' AND source_id = OLD.id;
  INSERT OR IGNORE INTO image_refs (hash, source, source_id)
    SELECT value, 'post', NEW.id FROM json_each(kotsu_image_refs(NEW.body));
END;
CREATE TRIGGER posts_image_refs_delete AFTER DELETE ON posts BEGIN
  DELETE FROM image_refs WHERE source = 'post' AND source_id = OLD.id;
END;

-- post_revisions
INSERT OR IGNORE INTO image_refs (hash, source, source_id)
  SELECT r.value, 'revision', t.id FROM post_revisions t, json_each(kotsu_image_refs(t.body)) r;
CREATE TRIGGER post_revisions_image_refs_insert AFTER INSERT ON post_revisions BEGIN
  INSERT OR IGNORE INTO image_refs (hash, source, source_id)
    SELECT value, 'revision', NEW.id FROM json_each(kotsu_image_refs(NEW.body));
END;
CREATE TRIGGER post_revisions_image_refs_update AFTER UPDATE OF body ON post_revisions WHEN OLD.body IS NOT NEW.body BEGIN
  DELETE FROM image_refs WHERE source = 'revision' AND source_id = OLD.id;
  INSERT OR IGNORE INTO image_refs (hash, source, source_id)
    SELECT value, 'revision', NEW.id FROM json_each(kotsu_image_refs(NEW.body));
END;
CREATE TRIGGER post_revisions_image_refs_delete AFTER DELETE ON post_revisions BEGIN
  DELETE FROM image_refs WHERE source = 'revision' AND source_id = OLD.id;
END;

-- comments
INSERT OR IGNORE INTO image_refs (hash, source, source_id)
  SELECT r.value, 'comment', t.id FROM comments t, json_each(kotsu_image_refs(t.body)) r;
CREATE TRIGGER comments_image_refs_insert AFTER INSERT ON comments BEGIN
  INSERT OR IGNORE INTO image_refs (hash, source, source_id)
    SELECT value, 'comment', NEW.id FROM json_each(kotsu_image_refs(NEW.body));
END;
CREATE TRIGGER comments_image_refs_update AFTER UPDATE OF body ON comments WHEN OLD.body IS NOT NEW.body BEGIN
  DELETE FROM image_refs WHERE source = 'comment' AND source_id = OLD.id;
  INSERT OR IGNORE INTO image_refs (hash, source, source_id)
    SELECT value, 'comment', NEW.id FROM json_each(kotsu_image_refs(NEW.body));
END;
CREATE TRIGGER comments_image_refs_delete AFTER DELETE ON comments BEGIN
  DELETE FROM image_refs WHERE source = 'comment' AND source_id = OLD.id;
END;

-- tip_requests
INSERT OR IGNORE INTO image_refs (hash, source, source_id)
  SELECT r.value, 'request', t.id FROM tip_requests t, json_each(kotsu_image_refs(t.body)) r;
CREATE TRIGGER tip_requests_image_refs_insert AFTER INSERT ON tip_requests BEGIN
  INSERT OR IGNORE INTO image_refs (hash, source, source_id)
    SELECT value, 'request', NEW.id FROM json_each(kotsu_image_refs(NEW.body));
END;
CREATE TRIGGER tip_requests_image_refs_update AFTER UPDATE OF body ON tip_requests WHEN OLD.body IS NOT NEW.body BEGIN
  DELETE FROM image_refs WHERE source = 'request' AND source_id = OLD.id;
  INSERT OR IGNORE INTO image_refs (hash, source, source_id)
    SELECT value, 'request', NEW.id FROM json_each(kotsu_image_refs(NEW.body));
END;
CREATE TRIGGER tip_requests_image_refs_delete AFTER DELETE ON tip_requests BEGIN
  DELETE FROM image_refs WHERE source = 'request' AND source_id = OLD.id;
END;

-- templates
INSERT OR IGNORE INTO image_refs (hash, source, source_id)
  SELECT r.value, 'template', t.id FROM templates t, json_each(kotsu_image_refs(t.body)) r;
CREATE TRIGGER templates_image_refs_insert AFTER INSERT ON templates BEGIN
  INSERT OR IGNORE INTO image_refs (hash, source, source_id)
    SELECT value, 'template', NEW.id FROM json_each(kotsu_image_refs(NEW.body));
END;
CREATE TRIGGER templates_image_refs_update AFTER UPDATE OF body ON templates WHEN OLD.body IS NOT NEW.body BEGIN
  DELETE FROM image_refs WHERE source = 'template' AND source_id = OLD.id;
  INSERT OR IGNORE INTO image_refs (hash, source, source_id)
    SELECT value, 'template', NEW.id FROM json_each(kotsu_image_refs(NEW.body));
END;
CREATE TRIGGER templates_image_refs_delete AFTER DELETE ON templates BEGIN
  DELETE FROM image_refs WHERE source = 'template' AND source_id = OLD.id;
END;
