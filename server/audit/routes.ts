import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type, type Static } from '@sinclair/typebox';
import type { Context } from '../context';
import { byId, paginate } from '../http/cursor';
import { errors, Page } from '../http/schemas';
import { webBase } from '../feeds/service';
import { toCsv } from '../impact/csv';
import { presentAudit, targetLabel } from './presenter';
import type { AuditRow } from './store';
import { AuditItem, AuditQuery } from './schemas';

/** One encoder for every CSV (server/impact/csv.ts: BOM, CRLF, Excel formula guard). */
const AUDIT_CSV_ROWS = 10_000;

type AuditQueryT = Static<typeof AuditQuery>;

/** The audit trail is read-only through the app: there is no route that edits or deletes it. */
export const auditRoutes: FastifyPluginAsyncTypebox<{ ctx: Context }> = async (app, { ctx }) => {
  app.get('/api/moderation/audit', {
    config: { access: 'admin' },
    schema: { tags: ['moderation'], summary: 'The audit trail, newest first, filtered by actor, action, target or time',
      querystring: AuditQuery, response: { 200: Page(AuditItem), ...errors(400, 401, 403) } },
  }, async (request) => {
    const { limit = 20, cursor } = request.query;
    return paginate({ cursor, limit }, byId, (after, take) => auditRows(request.query, (after?.[0] as number) ?? null, take),
      (rows) => rows.map((r) => presentAudit(ctx, r)));
  });

  app.get('/api/moderation/audit.csv', {
    config: { access: 'admin' },
    schema: { tags: ['moderation'], summary: `The filtered audit trail as CSV for Excel (newest ${AUDIT_CSV_ROWS} at most)`,
      querystring: AuditQuery, response: { 200: { description: 'text/csv; charset=utf-8', type: 'string' }, ...errors(400, 401, 403) } },
  }, async (request, reply) => {
    const rows = auditRows(request.query, null, AUDIT_CSV_ROWS);
    const base = webBase(ctx);
    const link = (r: AuditRow) => (r.target_id === null ? '' : r.target_type === 'post' ? `${base}/tips/${r.target_id}` : '');
    const csv = toCsv(['日時', '操作者', 'ユーザー名', '操作', '対象の種類', '対象ID', '対象', '詳細', 'URL'], rows.map((r) => [
      r.at, r.actor_display_name ?? '', r.actor_username ?? '', r.action, r.target_type, r.target_id, targetLabel(ctx, r) ?? '',
      r.detail, link(r),
    ]));
    const day = ctx.now().toISOString().slice(0, 10);
    return reply.type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="kotsu-audit-${day}.csv"`)
      .header('cache-control', 'no-store')
      .send(csv);
  });

  function auditRows(q: AuditQueryT, after: number | null, limit: number): AuditRow[] {
    let actorId: number | null = null;
    if (q.actor !== undefined) {
      const user = ctx.users.byUsername(q.actor);
      if (!user) return [];
      actorId = user.id;
    }
    return ctx.audit.list({
      actorId, action: q.action ?? null, targetType: q.targetType ?? null, targetId: q.targetId ?? null,
      since: q.since ? new Date(q.since).toISOString() : null, until: q.until ? new Date(q.until).toISOString() : null,
      after, limit,
    });
  }

  app.get('/api/moderation/audit/actions', {
    config: { access: 'admin' },
    schema: { tags: ['moderation'], summary: 'Every action name the trail holds, for filtering',
      response: { 200: Type.Object({ items: Type.Array(Type.String()) }), ...errors(401, 403) } },
  }, async () => ({ items: ctx.audit.actions() }));
};
