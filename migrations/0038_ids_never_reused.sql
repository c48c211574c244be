-- A deleted row's id is never given to a new row (tips, comments, 教えて requests, templates,
-- DX award nominations). SQLite gives a new row max(id) + 1, so deleting the newest tip handed its
-- id to the next one, while links pasted into mail, notifications, mentions, queued mail and the
-- audit trail still named it. Each table's highest deleted id is kept here, and a new row's id is
-- above it (server/db/ids.ts). AUTOINCREMENT would do the same but needs each table rebuilt.
CREATE TABLE id_high_water (
  tbl  TEXT PRIMARY KEY,
  high INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TRIGGER posts_id_high_water AFTER DELETE ON posts BEGIN
  INSERT INTO id_high_water (tbl, high) VALUES ('posts', old.id)
    ON CONFLICT (tbl) DO UPDATE SET high = max(high, excluded.high);
END;
CREATE TRIGGER comments_id_high_water AFTER DELETE ON comments BEGIN
  INSERT INTO id_high_water (tbl, high) VALUES ('comments', old.id)
    ON CONFLICT (tbl) DO UPDATE SET high = max(high, excluded.high);
END;
CREATE TRIGGER tip_requests_id_high_water AFTER DELETE ON tip_requests BEGIN
  INSERT INTO id_high_water (tbl, high) VALUES ('tip_requests', old.id)
    ON CONFLICT (tbl) DO UPDATE SET high = max(high, excluded.high);
END;
CREATE TRIGGER templates_id_high_water AFTER DELETE ON templates BEGIN
  INSERT INTO id_high_water (tbl, high) VALUES ('templates', old.id)
    ON CONFLICT (tbl) DO UPDATE SET high = max(high, excluded.high);
END;
CREATE TRIGGER award_nominations_id_high_water AFTER DELETE ON award_nominations BEGIN
  INSERT INTO id_high_water (tbl, high) VALUES ('award_nominations', old.id)
    ON CONFLICT (tbl) DO UPDATE SET high = max(high, excluded.high);
END;

-- Rows deleted before this migration left no mark: the highest id still named anywhere stands in.
INSERT INTO id_high_water (tbl, high)
SELECT 'posts', ifnull(max(id), 0) FROM (
  SELECT max(id) AS id FROM posts
  UNION ALL SELECT max(target_id) FROM audit_log WHERE target_type = 'post'
  UNION ALL SELECT max(target_id) FROM notifications WHERE target_type = 'post'
  UNION ALL SELECT max(subject_id) FROM notifications WHERE subject_type = 'post'
  UNION ALL SELECT max(source_id) FROM mentions WHERE source_type = 'post'
  UNION ALL SELECT max(post_id) FROM mail_outbox);
INSERT INTO id_high_water (tbl, high)
SELECT 'comments', ifnull(max(id), 0) FROM (
  SELECT max(id) AS id FROM comments
  UNION ALL SELECT max(target_id) FROM audit_log WHERE target_type = 'comment'
  UNION ALL SELECT max(target_id) FROM notifications WHERE target_type = 'comment'
  UNION ALL SELECT max(subject_id) FROM notifications WHERE subject_type = 'comment'
  UNION ALL SELECT max(source_id) FROM mentions WHERE source_type = 'comment'
  UNION ALL SELECT max(comment_id) FROM mail_outbox);
INSERT INTO id_high_water (tbl, high)
SELECT 'tip_requests', ifnull(max(id), 0) FROM (
  SELECT max(id) AS id FROM tip_requests
  UNION ALL SELECT max(target_id) FROM audit_log WHERE target_type = 'request'
  UNION ALL SELECT max(target_id) FROM notifications WHERE target_type = 'request');
INSERT INTO id_high_water (tbl, high)
SELECT 'templates', ifnull(max(id), 0) FROM (
  SELECT max(id) AS id FROM templates
  UNION ALL SELECT max(target_id) FROM audit_log WHERE target_type = 'template');
INSERT INTO id_high_water (tbl, high)
SELECT 'award_nominations', ifnull(max(id), 0) FROM (
  SELECT max(id) AS id FROM award_nominations
  UNION ALL SELECT max(target_id) FROM audit_log WHERE target_type = 'award_nomination');
