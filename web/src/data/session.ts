import type { Me, SessionState, SetupInput, SetupStatus } from '../../../server/api-types';
import { api } from './http';

export type { SessionState };

export const setupStatus = () => api<SetupStatus>('/api/setup');
/** Everything the shell starts with, in one request: user (or null), sign-in mode, setup, unread count. */
export const getSession = () => api<SessionState>('/api/session');
export const runSetup = (body: SetupInput) => api<Me>('/api/setup', { method: 'POST', body });
export const login = (username: string, password: string) =>
  api<{ user: Me }>('/api/session', { method: 'POST', body: { username, password } });
export const logout = () => api<void>('/api/session', { method: 'DELETE' });
export const fetchMe = () => api<Me>('/api/me');
/** Whether the server answers at all (GET /api/health). */
export const checkHealth = () => api<unknown>('/api/health');
