/** My mail choices and the unsubscribe link (server/mail, docs/SOCIAL.md). */
import { api } from './http';

export interface MailSettings {
  /** Whether this Kotsu sends mail at all. */
  available: boolean;
  email: string | null;
  mentions: boolean;
  digest: boolean;
}

export const getMailSettings = () => api<MailSettings>('/api/me/mail');

export const saveMailSettings = (s: Omit<MailSettings, 'available'>) => api<MailSettings>('/api/me/mail', { method: 'PUT', body: s });

export const unsubscribe = (token: string) => api<{ unsubscribed: boolean }>('/api/mail/unsubscribe', { method: 'POST', body: { token } });
