/** Comments on tips. */
import type { Comment } from '../../../server/api-types';
import { api, type Page } from './http';

export type { Comment };

export const listComments = (postId: number, cursor?: string | null) =>
  api<Page<Comment>>(`/api/posts/${postId}/comments`, { query: { limit: 100, cursor: cursor ?? undefined } });
export const addComment = (postId: number, body: string, parentId?: number) =>
  api<Comment>(`/api/posts/${postId}/comments`, { method: 'POST', body: parentId === undefined ? { body } : { body, parentId } });
export const editComment = (id: number, body: string) => api<Comment>(`/api/comments/${id}`, { method: 'PATCH', body: { body } });
export const deleteComment = (id: number) => api<void>(`/api/comments/${id}`, { method: 'DELETE' });
export const hideComment = (id: number, reason: string) =>
  api<Comment>(`/api/comments/${id}/hide`, { method: 'POST', body: { reason } });
export const restoreComment = (id: number) => api<Comment>(`/api/comments/${id}/restore`, { method: 'POST' });
