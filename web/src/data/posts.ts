import { api, type Page } from './http';
import type { Post, PostSummary } from './types';

export interface PostInput {
  title: string;
  body: string;
  tags: string[];
}

export type PostSort = 'new' | 'popular' | 'trending';

export const listPosts = (q: { sort?: PostSort; tag?: string; author?: string; limit?: number; cursor?: string | null } = {}) =>
  api<Page<PostSummary>>('/api/posts', { query: { ...q, cursor: q.cursor ?? undefined } });

export const getPost = (id: number) => api<Post>(`/api/posts/${id}`);

export const createPost = (input: PostInput) => api<Post>('/api/posts', { method: 'POST', body: input });

export const updatePost = (id: number, input: Partial<PostInput>) =>
  api<Post>(`/api/posts/${id}`, { method: 'PATCH', body: input });

export const deletePost = (id: number) => api<void>(`/api/posts/${id}`, { method: 'DELETE' });

export const confirmPost = (id: number) => api<Post>(`/api/posts/${id}/confirm`, { method: 'POST' });

export interface ReviewList { staleAfterDays: number; items: { post: PostSummary; reviewedAt: string }[] }
export const getReviewList = () => api<ReviewList>('/api/me/review');

export const recordView = (id: number) => api<{ viewCount: number }>(`/api/posts/${id}/views`, { method: 'POST' });

export const renderPreview = (body: string, signal?: AbortSignal) =>
  api<{ html: string }>('/api/preview', { method: 'POST', body: { body }, signal });
