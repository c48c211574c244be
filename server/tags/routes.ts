import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Context } from '../context';
import { errors } from '../http/schemas';

export const TagCount = Type.Object({ name: Type.String(), count: Type.Integer() });

export const tagRoutes: FastifyPluginAsyncTypebox<{ ctx: Context }> = async (app, { ctx }) => {
  app.get('/api/tags', {
    schema: {
      tags: ['tags'], summary: 'Tags of published tips, most used first',
      querystring: Type.Object({
        q: Type.Optional(Type.String({ maxLength: 40 })),
        limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
      }, { additionalProperties: false }),
      response: { 200: Type.Object({ items: Type.Array(TagCount) }), ...errors(400, 401) },
    },
  }, async (request) => {
    const { q, limit = 20 } = request.query;
    return { items: ctx.tags.list(q?.trim() || null, limit) };
  });
};
