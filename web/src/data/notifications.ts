/** The signed-in user's in-app notifications. */
import { api, type Page } from './http';
import type { PublicUser } from './types';

export interface Notification {
  id: number;
  /** post.hidden, post.restored, report.accepted, report.dismissed, … */
  kind: string;
  actor: PublicUser | null;
  target: { type: string; id: number | null; title: string };
  text: string;
  createdAt: string;
  read: boolean;
}

export interface NotificationPage extends Page<Notification> {
  unreadCount: number;
}

/** Tells the badge and the menu to refresh after notifications were read elsewhere. */
export const NOTIFICATIONS_EVENT = 'kotsu-notifications-change';

export const listNotifications = (q: { unread?: boolean; limit?: number; cursor?: string | null } = {}) =>
  api<NotificationPage>('/api/me/notifications', { query: { unread: q.unread || undefined, limit: q.limit, cursor: q.cursor ?? undefined } });

export async function markRead(which: { ids: number[] } | { all: true }): Promise<{ unreadCount: number }> {
  const res = await api<{ unreadCount: number }>('/api/me/notifications/read', { method: 'POST', body: which });
  window.dispatchEvent(new CustomEvent(NOTIFICATIONS_EVENT, { detail: res.unreadCount }));
  return res;
}

/** The in-app address a notification leads to. */
export function notificationHref(n: Notification): string | null {
  if (n.target.type === 'following') return '/?tab=following';
  if (n.target.id === null) return null;
  if (n.target.type === 'post') return `/tips/${n.target.id}`;
  if (n.target.type === 'request') return `/requests/${n.target.id}`;
  return null;
}
