/** My mail choices and the unsubscribe link (server/mail, docs/SOCIAL.md). */
import type { MailSettings } from '../../../server/api-types';
import { api } from './http';

export type { MailSettings };

export const getMailSettings = () => api<MailSettings>('/api/me/mail');

export const saveMailSettings = (s: Omit<MailSettings, 'available'>) => api<MailSettings>('/api/me/mail', { method: 'PUT', body: s });

export const unsubscribe = (token: string) => api<{ unsubscribed: boolean }>('/api/mail/unsubscribe', { method: 'POST', body: { token } });
