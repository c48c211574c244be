import { api } from './http';
import type { PublicUser } from './types';

export const getProfile = (username: string) => api<PublicUser>(`/api/profiles/${encodeURIComponent(username)}`);
