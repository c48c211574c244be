import { JST_SQL_MODIFIER } from '../shared/japan-time';
import type { Database } from '../db/database';

export interface AdoptionRow {
  post_id: number;
  user_id: number;
  department: string;
  minutes_saved_per_month: number;
  uses_per_month: number | null;
  minutes_saved_per_use: number | null;
  note: string;
  created_at: string;
  updated_at: string;
  username: string;
  display_name: string;
}

export interface Totals { adoptions: number; minutes: number }
export interface DepartmentTotals extends Totals { department: string }
export interface PostTotals extends Totals { postId: number }
export interface MonthTotals extends Totals { month: string }

// Impact counts only adoptions of published tips: a hidden tip is not part of what staff can reuse.
const COUNTED = `adoptions a JOIN posts p ON p.id = a.post_id AND p.status = 'published'`;
const SINCE = '(@since IS NULL OR a.created_at >= @since) AND (@until IS NULL OR a.created_at < @until)';

export function createImpactStore(db: Database) {
  const upsert = db.prepare(`INSERT INTO adoptions
    (post_id, user_id, department, minutes_saved_per_month, uses_per_month, minutes_saved_per_use, note, created_at, updated_at)
    VALUES (@postId, @userId, @department, @minutes, @uses, @perUse, @note, @now, @now)
    ON CONFLICT (post_id, user_id) DO UPDATE SET department = excluded.department,
      minutes_saved_per_month = excluded.minutes_saved_per_month, uses_per_month = excluded.uses_per_month,
      minutes_saved_per_use = excluded.minutes_saved_per_use, note = excluded.note, updated_at = excluded.updated_at`);
  const firstAdoption = db.prepare(`SELECT min(a.created_at) FROM ${COUNTED}`).pluck();
  const remove = db.prepare('DELETE FROM adoptions WHERE post_id = ? AND user_id = ?');
  const one = db.prepare(`SELECT a.*, u.username, u.display_name FROM adoptions a JOIN users u ON u.id = a.user_id
    WHERE a.post_id = ? AND a.user_id = ?`);
  const recent = db.prepare(`SELECT a.*, u.username, u.display_name FROM adoptions a JOIN users u ON u.id = a.user_id
    WHERE a.post_id = ? ORDER BY a.updated_at DESC, a.user_id DESC LIMIT ?`);
  const ofPosts = db.prepare(`SELECT post_id AS postId, count(*) AS adoptions, coalesce(sum(minutes_saved_per_month), 0) AS minutes
    FROM adoptions WHERE post_id IN (SELECT value FROM json_each(?)) GROUP BY post_id`);
  const totals = db.prepare(`SELECT count(*) AS adoptions, coalesce(sum(a.minutes_saved_per_month), 0) AS minutes
    FROM ${COUNTED} WHERE ${SINCE}`);
  const byDepartment = db.prepare(`SELECT a.department, count(*) AS adoptions, sum(a.minutes_saved_per_month) AS minutes
    FROM ${COUNTED} WHERE ${SINCE} GROUP BY a.department ORDER BY minutes DESC, adoptions DESC, a.department`);
  const topPosts = db.prepare(`SELECT a.post_id AS postId, count(*) AS adoptions, sum(a.minutes_saved_per_month) AS minutes
    FROM ${COUNTED} WHERE ${SINCE} GROUP BY a.post_id ORDER BY minutes DESC, adoptions DESC, a.post_id DESC LIMIT @limit`);
  // Months in Japan time (UTC+9 all year): an adoption on 1 April 08:00 JST belongs to April.
  const byMonth = db.prepare(`SELECT strftime('%Y-%m', a.created_at, '${JST_SQL_MODIFIER}') AS month, count(*) AS adoptions,
      sum(a.minutes_saved_per_month) AS minutes
    FROM ${COUNTED} WHERE a.created_at >= @since GROUP BY month ORDER BY month`);
  const minutesOfPost = db.prepare('SELECT minutes_saved_per_use FROM posts WHERE id = ?').pluck();
  const minutesOfPosts = db.prepare(`SELECT id, minutes_saved_per_use AS m FROM posts
    WHERE id IN (SELECT value FROM json_each(?))`);

  return {
    /** Records or replaces this member's adoption of a tip; the first report's date is kept. */
    upsert(a: { postId: number; userId: number; department: string; minutes: number; uses: number | null; perUse: number | null; note: string }, now: string) {
      upsert.run({ ...a, now });
    },
    remove: (postId: number, userId: number) => remove.run(postId, userId).changes > 0,
    one: (postId: number, userId: number) => one.get(postId, userId) as AdoptionRow | undefined,
    recent: (postId: number, limit: number) => recent.all(postId, limit) as AdoptionRow[],
    /** Adoption totals of many tips at once (every tip asked for is in the map). */
    totalsFor(postIds: readonly number[]): Map<number, Totals> {
      const out = new Map<number, Totals>(postIds.map((id) => [id, { adoptions: 0, minutes: 0 }]));
      if (postIds.length === 0) return out;
      for (const r of ofPosts.all(JSON.stringify(postIds)) as PostTotals[]) out.set(r.postId, { adoptions: r.adoptions, minutes: r.minutes });
      return out;
    },
    totals: (since: string | null, until: string | null = null) => totals.get({ since, until }) as Totals,
    byDepartment: (since: string | null, until: string | null = null) => byDepartment.all({ since, until }) as DepartmentTotals[],
    topPosts: (since: string | null, limit: number, until: string | null = null) => topPosts.all({ since, until, limit }) as PostTotals[],
    /** When the first counted adoption was reported, or null. */
    firstAdoptionAt: () => (firstAdoption.get() as string | null) ?? null,
    byMonth: (since: string) => byMonth.all({ since }) as MonthTotals[],
    minutesSavedPerUse: (postId: number) => minutesOfPost.get(postId) as number | null,
    minutesSavedPerUseOf(postIds: readonly number[]): Map<number, number | null> {
      if (postIds.length === 0) return new Map();
      const rows = minutesOfPosts.all(JSON.stringify(postIds)) as { id: number; m: number | null }[];
      return new Map(rows.map((r) => [r.id, r.m]));
    },
  };
}

export type ImpactStore = ReturnType<typeof createImpactStore>;
