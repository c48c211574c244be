import type { ListTagsQuery, TagCount } from '../../../server/api-types';
import { api } from './http';

export const listTags = (q: ListTagsQuery = {}, signal?: AbortSignal) =>
  api<{ items: TagCount[] }>('/api/tags', { query: q, signal });
