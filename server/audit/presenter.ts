import type { Static } from '@sinclair/typebox';
import type { Context } from '../context';
import type { AuditItem } from './schemas';
import type { AuditRow } from './store';

/** The name of an entry's target as it is now, so the log reads in names rather than ids. */
export function targetLabel(ctx: Context, r: AuditRow): string | null {
  if (r.target_id === null) return null;
  switch (r.target_type) {
    case 'post': return ctx.posts.byId(r.target_id)?.title ?? null;
    case 'user': return ctx.users.byId(r.target_id)?.display_name ?? null;
    case 'award_round': return ctx.awards.roundById(r.target_id)?.title ?? null;
    case 'comment': {
      const c = ctx.comments.byId(r.target_id);
      return c ? ctx.posts.byId(c.post_id)?.title ?? null : null;
    }
    default: return null;
  }
}

export function presentAudit(ctx: Context, r: AuditRow): Static<typeof AuditItem> {
  return {
    id: r.id,
    at: r.at,
    actor: r.actor_id === null || r.actor_username === null ? null
      : { id: r.actor_id, username: r.actor_username, displayName: r.actor_display_name ?? '' },
    action: r.action,
    targetType: r.target_type,
    targetId: r.target_id,
    targetLabel: targetLabel(ctx, r),
    detail: JSON.parse(r.detail) as Record<string, unknown>,
  };
}
