import { api } from './http';
import type { TagCount } from './types';

export const listTags = (q: { q?: string; limit?: number } = {}, signal?: AbortSignal) =>
  api<{ items: TagCount[] }>('/api/tags', { query: q, signal });
