-- Authoring depth: revisions, images, comments, tip requests (教えて) and templates.

-- Every save of a tip keeps its title, tags and body. `number` rises per tip; while a tip is a
-- draft, consecutive autosaves by its author replace the latest row (taking a new number), so
-- numbers may skip but never repeat.
CREATE TABLE post_revisions (
  id            INTEGER PRIMARY KEY,
  post_id       INTEGER NOT NULL REFERENCES posts(id) ON DELETE CASCADE,
  number        INTEGER NOT NULL,
  editor_id     INTEGER NOT NULL REFERENCES users(id),
  title         TEXT NOT NULL,
  tags          TEXT NOT NULL DEFAULT '[]',
  body          TEXT NOT NULL,
  restored_from INTEGER,
  created_at    TEXT NOT NULL,
  UNIQUE (post_id, number)
);

-- Tips written before this migration start their history with what they are now.
INSERT INTO post_revisions (post_id, number, editor_id, title, tags, body, created_at)
SELECT p.id, 1, p.author_id, p.title,
  (SELECT json_group_array(name) FROM (
     SELECT t.name FROM post_tags pt JOIN tags t ON t.id = pt.tag_id
     WHERE pt.post_id = p.id ORDER BY pt.position)),
  p.body, p.updated_at
FROM posts p;

-- Uploaded images live in the database, named by the SHA-256 of their bytes: no name or path
-- from the user ever reaches the file system, and one backup holds everything.
CREATE TABLE images (
  hash        TEXT PRIMARY KEY CHECK (length(hash) = 64),
  ext         TEXT NOT NULL CHECK (ext IN ('png', 'jpg', 'gif', 'webp')),
  mime        TEXT NOT NULL,
  size        INTEGER NOT NULL,
  data        BLOB NOT NULL,
  uploader_id INTEGER REFERENCES users(id),
  created_at  TEXT NOT NULL
);

CREATE TABLE comments (
  id            INTEGER PRIMARY KEY,
  post_id       INTEGER NOT NULL REFERENCES posts(id) ON DELETE CASCADE,
  author_id     INTEGER NOT NULL REFERENCES users(id),
  body          TEXT NOT NULL,
  html          TEXT NOT NULL,
  status        TEXT NOT NULL DEFAULT 'visible' CHECK (status IN ('visible', 'hidden')),
  hidden_reason TEXT,
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL
);
CREATE INDEX comments_post ON comments(post_id, status, id);
CREATE INDEX comments_author ON comments(author_id, id DESC);

-- 教えて: a member asks for a tip that does not exist yet; others vote and answer with tips.
CREATE TABLE tip_requests (
  id             INTEGER PRIMARY KEY,
  requester_id   INTEGER NOT NULL REFERENCES users(id),
  title          TEXT NOT NULL,
  body           TEXT NOT NULL DEFAULT '',
  html           TEXT NOT NULL DEFAULT '',
  status         TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'solved')),
  vote_count     INTEGER NOT NULL DEFAULT 0,
  solved_post_id INTEGER REFERENCES posts(id) ON DELETE SET NULL,
  solved_at      TEXT,
  created_at     TEXT NOT NULL,
  updated_at     TEXT NOT NULL
);
CREATE INDEX tip_requests_votes ON tip_requests(status, vote_count DESC, id DESC);
CREATE INDEX tip_requests_new ON tip_requests(status, created_at DESC, id DESC);

CREATE TABLE tip_request_votes (
  request_id INTEGER NOT NULL REFERENCES tip_requests(id) ON DELETE CASCADE,
  user_id    INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  created_at TEXT NOT NULL,
  PRIMARY KEY (request_id, user_id)
) WITHOUT ROWID;
CREATE INDEX tip_request_votes_user ON tip_request_votes(user_id);

CREATE TABLE tip_request_answers (
  request_id INTEGER NOT NULL REFERENCES tip_requests(id) ON DELETE CASCADE,
  post_id    INTEGER NOT NULL REFERENCES posts(id) ON DELETE CASCADE,
  linked_by  INTEGER NOT NULL REFERENCES users(id),
  created_at TEXT NOT NULL,
  PRIMARY KEY (request_id, post_id)
) WITHOUT ROWID;
CREATE INDEX tip_request_answers_post ON tip_request_answers(post_id);

-- Offered when starting a new tip; administrators keep the list.
CREATE TABLE templates (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL,
  name_norm   TEXT NOT NULL UNIQUE,
  description TEXT NOT NULL DEFAULT '',
  title       TEXT NOT NULL DEFAULT '',
  body        TEXT NOT NULL,
  tags        TEXT NOT NULL DEFAULT '[]',
  position    INTEGER NOT NULL DEFAULT 0,
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL
);

INSERT INTO templates (name, name_norm, description, title, body, tags, position, created_at, updated_at) VALUES
('困りごと・手順・効果', '困りごと・手順・効果', '基本の形：何に困っていて、どうすれば解決し、どれだけ楽になるか',
 '', '## 困りごと' || char(10) || char(10) || '（どんな場面で、何に困っていたか）' || char(10) || char(10) ||
 '## 手順' || char(10) || char(10) || '1. ' || char(10) || '2. ' || char(10) || '3. ' || char(10) || char(10) ||
 '## 効果' || char(10) || char(10) || '（どれだけ時間や手間が減ったか）' || char(10),
 '[]', 1, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
('ショートカット', 'ショートカット', 'キー操作ひとつで済むコツ',
 '', '## キー' || char(10) || char(10) || '`Ctrl` + `?`' || char(10) || char(10) ||
 '## できること' || char(10) || char(10) || char(10) || '## 使う場面' || char(10) || char(10),
 '["ショートカット"]', 2, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
