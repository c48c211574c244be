import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Context } from '../context';
import { errors } from '../http/schemas';
import { SearchQuery, SearchResult, SuggestQuery, SuggestResult, type SearchResultT } from './schemas';
import { search, suggest } from './service';

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
      response: { 200: SearchResult, ...errors(400, 401) },
    },
  }, async (request, reply) => {
    if (!pool) return search(ctx, request.query);
    let json: Buffer;
    try {
      json = await pool.run(request.query, ctx.now());
    } catch (err) {
      // The workers are an optimization: if they cannot answer, search here.
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
};
