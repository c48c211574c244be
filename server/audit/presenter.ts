import type { Static } from '@sinclair/typebox';
import type { AuditItem } from './schemas';
import type { AuditRow } from './store';

export function presentAudit(r: AuditRow): Static<typeof AuditItem> {
  return {
    id: r.id,
    at: r.at,
    actor: r.actor_id === null || r.actor_username === null ? null
      : { id: r.actor_id, username: r.actor_username, displayName: r.actor_display_name ?? '' },
    action: r.action,
    targetType: r.target_type,
    targetId: r.target_id,
    detail: JSON.parse(r.detail) as Record<string, unknown>,
  };
}
