import type { PublicUser } from '../../../server/api-types';
import { api } from './http';

export const getProfile = (username: string) => api<PublicUser>(`/api/profiles/${encodeURIComponent(username)}`);
