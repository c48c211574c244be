/** Looking members up by the names colleagues know them by (display name) or their login name. */
import type { PublicUser } from '../../../server/api-types';
import { api } from './http';

export const findPeople = (q: string, signal?: AbortSignal) =>
  api<{ items: PublicUser[] }>('/api/people', { query: { q, limit: 8 }, signal });
