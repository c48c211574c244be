/** Tip requests (教えて): ask, vote 私も知りたい, answer with a tip, mark solved. */
import type { CreateRequestInput, ListRequestsQuery, RequestRef, TipRequest, TipRequestDetail, VoteState } from '../../../server/api-types';
import { api, type Page } from './http';

export type { TipRequest, TipRequestDetail };

export const listRequests = (q: Omit<ListRequestsQuery, 'cursor'> & { cursor?: string | null } = {}) =>
  api<Page<TipRequest>>('/api/requests', { query: { ...q, cursor: q.cursor ?? undefined } });
export const getRequest = (id: number) => api<TipRequestDetail>(`/api/requests/${id}`);
export const createRequest = (input: CreateRequestInput) =>
  api<TipRequestDetail>('/api/requests', { method: 'POST', body: input });
export const setVote = (id: number, on: boolean) =>
  api<VoteState>(`/api/requests/${id}/vote`, { method: on ? 'PUT' : 'DELETE' });
export const addAnswer = (id: number, postId: number) =>
  api<TipRequestDetail>(`/api/requests/${id}/answers`, { method: 'POST', body: { postId } });
export const solveRequest = (id: number, postId?: number) =>
  api<TipRequestDetail>(`/api/requests/${id}/solve`, { method: 'POST', body: postId === undefined ? {} : { postId } });
export const reopenRequest = (id: number) => api<TipRequestDetail>(`/api/requests/${id}/reopen`, { method: 'POST' });
export const deleteRequest = (id: number) => api<void>(`/api/requests/${id}`, { method: 'DELETE' });
export const requestsAnsweredBy = (postId: number) => api<{ items: RequestRef[] }>(`/api/posts/${postId}/requests`);
