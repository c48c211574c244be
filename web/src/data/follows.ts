/** Following tags and people, and the フォロー中 list (server/follows, docs/SOCIAL.md). */
import type { FollowState, MyFollows } from '../../../server/api-types';
import { api, type Page } from './http';
import type { PostSummary } from './types';

export type { FollowState, MyFollows };
export type FollowKind = 'tag' | 'user';

const followPath = (kind: FollowKind, name: string) =>
  kind === 'tag' ? `/api/tags/${encodeURIComponent(name)}/follow` : `/api/profiles/${encodeURIComponent(name)}/follow`;

export const getFollow = (kind: FollowKind, name: string) => api<FollowState>(followPath(kind, name));

export const setFollow = (kind: FollowKind, name: string, on: boolean) =>
  api<FollowState>(followPath(kind, name), { method: on ? 'PUT' : 'DELETE' });

export const getMyFollows = () => api<MyFollows>('/api/me/follows');

export const listFollowingPosts = (q: { limit?: number; cursor?: string | null } = {}) =>
  api<Page<PostSummary>>('/api/me/following/posts', { query: { limit: q.limit, cursor: q.cursor ?? undefined } });
