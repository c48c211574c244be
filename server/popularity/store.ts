import type { Database, Statement } from 'better-sqlite3';
import { SUMMARY_COLUMNS, type PostSummaryRow } from '../posts/store';
import type { WindowPeriod } from '../views/windows';
import { eventExponent, LIKE_WEIGHT, NO_TREND, rebuildParams, TREND_ADD_SQL, TREND_SUB_SQL, TREND_VERSION } from './trend';

export type RankingPeriod = WindowPeriod | 'all';

export interface RankingFilter {
  period: RankingPeriod;
  tagId?: number;
  department?: string;
  /** Leave out tips whose author is in this department ("popular in other departments"). */
  notDepartment?: string;
  limit: number;
  /** Keyset paging: the [views, likes, post id] of the last tip already shown. */
  after?: readonly [number, number, number];
}

/** One department's figures on the leaderboard. */
export interface DepartmentRow { department: string; tips: number; views: number; adoptionsReceived: number; adoptionsReported: number }

/** A tip ready to present, with its views in the period and likes. */
export type RankedRow = PostSummaryRow & { ranked_views: number; ranked_likes: number };

export function createPopularityStore(db: Database) {
  const insertLike = db.prepare('INSERT OR IGNORE INTO likes (post_id, user_id, created_at) VALUES (?, ?, ?)');
  const likedAt = db.prepare('SELECT created_at FROM likes WHERE post_id = ? AND user_id = ?').pluck();
  const deleteLike = db.prepare('DELETE FROM likes WHERE post_id = ? AND user_id = ?');
  const likeUp = db.prepare(`UPDATE posts SET like_count = like_count + 1, trend = ${TREND_ADD_SQL} WHERE id = @postId`);
  const likeDown = db.prepare(`UPDATE posts SET like_count = like_count - 1, trend = ${TREND_SUB_SQL} WHERE id = @postId`);
  const likeCount = db.prepare('SELECT like_count FROM posts WHERE id = ?').pluck();
  const isLiked = db.prepare('SELECT 1 FROM likes WHERE post_id = ? AND user_id = ?').pluck();

  const insertBookmark = db.prepare('INSERT OR IGNORE INTO bookmarks (post_id, user_id, created_at) VALUES (?, ?, ?)');
  const deleteBookmark = db.prepare('DELETE FROM bookmarks WHERE post_id = ? AND user_id = ?');
  const bookmarkCount = db.prepare('UPDATE posts SET bookmark_count = bookmark_count + ? WHERE id = ?');
  const isBookmarked = db.prepare('SELECT 1 FROM bookmarks WHERE post_id = ? AND user_id = ?').pluck();
  const bookmarkedBy = db.prepare(`SELECT post_id FROM bookmarks WHERE user_id = ?
    AND post_id IN (SELECT value FROM json_each(?))`).pluck();
  const bookmarksFrom = `SELECT ${SUMMARY_COLUMNS}, b.created_at AS bookmarked_at
    FROM bookmarks b JOIN posts p ON p.id = b.post_id JOIN users u ON u.id = p.author_id`;
  const bookmarksFirst = db.prepare(`${bookmarksFrom} WHERE b.user_id = @userId AND p.status = 'published'
    ORDER BY b.created_at DESC, b.post_id DESC LIMIT @limit`);
  const bookmarksAfter = db.prepare(`${bookmarksFrom} WHERE b.user_id = @userId AND p.status = 'published'
    AND (b.created_at, b.post_id) < (@k0, @k1) ORDER BY b.created_at DESC, b.post_id DESC LIMIT @limit`);

  const authorTips = db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM posts p JOIN users u ON u.id = p.author_id
    WHERE p.author_id = ? AND p.status IN ('published', 'hidden')
    ORDER BY p.view_count DESC, p.like_count DESC, p.id DESC`);
  const authorViewsSince = db.prepare(`SELECT d.post_id AS id, SUM(d.views) AS n FROM post_view_daily d
    JOIN posts p ON p.id = d.post_id WHERE p.author_id = ? AND d.day >= ? GROUP BY d.post_id`);
  const authorLikesSince = db.prepare(`SELECT l.post_id AS id, COUNT(*) AS n FROM likes l
    JOIN posts p ON p.id = l.post_id WHERE p.author_id = ? AND l.created_at >= ? GROUP BY l.post_id`);
  const authorViewers = db.prepare(`SELECT COUNT(DISTINCT v.user_id) FROM post_views v
    JOIN posts p ON p.id = v.post_id WHERE p.author_id = ? AND p.status IN ('published', 'hidden')`).pluck();
  const authorDaily = db.prepare(`SELECT d.day, SUM(d.views) AS views FROM post_view_daily d
    JOIN posts p ON p.id = d.post_id WHERE p.author_id = ? AND d.day BETWEEN ? AND ? GROUP BY d.day`);
  const postDaily = db.prepare('SELECT day, views FROM post_view_daily WHERE post_id = ? AND day BETWEEN ? AND ?');

  const trendVersion = db.prepare(`SELECT value FROM popularity_state WHERE key = 'trend_version'`).pluck();
  const setTrendVersion = db.prepare(`INSERT INTO popularity_state (key, value) VALUES ('trend_version', ?)
    ON CONFLICT (key) DO UPDATE SET value = excluded.value`);
  // Views count at noon (Japan) of their day: the daily totals keep no finer time. Exponents are
  // taken relative to now (@ref), so the sum cannot overflow; what underflows is worth nothing today.
  const rebuildTrend = db.prepare(`WITH ev AS (
      SELECT post_id, (julianday(day || ' 03:00:00') - @t0) / @h + log2(views * @viewWeight) AS e FROM post_view_daily
      UNION ALL
      SELECT post_id, (julianday(created_at) - @t0) / @h + log2(@likeWeight) FROM likes
    ), total AS (SELECT post_id, @ref + log2(sum(pow(2, e - @ref))) AS trend FROM ev GROUP BY post_id)
    UPDATE posts SET trend = coalesce(total.trend, @none) FROM total WHERE total.post_id = posts.id`);
  const clearTrend = db.prepare('UPDATE posts SET trend = ? WHERE trend <> ?');

  // Ranking statements depend only on which filters are present; each shape is prepared once.
  const rankingStatements = new Map<string, Statement>();
  function rankingStatement(f: RankingFilter): Statement {
    const shape = [f.period === 'all', f.tagId !== undefined, f.department !== undefined, f.notDepartment !== undefined,
      f.after !== undefined].join('|');
    let stmt = rankingStatements.get(shape);
    if (!stmt) {
      const where = ["p.status = 'published'"];
      // EXISTS probes (post, tag) per ranked row and stops at the limit; IN would first list every tip of the tag.
      if (f.tagId !== undefined) where.push('EXISTS (SELECT 1 FROM post_tags pt WHERE pt.post_id = p.id AND pt.tag_id = @tagId)');
      if (f.department !== undefined) where.push('u.department = @department');
      if (f.notDepartment !== undefined) where.push('u.department <> @notDepartment');
      // The next page starts right after the last tip shown, in the ranking's own order (no duplicates, no gaps).
      if (f.after !== undefined) {
        where.push(f.period === 'all' ? '(p.view_count, p.like_count, p.id) < (@k0, @k1, @k2)' : '(w.views, w.likes, w.post_id) < (@k0, @k1, @k2)');
      }
      // The summary columns come with the ranking, so presenting needs no second read of the tips.
      // All time walks posts_popular (view_count order) and sorts only the ties by likes.
      stmt = f.period === 'all'
        ? db.prepare(`SELECT ${SUMMARY_COLUMNS}, p.view_count AS ranked_views, p.like_count AS ranked_likes
            FROM posts p JOIN users u ON u.id = p.author_id
            WHERE p.view_count > 0 AND ${where.join(' AND ')}
            ORDER BY p.view_count DESC, p.like_count DESC, p.id DESC LIMIT @limit`)
        : db.prepare(`SELECT ${SUMMARY_COLUMNS}, w.views AS ranked_views, w.likes AS ranked_likes
            FROM post_window_views w JOIN posts p ON p.id = w.post_id JOIN users u ON u.id = p.author_id
            WHERE w.period = @period AND ${where.join(' AND ')}
            ORDER BY w.views DESC, w.likes DESC, w.post_id DESC LIMIT @limit`);
      rankingStatements.set(shape, stmt);
    }
    return stmt;
  }

  // Department leaderboard. Tips and views count by the author's department now; adoptions received
  // by the same; adoptions reported by the adopter's department at report time (adoptions.department).
  // Every department someone belongs to is listed, so any department can be chosen.
  const leaderboardSql = (views: string) => `WITH d AS (
      SELECT department FROM users WHERE department <> ''
      UNION SELECT department FROM adoptions WHERE department <> ''),
    t AS (SELECT u.department, count(*) AS tips FROM posts p JOIN users u ON u.id = p.author_id
      WHERE p.status = 'published' AND (@since IS NULL OR p.created_at >= @since) GROUP BY u.department),
    v AS (${views}),
    r AS (SELECT u.department, count(*) AS n FROM adoptions a JOIN posts p ON p.id = a.post_id AND p.status = 'published'
      JOIN users u ON u.id = p.author_id WHERE (@since IS NULL OR a.created_at >= @since) GROUP BY u.department),
    g AS (SELECT a.department, count(*) AS n FROM adoptions a JOIN posts p ON p.id = a.post_id AND p.status = 'published'
      WHERE (@since IS NULL OR a.created_at >= @since) GROUP BY a.department)
    SELECT d.department, coalesce(t.tips, 0) AS tips, coalesce(v.views, 0) AS views,
      coalesce(r.n, 0) AS adoptionsReceived, coalesce(g.n, 0) AS adoptionsReported
    FROM d LEFT JOIN t USING (department) LEFT JOIN v USING (department) LEFT JOIN r USING (department)
      LEFT JOIN g USING (department)
    ORDER BY views DESC, tips DESC, adoptionsReceived DESC, adoptionsReported DESC, d.department`;
  const leaderboardAll = db.prepare(leaderboardSql(`SELECT u.department, sum(p.view_count) AS views FROM posts p
      JOIN users u ON u.id = p.author_id WHERE p.status = 'published' GROUP BY u.department`));
  const leaderboardWindow = db.prepare(leaderboardSql(`SELECT u.department, sum(w.views) AS views FROM post_window_views w
      JOIN posts p ON p.id = w.post_id AND p.status = 'published' JOIN users u ON u.id = p.author_id
      WHERE w.period = @period GROUP BY u.department`));

  const toMap = (rows: { id: number; n: number }[]) => new Map(rows.map((r) => [r.id, r.n]));

  const store = {
    /** Rebuilds every tip's trend when the formula version changed (or on the first start). */
    ensureTrend(): boolean {
      if (trendVersion.get() === TREND_VERSION) return false;
      db.transaction(() => {
        store.rebuildTrend();
        setTrendVersion.run(TREND_VERSION);
      })();
      return true;
    },
    rebuildTrend() {
      db.transaction(() => {
        clearTrend.run(NO_TREND, NO_TREND);
        rebuildTrend.run(rebuildParams(Date.now()));
      })();
    },

    /** True when the like is new. Call inside a transaction with the window sync. */
    addLike(postId: number, userId: number, at: Date): boolean {
      if (insertLike.run(postId, userId, at.toISOString()).changes === 0) return false;
      likeUp.run({ postId, e: eventExponent(at.getTime(), LIKE_WEIGHT) });
      return true;
    },
    /** True when a like was taken back; its contribution to the trend leaves with it. */
    removeLike(postId: number, userId: number): boolean {
      const at = likedAt.get(postId, userId) as string | undefined;
      if (at === undefined) return false;
      deleteLike.run(postId, userId);
      likeDown.run({ postId, e: eventExponent(Date.parse(at), LIKE_WEIGHT) });
      return true;
    },
    likeCount: (postId: number) => likeCount.get(postId) as number,
    isLiked: (postId: number, userId: number) => isLiked.get(postId, userId) !== undefined,

    addBookmark(postId: number, userId: number, at: Date): boolean {
      if (insertBookmark.run(postId, userId, at.toISOString()).changes === 0) return false;
      bookmarkCount.run(1, postId);
      return true;
    },
    removeBookmark(postId: number, userId: number): boolean {
      if (deleteBookmark.run(postId, userId).changes === 0) return false;
      bookmarkCount.run(-1, postId);
      return true;
    },
    bookmarkedBy(userId: number, postIds: readonly number[]): Set<number> {
      // A tip page asks about one tip: a key probe instead of a JSON list.
      if (postIds.length === 1) return new Set(isBookmarked.get(postIds[0], userId) === undefined ? [] : postIds);
      return new Set(postIds.length ? bookmarkedBy.all(userId, JSON.stringify(postIds)) as number[] : []);
    },
    /** The user's bookmarks of published tips, newest first; `after` is [created_at, post_id]. */
    bookmarks(userId: number, after: (string | number)[] | null, limit: number): (PostSummaryRow & { bookmarked_at: string })[] {
      return (after
        ? bookmarksAfter.all({ userId, k0: after[0], k1: after[1], limit })
        : bookmarksFirst.all({ userId, limit })) as (PostSummaryRow & { bookmarked_at: string })[];
    },

    ranking(f: RankingFilter): RankedRow[] {
      const params: Record<string, unknown> = { limit: f.limit };
      if (f.period !== 'all') params.period = f.period;
      if (f.tagId !== undefined) params.tagId = f.tagId;
      if (f.department !== undefined) params.department = f.department;
      if (f.notDepartment !== undefined) params.notDepartment = f.notDepartment;
      if (f.after !== undefined) [params.k0, params.k1, params.k2] = f.after;
      return rankingStatement(f).all(params) as RankedRow[];
    },

    /** Every department with its tips, views and adoptions in the period (`since`: the instant it began; null for all time). */
    departments(period: RankingPeriod, since: string | null): DepartmentRow[] {
      return (period === 'all' ? leaderboardAll.all({ since: null }) : leaderboardWindow.all({ period, since })) as DepartmentRow[];
    },

    /** The author's published and hidden tips, most viewed first. */
    authorTips: (authorId: number) => authorTips.all(authorId) as PostSummaryRow[],
    /** Views per tip of this author on and after `day`. */
    authorViewsSince: (authorId: number, day: string) => toMap(authorViewsSince.all(authorId, day) as { id: number; n: number }[]),
    /** Likes per tip of this author given at or after the instant `iso`. */
    authorLikesSince: (authorId: number, iso: string) => toMap(authorLikesSince.all(authorId, iso) as { id: number; n: number }[]),
    /** People who viewed at least one of this author's tips. */
    authorViewers: (authorId: number) => authorViewers.get(authorId) as number,
    authorDaily: (authorId: number, from: string, to: string) =>
      authorDaily.all(authorId, from, to) as { day: string; views: number }[],
    postDaily: (postId: number, from: string, to: string) =>
      postDaily.all(postId, from, to) as { day: string; views: number }[],
  };
  store.ensureTrend();
  return store;
}

export type PopularityStore = ReturnType<typeof createPopularityStore>;
