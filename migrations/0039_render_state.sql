-- Which renderer version the stored HTML of each table was made with, and how far a re-render has
-- come (server/markdown/rerender.ts): tips, comments and 教えて requests keep their HTML, so a fix to
-- the renderer reaches old rows only when they are rendered again. after_id -1: done.
CREATE TABLE render_state (
  source   TEXT PRIMARY KEY CHECK (source IN ('posts', 'comments', 'tip_requests')),
  version  INTEGER NOT NULL,
  after_id INTEGER NOT NULL DEFAULT 0
);
