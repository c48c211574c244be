/** Revision history of a tip: list, read, compare, restore. */
import type { DiffQuery, EditConflict, Post, Revision, RevisionDiff, RevisionSummary } from '../../../server/api-types';
import { api, type Page } from './http';

export type { EditConflict, Revision, RevisionDiff, RevisionSummary };
export type DiffLine = RevisionDiff['body'][number];
export type Segment = RevisionDiff['title'][number];

export const listRevisions = (postId: number, q: { limit?: number; cursor?: string | null } = {}) =>
  api<Page<RevisionSummary>>(`/api/posts/${postId}/revisions`, { query: { limit: q.limit, cursor: q.cursor ?? undefined } });
export const getRevision = (postId: number, n: number) => api<Revision>(`/api/posts/${postId}/revisions/${n}`);
export const getDiff = (postId: number, q: DiffQuery = {}) =>
  api<RevisionDiff>(`/api/posts/${postId}/diff`, { query: q });
export const restoreRevision = (postId: number, n: number, baseRevision?: number) =>
  api<Post>(`/api/posts/${postId}/revisions/${n}/restore`, { method: 'POST', body: baseRevision === undefined ? {} : { baseRevision } });
