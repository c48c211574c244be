/** Revision history of a tip: list, read, compare, restore. */
import { api, type Page } from './http';
import type { Post, PublicUser } from './types';

export interface RevisionSummary {
  number: number;
  title: string;
  tags: string[];
  editor: PublicUser;
  createdAt: string;
  restoredFrom: number | null;
}

export interface Revision extends RevisionSummary {
  body: string;
}

export interface Segment { kind: 'equal' | 'added' | 'removed'; text: string }

export interface DiffLine {
  kind: 'equal' | 'added' | 'removed' | 'changed' | 'skip';
  oldLine?: number;
  newLine?: number;
  text?: string;
  segments?: Segment[];
  count?: number;
}

export interface RevisionDiff {
  from: RevisionSummary;
  to: RevisionSummary;
  title: Segment[];
  tags: { added: string[]; removed: string[] };
  body: DiffLine[];
  stats: { added: number; removed: number };
}

/** The 409 answer to a stale save: the tip as it is now. */
export interface EditConflict {
  error: 'conflict';
  message: string;
  currentRevision: number;
  current: Post;
}

export const listRevisions = (postId: number, q: { limit?: number; cursor?: string | null } = {}) =>
  api<Page<RevisionSummary>>(`/api/posts/${postId}/revisions`, { query: { limit: q.limit, cursor: q.cursor ?? undefined } });

export const getRevision = (postId: number, n: number) => api<Revision>(`/api/posts/${postId}/revisions/${n}`);

export const getDiff = (postId: number, q: { from?: number; to?: number; context?: number } = {}) =>
  api<RevisionDiff>(`/api/posts/${postId}/diff`, { query: q });

export const restoreRevision = (postId: number, n: number, baseRevision?: number) =>
  api<Post>(`/api/posts/${postId}/revisions/${n}/restore`, { method: 'POST', body: baseRevision === undefined ? {} : { baseRevision } });
