import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Context } from '../context';
import { currentUser } from '../http/auth';
import { errors } from '../http/schemas';
import { requestsFeed, tipsFeed } from './service';

const ATOM = 'application/atom+xml; charset=utf-8';
const AtomDocument = Type.String({ description: 'Atom 1.0 (RFC 4287) document' });

/**
 * Atom feeds live under /api so the same access rule holds as for the rest of the content:
 * members only. Behind the SSO proxy a feed reader is authenticated like a browser is.
 */
export const feedRoutes: FastifyPluginAsyncTypebox<{ ctx: Context }> = async (app, { ctx }) => {
  app.get('/api/feeds/tips.atom', {
    config: { access: 'member' },
    schema: { tags: ['feeds'], summary: 'Atom feed of newly published tips, optionally of one tag', produces: ['application/atom+xml'],
      querystring: Type.Object({ tag: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })) }, { additionalProperties: false }),
      response: { 200: AtomDocument, ...errors(400, 401, 403, 404) } },
  }, async (request, reply) => reply.type(ATOM).header('cache-control', 'private, max-age=300').send(tipsFeed(ctx, currentUser(request), request.query.tag)));

  app.get('/api/feeds/requests.atom', {
    config: { access: 'member' },
    schema: { tags: ['feeds'], summary: 'Atom feed of open tip requests (教えて), newest first', produces: ['application/atom+xml'],
      response: { 200: AtomDocument, ...errors(401, 403) } },
  }, async (_request, reply) => reply.type(ATOM).header('cache-control', 'private, max-age=300').send(requestsFeed(ctx)));
};
