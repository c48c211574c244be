import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { commentRoutes } from '../comments/routes';
import type { Context } from '../context';
import { draftRoutes } from '../drafts/routes';
import { feedRoutes } from '../feeds/routes';
import { freshnessRoutes } from '../freshness/routes';
import { imageRoutes } from '../images/routes';
import { requestRoutes } from '../requests/routes';
import { revisionRoutes } from '../revisions/routes';
import { templateRoutes } from '../templates/routes';

/** Registers the authoring domains, each in its own encapsulated scope (images adds its own body parser). */
export const authoringRoutes: FastifyPluginAsyncTypebox<{ ctx: Context }> = async (app, { ctx }) => {
  for (const routes of [imageRoutes, revisionRoutes, draftRoutes, commentRoutes, requestRoutes, templateRoutes, feedRoutes, freshnessRoutes]) {
    await app.register(routes, { ctx });
  }
};
