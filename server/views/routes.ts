import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Context } from '../context';
import { currentUser } from '../http/auth';
import { errors, IdParams } from '../http/schemas';
import { getReadable } from '../posts/service';
import { japanDay } from './store';

export const viewRoutes: FastifyPluginAsyncTypebox<{ ctx: Context }> = async (app, { ctx }) => {
  app.post('/api/posts/:id/views', {
    schema: { tags: ['popularity'], summary: 'Record that the tip was shown (one per user per tip per Japan day)',
      params: IdParams, response: { 200: Type.Object({ viewCount: Type.Integer() }), ...errors(400, 401, 404) } },
  }, async (request) => {
    const user = currentUser(request);
    const post = getReadable(ctx, user, request.params.id);
    // The author reading their own tip, or anyone reading a hidden one, is not audience.
    if (post.author_id === user.id || post.status !== 'published') return { viewCount: post.view_count };
    return { viewCount: ctx.views.record(post.id, user.id, japanDay(ctx.now())) };
  });
};
