import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Context } from '../context';
import { errors } from '../http/schemas';
import { ListTagsQuery, TagCount } from './schemas';

export const tagRoutes: FastifyPluginAsyncTypebox<{ ctx: Context }> = async (app, { ctx }) => {
  app.get('/api/tags', {
    schema: {
      tags: ['tags'], summary: 'Tags of published tips, most used first',
      querystring: ListTagsQuery,
      response: { 200: Type.Object({ items: Type.Array(TagCount) }), ...errors(400, 401) },
    },
  }, async (request) => {
    const { q, limit = 20 } = request.query;
    return { items: ctx.tags.list(q?.trim() || null, limit) };
  });
};
