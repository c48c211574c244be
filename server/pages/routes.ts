import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Context } from '../context';
import { currentUser } from '../http/auth';
import { errors, IdParams } from '../http/schemas';
import { HomePage, TipPage } from './schemas';
import { homePage, tipPage } from './service';


/**
 * Page answers: everything one page of the web app shows, in one request (the routes each part
 * comes from stay, for scripts and RPA). Serialized with JSON.stringify, as GET /api/posts/:id
 * is: each part is built by its own presenter with exactly its schema's fields, and
 * tests/pages/api.test.ts checks the answers against the schemas' own serializer.
 */
export const pageRoutes: FastifyPluginAsyncTypebox<{ ctx: Context }> = async (app, { ctx }) => {
  const serializerCompiler = () => (data: unknown) => JSON.stringify(data);

  app.get('/api/pages/tips/:id', {
    schema: { tags: ['pages'], summary: 'Everything a tip page shows, for the reader: the tip, its first comments, nominations, rounds open for nominations, adoptions, own report state',
      params: IdParams, response: { 200: TipPage, ...errors(400, 401, 404) } },
    serializerCompiler,
  }, async (request) => {
    return tipPage(ctx, currentUser(request), request.params.id);
  });

  app.get('/api/pages/home', {
    schema: { tags: ['pages'], summary: 'Everything the home page shows, for the reader: newest, popular and trending tips, the week\'s ranking, other departments\' favourites, tags',
      response: { 200: HomePage, ...errors(401) } },
    serializerCompiler,
  }, async (request) => {
    return homePage(ctx, currentUser(request));
  });
};
