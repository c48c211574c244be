import type { NotificationT } from './schemas';
import type { NotificationRow } from './store';

/** Exactly the fields of a notification that leave the server. */
export function presentNotification(r: NotificationRow): NotificationT {
  return {
    id: r.id,
    kind: r.kind,
    actor: r.actor_id === null || r.actor_username === null ? null : {
      id: r.actor_id, username: r.actor_username, displayName: r.actor_display_name ?? '', department: r.actor_department ?? '',
    },
    target: { type: r.target_type, id: r.target_id, title: r.target_title },
    text: r.text,
    createdAt: r.created_at,
    read: r.read_at !== null,
  };
}
