import type { Context } from '../context';
import { conflict, forbidden, notFound } from '../http/errors';
import { presentSummaries, withViewer } from '../posts/presenter';
import { getReadable } from '../posts/service';
import type { PostSummaryT } from '../posts/schemas';
import type { PostRow } from '../posts/store';
import type { UserRow } from '../users/store';
import { addDays, japanDay, japanDayStartIso, monthStart } from '../shared/japan-time';
import { windowStart } from '../views/windows';
import type { DepartmentLeaderboardT, OtherDepartmentsT, RankingsT } from './schemas';
import { paginate, type PageKey } from '../http/cursor';
import type { RankedRow, RankingPeriod } from './store';

/** A tip that can take a new like or bookmark: readable and published (not hidden, not a draft). */
function openTip(ctx: Context, user: UserRow, postId: number, what: string): PostRow {
  const post = getReadable(ctx, user, postId);
  if (post.status !== 'published') throw conflict('tip_not_published', `only published tips can take ${what}`);
  return post;
}

export function like(ctx: Context, user: UserRow, postId: number) {
  const post = openTip(ctx, user, postId, '「役に立った」を');
  if (post.author_id === user.id) throw forbidden('own_tip_like', 'you cannot like your own tip');
  ctx.db.transaction(() => {
    if (ctx.popularity.addLike(post.id, user.id, ctx.now())) ctx.views.windows.syncLikes(post.id);
  })();
  return { likeCount: ctx.popularity.likeCount(post.id), likedByMe: true };
}

export function unlike(ctx: Context, user: UserRow, postId: number) {
  const post = getReadable(ctx, user, postId);
  ctx.db.transaction(() => {
    if (ctx.popularity.removeLike(post.id, user.id)) ctx.views.windows.syncLikes(post.id);
  })();
  return { likeCount: ctx.popularity.likeCount(post.id), likedByMe: false };
}

export function bookmark(ctx: Context, user: UserRow, postId: number) {
  const post = openTip(ctx, user, postId, 'ストック');
  ctx.db.transaction(() => { ctx.popularity.addBookmark(post.id, user.id, ctx.now()); })();
  return { bookmarkedByMe: true, bookmarkCount: ctx.posts.byId(post.id)?.bookmark_count ?? 0 };
}

export function unbookmark(ctx: Context, user: UserRow, postId: number) {
  const post = getReadable(ctx, user, postId);
  ctx.db.transaction(() => { ctx.popularity.removeBookmark(post.id, user.id); })();
  return { bookmarkedByMe: false, bookmarkCount: ctx.posts.byId(post.id)?.bookmark_count ?? 0 };
}

/** The days a period covers, ending today (Japan); `from` is null for all time. */
export function periodDays(period: RankingPeriod, today: string): { from: string | null; to: string } {
  return { from: period === 'all' ? null : windowStart(period, today), to: today };
}

export interface RankingRequest {
  period: RankingPeriod;
  tag?: string;
  department?: string;
  limit: number;
  /** The `nextCursor` of the page before. */
  cursor?: string;
}

/** A ranked tip with its place in the whole ranking (not only on its page). */
type PlacedRow = RankedRow & { rank: number };

/** Ranking pages are keyed by the last tip's [views, likes, id] and its rank, so the next page numbers on. */
const RANKING_ORDER: PageKey<PlacedRow> = {
  shape: ['number', 'number', 'number', 'number'],
  key: (r) => [r.ranked_views, r.ranked_likes, r.id, r.rank],
};

/**
 * The candidates for "popular in other departments" as every reader of one department sees
 * them: a ranking (week or month) of tips whose authors work elsewhere, presented for nobody in
 * particular. Kept by the read cache until the next write of any kind (views flushed, likes,
 * bookmarks, tip events, renamed people): exact, with nothing to invalidate by hand. `today` is
 * part of the key, as the windows move daily. Shared by every reader of the department: the
 * reader's own tips and marks are dealt with per request, not in the key.
 */
function otherDepartmentCandidates(ctx: Context, department: string, period: 'week' | 'month', limit: number, today: string) {
  return ctx.readCache.get(JSON.stringify(['ranking.otherDepartments', today, period, department, limit]), () => {
    const rows = ctx.popularity.ranking({ period, notDepartment: department, limit });
    return { rows, posts: presentSummaries(ctx, rows, null) };
  });
}

/** Ranked rows for a period and filters; an unknown tag ranks nothing. (GET /api/rankings keeps its whole answer in the read cache.) */
export function rankingRows(ctx: Context, q: Omit<RankingRequest, 'cursor'>, after?: readonly [number, number, number]): RankedRow[] {
  let tagId: number | undefined;
  if (q.tag !== undefined) {
    const tag = ctx.tags.byName(q.tag);
    if (!tag) return [];
    tagId = tag.id;
  }
  const today = japanDay(ctx.now());
  if (q.period !== 'all') ctx.views.windows.ensure(today);
  return ctx.popularity.ranking({ period: q.period, tagId, department: q.department, limit: q.limit, after });
}

/**
 * Tips most viewed this week whose authors work in other departments than the viewer's, at most
 * `perDepartment` from any one department; widened to the month when the week has too few.
 */
export function otherDepartmentRows(ctx: Context, user: UserRow, limit: number, perDepartment: number) {
  const today = japanDay(ctx.now());
  ctx.views.windows.ensure(today);
  let chosen: { row: RankedRow; post: PostSummaryT }[] = [];
  let period: 'week' | 'month' = 'week';
  for (period of ['week', 'month'] as const) {
    const { rows, posts } = otherDepartmentCandidates(ctx, user.department, period, limit * perDepartment * 4, today);
    const perDept = new Map<string, number>();
    chosen = [];
    for (const [i, row] of rows.entries()) {
      if (row.author_id === user.id) continue;
      const n = perDept.get(row.department) ?? 0;
      if (n >= perDepartment) continue;
      perDept.set(row.department, n + 1);
      chosen.push({ row, post: posts[i] });
      if (chosen.length === limit) break;
    }
    if (chosen.length === limit) break;
  }
  return { period, chosen };
}

/** The author's numbers: totals, this month (Japan calendar month), a daily series and per tip. */
export function authorStats(ctx: Context, user: UserRow, q: { days: number; postId?: number; limit: number }) {
  const today = japanDay(ctx.now());
  const month = monthStart(today);
  const tips = ctx.popularity.authorTips(user.id);
  const viewsMonth = ctx.popularity.authorViewsSince(user.id, month);
  const likesMonth = ctx.popularity.authorLikesSince(user.id, japanDayStartIso(month));
  const from = addDays(today, 1 - q.days);
  let series: { day: string; views: number }[];
  if (q.postId !== undefined) {
    const post = ctx.posts.byId(q.postId);
    if (!post || post.author_id !== user.id) throw notFound('tip_not_found', 'tip not found');
    series = ctx.popularity.postDaily(q.postId, from, today);
  } else {
    series = ctx.popularity.authorDaily(user.id, from, today);
  }
  const byDay = new Map(series.map((r) => [r.day, r.views]));
  const daily = Array.from({ length: q.days }, (_, i) => {
    const day = addDays(from, i);
    return { day, views: byDay.get(day) ?? 0 };
  });
  const rows = tips.map((t) => ({
    tip: t,
    views: t.view_count,
    viewsThisMonth: viewsMonth.get(t.id) ?? 0,
    uniqueViewers: t.viewer_count,
    likes: t.like_count,
    likesThisMonth: likesMonth.get(t.id) ?? 0,
    bookmarks: t.bookmark_count,
  }));
  const sum = (k: Exclude<keyof (typeof rows)[number], 'tip'>) => rows.reduce((s, r) => s + r[k], 0);
  return {
    monthStart: month,
    today,
    totals: {
      tips: rows.length, views: sum('views'), viewsThisMonth: sum('viewsThisMonth'), uniqueViewers: ctx.popularity.authorViewers(user.id),
      likes: sum('likes'), likesThisMonth: sum('likesThisMonth'), bookmarks: sum('bookmarks'),
    },
    daily,
    rows: rows.slice(0, q.limit),
  };
}

/**
 * A ranking as everyone sees it (no reader's marks). The same for everyone until the next write,
 * so it is kept in the read cache; GET /api/rankings and the home page answer both read it here.
 */
export function sharedRanking(ctx: Context, q: RankingRequest & { limit: number }): RankingsT {
  const today = japanDay(ctx.now());
  return ctx.readCache.get(JSON.stringify(['rankings', today, q.period, q.tag, q.department, q.limit, q.cursor ?? '']), () => {
    const page = paginate({ cursor: q.cursor, limit: q.limit }, RANKING_ORDER, (after, take) => {
      const first = after ? Number(after[3]) : 0;
      const rows = rankingRows(ctx, { ...q, limit: take }, after ? [after[0], after[1], after[2]] as [number, number, number] : undefined);
      return rows.map((r, i) => ({ ...r, rank: first + i + 1 }));
    }, (rows) => {
      const posts = presentSummaries(ctx, rows, null);
      return rows.map((r, i) => ({ rank: r.rank, post: posts[i], views: r.ranked_views, likes: r.ranked_likes }));
    });
    return { period: q.period, ...periodDays(q.period, today), items: page.items, nextCursor: page.nextCursor };
  });
}

/** The ranking as GET /api/rankings answers it: the shared one with the reader's own marks. */
export function rankingAnswer(ctx: Context, user: UserRow, q: RankingRequest & { limit: number }): RankingsT {
  const shared = sharedRanking(ctx, q);
  const posts = withViewer(ctx, shared.items.map((i) => i.post), user);
  return { ...shared, items: shared.items.map((item, i) => ({ ...item, post: posts[i] })) };
}

/**
 * The department leaderboard for a period: every department with its members' published tips
 * written, their views, the 使ってみた reports they received, and the reports made from it.
 */
export function departmentLeaderboard(ctx: Context, period: RankingPeriod): DepartmentLeaderboardT {
  const today = japanDay(ctx.now());
  const days = periodDays(period, today);
  if (period !== 'all') ctx.views.windows.ensure(today);
  const items = ctx.readCache.get(JSON.stringify(['departments', today, period]),
    () => ctx.popularity.departments(period, days.from === null ? null : japanDayStartIso(days.from)));
  return { period, ...days, items };
}

/** Tips popular in departments other than the reader's, as GET /api/rankings/other-departments answers. */
export function otherDepartmentsAnswer(ctx: Context, user: UserRow, limit: number, perDepartment: number): OtherDepartmentsT {
  const { period, chosen } = otherDepartmentRows(ctx, user, limit, perDepartment);
  // The shared summaries with this reader's own likes and bookmarks.
  const posts = withViewer(ctx, chosen.map((c) => c.post), user);
  return {
    period,
    items: chosen.map(({ row }, i) => ({ department: row.department, post: posts[i], views: row.ranked_views, likes: row.ranked_likes })),
  };
}
