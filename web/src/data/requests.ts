/** Tip requests (教えて): ask, vote 私も知りたい, answer with a tip, mark solved. */
import { api, type Page } from './http';
import type { PostSummary, PublicUser } from './types';

export interface TipRequest {
  id: number;
  title: string;
  body: string;
  /** From the server's safe Markdown renderer. */
  html: string;
  status: 'open' | 'solved';
  requester: PublicUser;
  voteCount: number;
  votedByMe: boolean;
  answerCount: number;
  solvedPostId: number | null;
  solvedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface TipRequestDetail extends TipRequest {
  answers: { post: PostSummary; linkedBy: PublicUser; linkedAt: string }[];
}

export const listRequests = (q: { status?: 'open' | 'solved' | 'all'; sort?: 'votes' | 'new'; limit?: number; cursor?: string | null } = {}) =>
  api<Page<TipRequest>>('/api/requests', { query: { ...q, cursor: q.cursor ?? undefined } });

export const getRequest = (id: number) => api<TipRequestDetail>(`/api/requests/${id}`);

export const createRequest = (input: { title: string; body?: string }) =>
  api<TipRequestDetail>('/api/requests', { method: 'POST', body: input });

export const setVote = (id: number, on: boolean) =>
  api<{ voteCount: number; votedByMe: boolean }>(`/api/requests/${id}/vote`, { method: on ? 'PUT' : 'DELETE' });

export const addAnswer = (id: number, postId: number) =>
  api<TipRequestDetail>(`/api/requests/${id}/answers`, { method: 'POST', body: { postId } });

export const solveRequest = (id: number, postId?: number) =>
  api<TipRequestDetail>(`/api/requests/${id}/solve`, { method: 'POST', body: postId === undefined ? {} : { postId } });

export const reopenRequest = (id: number) => api<TipRequestDetail>(`/api/requests/${id}/reopen`, { method: 'POST' });

export const deleteRequest = (id: number) => api<void>(`/api/requests/${id}`, { method: 'DELETE' });

export const requestsAnsweredBy = (postId: number) =>
  api<{ items: { id: number; title: string; status: 'open' | 'solved' }[] }>(`/api/posts/${postId}/requests`);
