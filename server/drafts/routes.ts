import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Context } from '../context';
import { currentUser } from '../http/auth';
import { paginate } from '../http/cursor';
import { errors, IdParams, Page, PageQuery } from '../http/schemas';
import { presentPost, presentSummaries } from '../posts/presenter';
import { Post, PostSummary } from '../posts/schemas';
import { publishDraft } from './service';

export const draftRoutes: FastifyPluginAsyncTypebox<{ ctx: Context }> = async (app, { ctx }) => {
  app.get('/api/me/drafts', {
    schema: { tags: ['drafts'], summary: 'My drafts, last edited first (nobody else ever sees them)',
      querystring: PageQuery, response: { 200: Page(PostSummary), ...errors(400, 401, 403) } },
  }, async (request) => {
    const user = currentUser(request);
    const { limit = 20, cursor } = request.query;
    return paginate({ cursor, limit }, { shape: ['string', 'number'], key: (r: { updated_at: string; id: number }) => [r.updated_at, r.id] },
      (after, take) => ctx.drafts.mine(user.id, after, take),
      (rows) => {
        const byId = new Map(ctx.posts.summaries(rows.map((r) => r.id)).map((s) => [s.id, s]));
        return presentSummaries(ctx, rows.map((r) => byId.get(r.id)).filter((s) => s !== undefined), user);
      });
  });

  app.post('/api/posts/:id/publish', {
    schema: { tags: ['drafts'], summary: 'Publish a draft (its author only); 409 if it is not a draft',
      params: IdParams, response: { 200: Post, ...errors(400, 401, 403, 404, 409) } },
  }, async (request) => {
    const user = currentUser(request);
    return presentPost(ctx, publishDraft(ctx, user, request.params.id), user);
  });
};
