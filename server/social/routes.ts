import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Context } from '../context';
import { followRoutes } from '../follows/routes';
import { likerRoutes } from '../likers/routes';
import { invitationRoutes } from '../invitations/routes';
import { mailRoutes } from '../mail/routes';
import { mentionsInTips } from '../mentions/service';

/** Registers the social domains (following, mentions, replies, mail, invitations), each in its own scope. */
export const socialRoutes: FastifyPluginAsyncTypebox<{ ctx: Context }> = async (app, { ctx }) => {
  mentionsInTips(ctx, ctx.postEvents);
  for (const routes of [followRoutes, likerRoutes, mailRoutes, invitationRoutes]) {
    await app.register(routes, { ctx });
  }
};
