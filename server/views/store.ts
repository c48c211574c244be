import type { Database } from '../db/database';

/** The Japan calendar day (Asia/Tokyo, UTC+9 all year) of an instant, as YYYY-MM-DD. */
export function japanDay(at: Date): string {
  return new Date(at.getTime() + 9 * 3600_000).toISOString().slice(0, 10);
}

export function createViewStore(db: Database) {
  const mark = db.prepare('INSERT OR IGNORE INTO post_views (post_id, user_id, day) VALUES (?, ?, ?)');
  const daily = db.prepare(`INSERT INTO post_view_daily (post_id, day, views) VALUES (?, ?, 1)
    ON CONFLICT (post_id, day) DO UPDATE SET views = views + 1`);
  const bump = db.prepare('UPDATE posts SET view_count = view_count + 1 WHERE id = ?');
  const count = db.prepare('SELECT view_count FROM posts WHERE id = ?').pluck();

  return {
    /** Counts a view unless this user already viewed the tip that day; returns the tip's total. */
    record: db.transaction((postId: number, userId: number, day: string): number => {
      if (mark.run(postId, userId, day).changes === 1) {
        daily.run(postId, day);
        bump.run(postId);
      }
      return count.get(postId) as number;
    }),
  };
}

export type ViewStore = ReturnType<typeof createViewStore>;
