import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Context } from '../context';
import { currentUser } from '../http/auth';
import { errors, IdParams } from '../http/schemas';
import { readable } from '../posts/service';
import { readerCheck } from './readers';

const ViewAnswer = Type.Object({
  viewCount: Type.Integer(),
  uniqueViewers: Type.Integer(),
  /** Whether this call counted a view (false: already counted today, own tip, hidden, bot, prefetch). */
  counted: Type.Boolean(),
});

export const viewRoutes: FastifyPluginAsyncTypebox<{ ctx: Context }> = async (app, { ctx }) => {
  const isReader = readerCheck();
  ctx.views.onFlushError((err, lost) => app.log.error({ err, lost }, 'writing buffered views failed'));

  app.post('/api/posts/:id/views', {
    config: { access: 'member' },
    schema: { tags: ['popularity'], summary: 'Record that the tip was read (one per user per tip per Japan day)',
      params: IdParams, response: { 200: ViewAnswer, ...errors(400, 401, 404) } },
  }, async (request) => {
    const user = currentUser(request);
    const post = readable(user, ctx.views.target(request.params.id));
    // The author reading their own tip, anyone reading a hidden one, and machines are not audience.
    if (post.author_id === user.id || post.status !== 'published' || !isReader(request.headers)) {
      const waiting = ctx.views.waitingFor(post.id);
      return { viewCount: post.view_count + waiting.views, uniqueViewers: post.viewer_count + waiting.viewers, counted: false };
    }
    return ctx.views.record(post, user.id, ctx.now());
  });
};
