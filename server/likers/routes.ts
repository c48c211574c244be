import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Context } from '../context';
import { currentUser } from '../http/auth';
import { decodeCursor, pageOf } from '../http/cursor';
import { Cursor, errors, IdParams, Limit, Page } from '../http/schemas';
import { getReadable } from '../posts/service';
import { presentPublicUser, PublicUser } from '../users/presenter';

export const Liker = Type.Object({ user: PublicUser, likedAt: Type.String({ format: 'date-time' }) });
const LikersQuery = Type.Object({ limit: Type.Optional(Limit), cursor: Type.Optional(Cursor) }, { additionalProperties: false });

export const likerRoutes: FastifyPluginAsyncTypebox<{ ctx: Context }> = async (app, { ctx }) => {
  app.get('/api/posts/:id/likes', {
    config: { access: 'member' },
    schema: { tags: ['popularity'], summary: 'Who found a tip useful (役に立った), newest first',
      params: IdParams, querystring: LikersQuery, response: { 200: Page(Liker), ...errors(400, 401, 403, 404) } },
  }, async (request) => {
    getReadable(ctx, currentUser(request), request.params.id);
    const { limit = 20, cursor } = request.query;
    const rows = ctx.likers.list(request.params.id, decodeCursor(cursor, ['string', 'number']), limit + 1);
    const page = pageOf(rows, limit, (r) => [r.liked_at, r.id]);
    return { items: page.items.map((r) => ({ user: presentPublicUser(r), likedAt: r.liked_at })), nextCursor: page.nextCursor };
  });
};
