import type { CreatePostInput, ListPostsQuery, Post, PostSummary, ReviewList, UpdatePostInput } from '../../../server/api-types';

export type { ReviewList };
import { api, type Page } from './http';

export type PostInput = Pick<CreatePostInput, 'title' | 'body' | 'tags'>;
export type PostSort = NonNullable<ListPostsQuery['sort']>;

export const listPosts = (q: Omit<ListPostsQuery, 'cursor'> & { cursor?: string | null } = {}) =>
  api<Page<PostSummary>>('/api/posts', { query: { ...q, cursor: q.cursor ?? undefined } });
export const getPost = (id: number) => api<Post>(`/api/posts/${id}`);
export const createPost = (input: CreatePostInput) => api<Post>('/api/posts', { method: 'POST', body: input });
export const updatePost = (id: number, input: UpdatePostInput) =>
  api<Post>(`/api/posts/${id}`, { method: 'PATCH', body: input });
export const deletePost = (id: number) => api<void>(`/api/posts/${id}`, { method: 'DELETE' });
export const confirmPost = (id: number) => api<Post>(`/api/posts/${id}/confirm`, { method: 'POST' });
export const getReviewList = () => api<ReviewList>('/api/me/review');
/** One small request, kept alive if the reader leaves meanwhile. */
export const recordView = (id: number) =>
  api<{ viewCount: number; uniqueViewers: number; counted: boolean }>(`/api/posts/${id}/views`, { method: 'POST', keepalive: true });
export const renderPreview = (body: string, signal?: AbortSignal) =>
  api<{ html: string }>('/api/preview', { method: 'POST', body: { body }, signal });
