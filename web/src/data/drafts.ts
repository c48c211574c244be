/** Drafts and saving with conflict detection. */
import { ApiError, api, type Page } from './http';
import type { EditConflict } from './revisions';
import type { Post, PostSummary } from './types';

export interface TipInput {
  title: string;
  body: string;
  tags: string[];
}

/** A save refused because the tip changed since the edit started; carries the current version. */
export class ConflictError extends ApiError {
  constructor(readonly conflict: EditConflict) {
    super(409, 'conflict', conflict.message);
  }
}

export const createTip = (input: TipInput, status: 'draft' | 'published') =>
  api<Post>('/api/posts', { method: 'POST', body: { ...input, status } });

/** Saves over `baseRevision`; a newer revision on the server makes it throw ConflictError. */
export async function saveTip(id: number, input: TipInput, baseRevision: number | undefined): Promise<Post> {
  const res = await fetch(`/api/posts/${id}`, {
    method: 'PATCH', credentials: 'same-origin',
    headers: { accept: 'application/json', 'content-type': 'application/json' },
    body: JSON.stringify(baseRevision === undefined ? input : { ...input, baseRevision }),
  }).catch(() => null);
  if (!res) throw new ApiError(0, 'network', 'network error');
  const data = (await res.json().catch(() => null)) as (Post & EditConflict) | null;
  if (res.status === 409 && data?.current) throw new ConflictError(data);
  if (!res.ok || !data) throw new ApiError(res.status, data?.error ?? 'http_error', data?.message ?? `HTTP ${res.status}`);
  return data;
}

export const publishDraft = (id: number) => api<Post>(`/api/posts/${id}/publish`, { method: 'POST' });

export const listMyDrafts = (q: { limit?: number; cursor?: string | null } = {}) =>
  api<Page<PostSummary>>('/api/me/drafts', { query: { limit: q.limit, cursor: q.cursor ?? undefined } });
