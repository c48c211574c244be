import type { Database } from '../db/database';
import { addDays, daysBetween } from '../shared/japan-time';

/** Rolling ranking windows in Japan days, today included. */
export const WINDOW_DAYS = { week: 7, month: 30, year: 365 } as const;
export type WindowPeriod = keyof typeof WINDOW_DAYS;
export const WINDOW_PERIODS = Object.keys(WINDOW_DAYS) as WindowPeriod[];

/** The first day of `period`'s window that ends on `today`. */
export const windowStart = (period: WindowPeriod, today: string) => addDays(today, 1 - WINDOW_DAYS[period]);

/**
 * post_window_views: each tip's views over the rolling week / month / year ending on the day
 * recorded in popularity_state. Views are added as they are written; once a day the window
 * moves, taking away the day that left it (a scan of one day's rows, not of the whole year).
 */
export function createWindowStore(db: Database) {
  const getDay = db.prepare(`SELECT value FROM popularity_state WHERE key = 'window_day'`).pluck();
  const setDay = db.prepare(`INSERT INTO popularity_state (key, value) VALUES ('window_day', ?)
    ON CONFLICT (key) DO UPDATE SET value = excluded.value`);
  const clear = db.prepare('DELETE FROM post_window_views WHERE period = ?');
  const fill = db.prepare(`INSERT INTO post_window_views (period, post_id, views, likes)
    SELECT @period, d.post_id, d.views, p.like_count
    FROM (SELECT post_id, SUM(views) AS views FROM post_view_daily WHERE day BETWEEN @from AND @to GROUP BY post_id) d
    JOIN posts p ON p.id = d.post_id`);
  const subtract = db.prepare(`UPDATE post_window_views SET views = post_window_views.views - d.n
    FROM (SELECT post_id, SUM(views) AS n FROM post_view_daily WHERE day BETWEEN @from AND @to GROUP BY post_id) d
    WHERE post_window_views.period = @period AND post_window_views.post_id = d.post_id`);
  const dropEmpty = db.prepare('DELETE FROM post_window_views WHERE period = ? AND views <= 0');
  const add = db.prepare(`INSERT INTO post_window_views (period, post_id, views, likes)
    SELECT @period, id, @n, like_count FROM posts WHERE id = @postId
    ON CONFLICT (period, post_id) DO UPDATE SET views = views + excluded.views`);
  const syncLikes = db.prepare(`UPDATE post_window_views SET likes = (SELECT like_count FROM posts WHERE id = @postId)
    WHERE period IN ('week', 'month', 'year') AND post_id = @postId`);
  const removePost = db.prepare(`DELETE FROM post_window_views WHERE period IN ('week', 'month', 'year') AND post_id = ?`);

  /** The day the table currently ends on, cached: the check on every flush and ranking is free. */
  let current: string | null = null;

  function rebuild(period: WindowPeriod, today: string) {
    clear.run(period);
    fill.run({ period, from: windowStart(period, today), to: today });
  }

  const moveTo = db.transaction((today: string) => {
    const stored = getDay.get() as string | undefined;
    if (stored === today) return;
    for (const period of WINDOW_PERIODS) {
      const gap = stored === undefined ? Infinity : daysBetween(stored, today);
      // A clock that went back, a first start or a long stop: sum the window afresh.
      if (gap < 0 || gap >= WINDOW_DAYS[period]) {
        rebuild(period, today);
      } else {
        // The days that left: from the old window's first day to the day before the new one's.
        subtract.run({ period, from: windowStart(period, stored as string), to: addDays(windowStart(period, today), -1) });
        dropEmpty.run(period);
      }
    }
    setDay.run(today);
  });

  return {
    /** Moves the windows so they end on `today`; call before reading or adding to them. */
    ensure(today: string) {
      if (current === today) return;
      moveTo(today);
      current = today;
    },
    /** Adds `n` views of `day` to every window (ending on `today`) that contains that day. */
    addViews(postId: number, day: string, n: number, today: string) {
      for (const period of WINDOW_PERIODS) {
        if (day >= windowStart(period, today) && day <= today) add.run({ period, postId, n });
      }
    },
    /** Copies the tip's like count, the ranking tie-breaker, after it changed. */
    syncLikes: (postId: number) => { syncLikes.run({ postId }); },
    removePost: (postId: number) => { removePost.run(postId); },
    /** Sums every window afresh from the daily totals (first start of a big database, checks). */
    rebuildAll(today: string) {
      db.transaction(() => {
        for (const period of WINDOW_PERIODS) rebuild(period, today);
        setDay.run(today);
      })();
      current = today;
    },
  };
}

export type WindowStore = ReturnType<typeof createWindowStore>;
