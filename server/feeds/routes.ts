import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Context } from '../context';
import { currentUser } from '../http/auth';
import { conflict, notFound } from '../http/errors';
import { errors, IdParams } from '../http/schemas';
import { requireNonBlank } from '../shared/text';
import { requestsFeed, tipsFeed } from './service';
import { FEED_TOKENS_PER_USER, type FeedTokenRow } from './tokens';

const ATOM = 'application/atom+xml; charset=utf-8';
const AtomDocument = Type.String({ description: 'Atom 1.0 (RFC 4287) document' });
const Token = Type.Optional(Type.String({ maxLength: 100, description: 'a personal feed token (POST /api/me/feed-tokens), for feed readers that cannot sign in' }));
export const FeedToken = Type.Object({
  id: Type.Integer(), label: Type.String(), createdAt: Type.String({ format: 'date-time' }),
  lastUsedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()], { description: 'the last day a feed reader used it' }),
});
export const NewFeedToken = Type.Object({ ...FeedToken.properties, token: Type.String({ description: 'shown this once: only its hash is kept' }) });
const presentToken = (r: FeedTokenRow) => ({ id: r.id, label: r.label, createdAt: r.created_at, lastUsedAt: r.last_used_at });

/**
 * Atom feeds live under /api so the same access rule holds as for the rest of the content:
 * members only, each feed showing what its member may see. A feed reader that cannot sign in
 * names its member with a personal token (`?token=`), which the member makes and revokes here.
 */
export const feedRoutes: FastifyPluginAsyncTypebox<{ ctx: Context }> = async (app, { ctx }) => {
  app.get('/api/feeds/tips.atom', {
    config: { access: 'member', feedToken: true },
    schema: { tags: ['feeds'], summary: 'Atom feed of newly published tips, optionally of one tag', produces: ['application/atom+xml'],
      querystring: Type.Object({ tag: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })), token: Token }, { additionalProperties: false }),
      response: { 200: AtomDocument, ...errors(400, 401, 403, 404) } },
  }, async (request, reply) => reply.type(ATOM).header('cache-control', 'private, max-age=300').send(tipsFeed(ctx, currentUser(request), request.query.tag)));

  app.get('/api/feeds/requests.atom', {
    config: { access: 'member', feedToken: true },
    schema: { tags: ['feeds'], summary: 'Atom feed of open tip requests (教えて), newest first', produces: ['application/atom+xml'],
      querystring: Type.Object({ token: Token }, { additionalProperties: false }),
      response: { 200: AtomDocument, ...errors(401, 403) } },
  }, async (_request, reply) => reply.type(ATOM).header('cache-control', 'private, max-age=300').send(requestsFeed(ctx)));

  app.get('/api/me/feed-tokens', {
    config: { access: 'member' },
    schema: { tags: ['feeds'], summary: 'My feed tokens (never the tokens themselves)', response: { 200: Type.Object({ items: Type.Array(FeedToken) }), ...errors(401, 403) } },
  }, async (request) => ({ items: ctx.feedTokens.list(currentUser(request).id).map(presentToken) }));

  app.post('/api/me/feed-tokens', {
    config: { access: 'member' },
    schema: { tags: ['feeds'], summary: `Make a feed token for a feed reader; shown once (at most ${FEED_TOKENS_PER_USER} per member)`,
      body: Type.Object({ label: Type.String({ minLength: 1, maxLength: 60 }) }, { additionalProperties: false }),
      response: { 201: NewFeedToken, ...errors(400, 401, 403, 409) } },
  }, async (request, reply) => {
    const user = currentUser(request);
    requireNonBlank('label', request.body.label);
    if (ctx.feedTokens.count(user.id) >= FEED_TOKENS_PER_USER) {
      throw conflict('feed_token_limit', `at most ${FEED_TOKENS_PER_USER} feed tokens; revoke one you no longer use`, { max: FEED_TOKENS_PER_USER });
    }
    const { row, token } = ctx.feedTokens.create(user.id, request.body.label.trim(), ctx.now().toISOString());
    return reply.status(201).send({ ...presentToken(row), token });
  });

  app.delete('/api/me/feed-tokens/:id', {
    config: { access: 'member' },
    schema: { tags: ['feeds'], summary: 'Revoke one of my feed tokens: readers using it get 401 from then on', params: IdParams,
      response: { 204: Type.Null(), ...errors(400, 401, 403, 404) } },
  }, async (request, reply) => {
    if (!ctx.feedTokens.revoke(currentUser(request).id, request.params.id)) throw notFound('feed_token_not_found', 'feed token not found');
    return reply.status(204).send(null);
  });
};
