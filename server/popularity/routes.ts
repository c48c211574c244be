import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Context } from '../context';
import { currentUser } from '../http/auth';
import { paginate } from '../http/cursor';
import { errors, IdParams, Page } from '../http/schemas';
import { PostSummary } from '../posts/schemas';
import { presentSummaries } from '../posts/presenter';
import {
  BookmarksQuery, BookmarkState, DepartmentLeaderboard, DepartmentLeaderboardQuery, LikeState, MyStats, MyStatsQuery, OtherDepartments, OtherDepartmentsQuery, Rankings,
  RankingsQuery,
} from './schemas';
import {
  authorStats, bookmark, departmentLeaderboard, like, otherDepartmentsAnswer, rankingAnswer, unbookmark, unlike,
} from './service';

export const popularityRoutes: FastifyPluginAsyncTypebox<{ ctx: Context }> = async (app, { ctx }) => {
  const likeSchema = (summary: string) => ({
    tags: ['popularity'], summary, params: IdParams, response: { 200: LikeState, ...errors(400, 401, 403, 404, 409) },
  });
  const member = { access: 'member' } as const;
  app.put('/api/posts/:id/like', { config: member, schema: likeSchema('Mark a tip as helpful (役に立った); idempotent') },
    async (request) => like(ctx, currentUser(request), request.params.id));
  app.delete('/api/posts/:id/like', { config: member, schema: likeSchema('Take back a like; idempotent') },
    async (request) => unlike(ctx, currentUser(request), request.params.id));

  const bookmarkSchema = (summary: string) => ({
    tags: ['popularity'], summary, params: IdParams, response: { 200: BookmarkState, ...errors(400, 401, 403, 404, 409) },
  });
  app.put('/api/posts/:id/bookmark', { config: member, schema: bookmarkSchema('Bookmark a tip (ストック); idempotent') },
    async (request) => bookmark(ctx, currentUser(request), request.params.id));
  app.delete('/api/posts/:id/bookmark', { config: member, schema: bookmarkSchema('Remove a bookmark; idempotent') },
    async (request) => unbookmark(ctx, currentUser(request), request.params.id));

  app.get('/api/me/bookmarks', {
    config: member,
    schema: { tags: ['popularity'], summary: 'My bookmarked tips, newest bookmark first', querystring: BookmarksQuery,
      response: { 200: Page(PostSummary), ...errors(400, 401) } },
  }, async (request) => {
    const user = currentUser(request);
    const { limit = 20, cursor } = request.query;
    return paginate({ cursor, limit }, { shape: ['string', 'number'], key: (r: { bookmarked_at: string; id: number }) => [r.bookmarked_at, r.id] },
      (after, take) => ctx.popularity.bookmarks(user.id, after, take),
      (rows) => presentSummaries(ctx, rows, user));
  });

  app.get('/api/rankings', {
    config: member,
    schema: { tags: ['popularity'], summary: 'Most viewed tips in a period (Japan days, today included), then most liked',
      description: 'Paged: pass `nextCursor` back as `cursor` for the next page (ranks continue across pages).',
      querystring: RankingsQuery, response: { 200: Rankings, ...errors(400, 401) } },
  }, async (request) => {
    const { period = 'week', tag, department, limit = 20, cursor } = request.query;
    return rankingAnswer(ctx, currentUser(request), { period, tag, department, limit, cursor });
  });

  app.get('/api/rankings/departments', {
    config: member,
    schema: { tags: ['popularity'], summary: 'Department leaderboard: tips written, views and 使ってみた reports per department in a period',
      querystring: DepartmentLeaderboardQuery, response: { 200: DepartmentLeaderboard, ...errors(400, 401) } },
  }, async (request) => departmentLeaderboard(ctx, request.query.period ?? 'week'));

  app.get('/api/rankings/other-departments', {
    config: member,
    schema: { tags: ['popularity'], summary: "Tips popular this week in departments other than mine (home page)",
      querystring: OtherDepartmentsQuery, response: { 200: OtherDepartments, ...errors(400, 401) } },
  }, async (request) => {
    const { limit = 6, perDepartment = 2 } = request.query;
    return otherDepartmentsAnswer(ctx, currentUser(request), limit, perDepartment);
  });

  app.get('/api/me/stats', {
    config: member,
    schema: { tags: ['popularity'], summary: 'Views and likes of my tips: totals, this month, per day and per tip',
      querystring: MyStatsQuery, response: { 200: MyStats, ...errors(400, 401, 404) } },
  }, async (request) => {
    const user = currentUser(request);
    const { days = 30, postId, limit = 100 } = request.query;
    const { rows, ...stats } = authorStats(ctx, user, { days, postId, limit });
    const posts = presentSummaries(ctx, rows.map((r) => r.tip), user);
    return { ...stats, items: rows.map(({ tip: _tip, ...counts }, i) => ({ post: posts[i], ...counts })) };
  });
};
