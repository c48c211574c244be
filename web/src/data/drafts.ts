/** Drafts and saving with conflict detection. */
import type { EditConflict, Post, PostSummary, UpdatePostInput } from '../../../server/api-types';
import { ApiError, api, type Page } from './http';

export type TipInput = Required<Pick<UpdatePostInput, 'title' | 'body' | 'tags'>>;

/** A save refused because the tip changed since the edit started; carries the current version. */
export class ConflictError extends ApiError {
  constructor(readonly conflict: EditConflict) {
    super(409, 'conflict', conflict.message, conflict.reason, {}, conflict);
  }
}

export const createTip = (input: TipInput, status: 'draft' | 'published') =>
  api<Post>('/api/posts', { method: 'POST', body: { ...input, status } });

const isConflict = (data: unknown): data is EditConflict =>
  typeof data === 'object' && data !== null && 'current' in data && 'currentRevision' in data;

/** Saves over `baseRevision`; a newer revision on the server makes it throw ConflictError. */
export async function saveTip(id: number, input: TipInput, baseRevision: number | undefined): Promise<Post> {
  const body: UpdatePostInput = baseRevision === undefined ? input : { ...input, baseRevision };
  try {
    return await api<Post>(`/api/posts/${id}`, { method: 'PATCH', body });
  } catch (err) {
    if (err instanceof ApiError && err.status === 409 && isConflict(err.data)) throw new ConflictError(err.data);
    throw err;
  }
}

export const publishDraft = (id: number) => api<Post>(`/api/posts/${id}/publish`, { method: 'POST' });
export const listMyDrafts = (q: { limit?: number; cursor?: string | null } = {}) =>
  api<Page<PostSummary>>('/api/me/drafts', { query: { limit: q.limit, cursor: q.cursor ?? undefined } });
