import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Context } from '../context';
import { errors } from '../http/schemas';
import { SearchQuery, SearchResult, SuggestQuery, SuggestResult } from './schemas';
import { createSearchWorker } from './pool';
import { search, suggest } from './service';

export const searchRoutes: FastifyPluginAsyncTypebox<{ ctx: Context }> = async (app, { ctx }) => {
  ctx.search.follow(ctx.postEvents);
  // With a database file, full searches run in a worker thread so they never stall other
  // requests; an in-memory database (tests) cannot be shared with a thread and is searched here.
  const worker = ctx.config.dbPath !== ':memory:' && process.env.KOTSU_SEARCH_WORKER !== '0'
    ? createSearchWorker(ctx.config.dbPath) : null;
  if (worker) app.addHook('onClose', async () => { await worker.close(); });
  // Build the typo vocabulary and start the worker before the first request.
  app.addHook('onReady', async () => { ctx.search.suggester.warm(); worker?.warm(); });

  app.get('/api/search', {
    config: { access: 'member' },
    schema: {
      tags: ['search'], summary: 'Full-text search of published tips',
      description: 'Words must all match; "quoted phrase"; -word excludes; the last word matches as a prefix.',
      querystring: SearchQuery,
      response: { 200: SearchResult, ...errors(400, 401) },
    },
  }, async (request) => {
    if (!worker) return search(ctx, request.query);
    try {
      return await worker.run(request.query, ctx.now());
    } catch (err) {
      // The worker is an optimization: if it cannot answer, search here.
      request.log.warn({ err }, 'search worker failed; searching in the main thread');
      return search(ctx, request.query);
    }
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
