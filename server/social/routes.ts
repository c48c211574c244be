import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Context } from '../context';
import { followRoutes } from '../follows/routes';

/** Registers the social domains (following, mentions, replies, mail, invitations), each in its own scope. */
export const socialRoutes: FastifyPluginAsyncTypebox<{ ctx: Context }> = async (app, { ctx }) => {
  for (const routes of [followRoutes]) {
    await app.register(routes, { ctx });
  }
};
