import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Context } from '../context';
import { byId, paginate } from '../http/cursor';
import { errors, Page } from '../http/schemas';
import { presentAudit } from './presenter';
import { AuditItem, AuditQuery } from './schemas';

/** The audit trail is read-only through the app: there is no route that edits or deletes it. */
export const auditRoutes: FastifyPluginAsyncTypebox<{ ctx: Context }> = async (app, { ctx }) => {
  app.get('/api/moderation/audit', {
    config: { access: 'admin' },
    schema: { tags: ['moderation'], summary: 'The audit trail, newest first, filtered by actor, action, target or time',
      querystring: AuditQuery, response: { 200: Page(AuditItem), ...errors(400, 401, 403) } },
  }, async (request) => {
    const { actor, action, targetType, targetId, since, until, limit = 20, cursor } = request.query;
    let actorId: number | null = null;
    if (actor !== undefined) {
      const user = ctx.users.byUsername(actor);
      if (!user) return { items: [], nextCursor: null };
      actorId = user.id;
    }
    return paginate({ cursor, limit }, byId, (after, take) => ctx.audit.list({
      actorId, action: action ?? null, targetType: targetType ?? null, targetId: targetId ?? null,
      since: since ? new Date(since).toISOString() : null, until: until ? new Date(until).toISOString() : null,
      after: (after?.[0] as number) ?? null, limit: take,
    }), (rows) => rows.map(presentAudit));
  });

  app.get('/api/moderation/audit/actions', {
    config: { access: 'admin' },
    schema: { tags: ['moderation'], summary: 'Every action name the trail holds, for filtering',
      response: { 200: Type.Object({ items: Type.Array(Type.String()) }), ...errors(401, 403) } },
  }, async () => ({ items: ctx.audit.actions() }));
};
