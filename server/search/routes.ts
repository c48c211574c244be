import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Context } from '../context';
import { errors } from '../http/schemas';
import { SearchQuery, SearchResult, SuggestQuery, SuggestResult } from './schemas';
import { search, suggest } from './service';

export const searchRoutes: FastifyPluginAsyncTypebox<{ ctx: Context }> = async (app, { ctx }) => {
  ctx.search.follow(ctx.postEvents);
  // Build the suggestion index before the first request rather than on the first keystroke.
  app.addHook('onReady', async () => { ctx.search.suggester.warm(); });

  app.get('/api/search', {
    config: { access: 'member' },
    schema: {
      tags: ['search'], summary: 'Full-text search of published tips',
      description: 'Words must all match; "quoted phrase"; -word excludes; the last word matches as a prefix.',
      querystring: SearchQuery,
      response: { 200: SearchResult, ...errors(400, 401) },
    },
  }, async (request) => search(ctx, request.query));

  app.get('/api/search/suggest', {
    config: { access: 'member' },
    schema: {
      tags: ['search'], summary: 'Tip titles and tags for what has been typed so far',
      querystring: SuggestQuery,
      response: { 200: SuggestResult, ...errors(400, 401) },
    },
  }, async (request) => suggest(ctx, request.query.q ?? ''));
};
