-- Popularity: unique viewers, bookmark counts, the trending score and rolling ranking windows.

ALTER TABLE posts ADD COLUMN viewer_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE posts ADD COLUMN bookmark_count INTEGER NOT NULL DEFAULT 0;
-- log2 of the forward-decayed activity score (server/popularity/trend.ts); -1e9 means no activity.
-- Ordering by it at any moment is ordering by the decayed score, so it can be indexed.
ALTER TABLE posts ADD COLUMN trend REAL NOT NULL DEFAULT -1e9;

CREATE INDEX posts_trending ON posts(status, trend DESC, id DESC);

UPDATE posts SET
  viewer_count = (SELECT COUNT(DISTINCT user_id) FROM post_views v WHERE v.post_id = posts.id),
  bookmark_count = (SELECT COUNT(*) FROM bookmarks b WHERE b.post_id = posts.id);

-- Views per tip over the rolling windows ending on the Japan day in popularity_state
-- ('window_day'): week = 7 days, month = 30, year = 365, today included. Kept in step by the
-- view flush, shifted once a day, so a ranking is an index scan instead of a sum over days.
-- likes mirrors posts.like_count, the tie-breaker, so the ranking order is the index order.
-- No foreign key: a cascade could not use the (period, post_id) key; tip deletion removes rows.
CREATE TABLE post_window_views (
  period  TEXT NOT NULL CHECK (period IN ('week', 'month', 'year')),
  post_id INTEGER NOT NULL,
  views   INTEGER NOT NULL,
  likes   INTEGER NOT NULL,
  PRIMARY KEY (period, post_id)
) WITHOUT ROWID;
CREATE INDEX post_window_views_rank ON post_window_views(period, views DESC, likes DESC, post_id DESC);

CREATE TABLE popularity_state (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;

-- "Likes this month" for an author's tips, and the trend rebuild, read likes by post and time.
CREATE INDEX likes_post_time ON likes(post_id, created_at);
