import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Context } from '../context';
import { unavailable } from '../http/errors';
import { errors } from '../http/schemas';
import { PoolBusyError, TaskTimeoutError } from '../workers/pool';
import { RelatedQuery, RelatedResult, SearchQuery, SearchResult, SimilarQuery, SuggestQuery, SuggestResult, type SearchResultT } from './schemas';
import { RELATED_MAX, related, relatedToTip, search, suggest } from './service';
import { currentUser } from '../http/auth';
import { readable } from '../posts/service';

export const searchRoutes: FastifyPluginAsyncTypebox<{ ctx: Context }> = async (app, { ctx }) => {
  // With a database file, full searches run in the context's worker threads (KOTSU_SEARCH_WORKERS)
  // so they never stall other requests; without them (in-memory database, KOTSU_SEARCH_WORKER=0)
  // they run here. The index itself is kept in step by the context (context.ts).
  const pool = ctx.searchPool;

  app.get('/api/search', {
    config: { access: 'member' },
    schema: {
      tags: ['search'], summary: 'Full-text search of published tips',
      description: 'Words must all match; "quoted phrase"; -word excludes; the last word matches as a prefix.',
      querystring: SearchQuery,
      response: { 200: SearchResult, ...errors(400, 401, 503) },
    },
  }, async (request, reply) => {
    if (!pool) return search(ctx, request.query);
    let json: Buffer;
    try {
      json = await pool.run(request.query, ctx.now());
    } catch (err) {
      // Too many waiting, or a search so costly its thread was stopped: searching it again here
      // would stall every request, so the client is told to retry.
      if (err instanceof PoolBusyError || err instanceof TaskTimeoutError) {
        request.log.warn({ err, q: request.query.q }, 'search refused');
        reply.header('retry-after', '5');
        throw unavailable('search_busy', 'search is busy, try again shortly');
      }
      // The workers are an optimization: if they cannot answer (a thread died), search here.
      request.log.warn({ err }, 'search worker failed; searching in the main thread');
      return search(ctx, request.query);
    }
    // Already the response body (the worker serialized exactly the schema's fields and encoded
    // it): a Buffer is sent as is, the schema's serializer is not run for it, hence the cast.
    return reply.type('application/json; charset=utf-8').send(json as unknown as SearchResultT);
  });

  app.get('/api/search/suggest', {
    config: { access: 'member' },
    schema: {
      tags: ['search'], summary: 'Tip titles and tags for what has been typed so far',
      querystring: SuggestQuery,
      response: { 200: SuggestResult, ...errors(400, 401) },
    },
  }, async (request) => suggest(ctx, request.query.q ?? ''));

  app.get('/api/search/related', {
    config: { access: 'member' },
    schema: {
      tags: ['search'], summary: 'Up to five published tips related to a tip (shared rare words and tags)',
      querystring: RelatedQuery,
      response: { 200: RelatedResult, ...errors(400, 401, 404) },
    },
  }, async (request) => {
    // A tip the reader may not read is not found; one not published (an own draft) has none.
    readable(currentUser(request), ctx.posts.byId(request.query.id));
    return { items: relatedToTip(ctx, request.query.id) ?? [] };
  });

  app.get('/api/search/similar', {
    config: { access: 'member' },
    schema: {
      tags: ['search'], summary: 'Up to five published tips similar to a title being typed (before writing a tip or a 教えて request)',
      querystring: SimilarQuery,
      response: { 200: RelatedResult, ...errors(400, 401) },
    },
  }, async (request) => {
    const q = request.query.q ?? '';
    return { items: q.trim() === '' ? [] : related(ctx, q, 0, RELATED_MAX, true) };
  });
};
