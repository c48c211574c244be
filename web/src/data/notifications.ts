/** The signed-in user's in-app notifications. */
import type { MarkReadInput, Notification, NotificationPage } from '../../../server/api-types';
import { api } from './http';

export type { Notification, NotificationPage };

/** Tells the badge and the menu to refresh after notifications were read elsewhere. */
export const NOTIFICATIONS_EVENT = 'kotsu-notifications-change';

let knownUnread: number | null = null;

/** The unread count the app started with (GET /api/session), for the badge's first showing. */
export function rememberUnread(n: number): void {
  knownUnread = n;
}

/** The remembered count, once: later counts are asked for. */
export function takeKnownUnread(): number | null {
  const n = knownUnread;
  knownUnread = null;
  return n;
}

export const listNotifications = (q: { unread?: boolean; limit?: number; cursor?: string | null } = {}) =>
  api<NotificationPage>('/api/me/notifications', { query: { unread: q.unread || undefined, limit: q.limit, cursor: q.cursor ?? undefined } });

export async function markRead(which: MarkReadInput): Promise<{ unreadCount: number }> {
  const res = await api<{ unreadCount: number }>('/api/me/notifications/read', { method: 'POST', body: which });
  window.dispatchEvent(new CustomEvent(NOTIFICATIONS_EVENT, { detail: res.unreadCount }));
  return res;
}

/**
 * The in-app address a notification leads to. None to a tip whose title the server withholds
 * from this reader: it is hidden from her or deleted, and its page would only say 見つかりません.
 */
export function notificationHref(n: Notification): string | null {
  if (n.target.type === 'following') return '/?tab=following';
  if (n.target.id === null) return null;
  if (n.target.type === 'post') return n.target.title.trim() ? `/tips/${n.target.id}` : null;
  if (n.target.type === 'request') return `/requests/${n.target.id}`;
  return null;
}
