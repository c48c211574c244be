import { api } from './http';
import type { Me } from './types';

export const setupStatus = () => api<{ needed: boolean; authMode: 'local' | 'proxy' }>('/api/setup');

export const runSetup = (body: { username: string; password: string; displayName: string; department?: string }) =>
  api<Me>('/api/setup', { method: 'POST', body });

export const login = (username: string, password: string) =>
  api<{ user: Me }>('/api/session', { method: 'POST', body: { username, password } });

export const logout = () => api<void>('/api/session', { method: 'DELETE' });

export const fetchMe = () => api<Me>('/api/me');
