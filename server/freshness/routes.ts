import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Context } from '../context';
import { currentUser } from '../http/auth';
import { errors, IdParams } from '../http/schemas';
import { presentPost, presentSummaries } from '../posts/presenter';
import { Post, PostSummary } from '../posts/schemas';
import { dueIfReviewedBefore, reviewedAt } from './rule';
import { confirmPost } from './service';

const ReviewList = Type.Object({
  staleAfterDays: Type.Integer({ description: 'a tip asks for a look this many days after its last edit or confirmation' }),
  items: Type.Array(Type.Object({ post: PostSummary, reviewedAt: Type.String({ format: 'date-time' }) })),
});

export const freshnessRoutes: FastifyPluginAsyncTypebox<{ ctx: Context }> = async (app, { ctx }) => {
  app.post('/api/posts/:id/confirm', {
    config: { access: 'member' },
    schema: { tags: ['posts'], summary: 'Confirm a tip is still valid (確認済み) without editing it: its author or a moderator',
      params: IdParams, response: { 200: Post, ...errors(400, 401, 403, 404, 409) } },
  }, async (request) => {
    const user = currentUser(request);
    return presentPost(ctx, confirmPost(ctx, user, request.params.id), user);
  });

  app.get('/api/me/review', {
    config: { access: 'member' },
    schema: { tags: ['posts'], summary: 'My published tips due for a look (not edited or confirmed for KOTSU_STALE_AFTER_DAYS), longest first',
      querystring: Type.Object({ limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 50 })) }, { additionalProperties: false }),
      response: { 200: ReviewList, ...errors(400, 401, 403) } },
  }, async (request) => {
    const user = currentUser(request);
    const days = ctx.config.staleAfterDays;
    const ids = ctx.freshness.dueIds(user.id, dueIfReviewedBefore(ctx.now(), days), request.query.limit ?? 50);
    const rows = new Map(ctx.posts.summaries(ids).map((r) => [r.id, r]));
    const ordered = ids.map((id) => rows.get(id)).filter((r) => r !== undefined);
    const summaries = presentSummaries(ctx, ordered, user);
    return {
      staleAfterDays: days,
      items: summaries.map((post, i) => ({ post, reviewedAt: reviewedAt(ctx.posts.byId(ordered[i]!.id)!) })),
    };
  });
};
