/** Full-text search and suggestions (GET /api/search, GET /api/search/suggest). */
import { api } from './http';
import type { PublicUser } from './types';

export type SearchSort = 'relevance' | 'new' | 'popular';

export interface SearchHit {
  id: number;
  title: string;
  /** HTML-escaped text with matches in <mark>; turn into nodes with `snippetParts`, never unsafeHTML. */
  snippet: string;
  tags: string[];
  author: PublicUser;
  viewCount: number;
  likeCount: number;
  createdAt: string;
  updatedAt: string;
  /** DX賞 prizes of the tip (published rounds only). */
  awards?: { roundId: number; roundTitle: string; prize: string }[];
}

export interface TagCount { name: string; count: number }

export interface SearchResult {
  total: number;
  items: SearchHit[];
  didYouMean: string | null;
  relaxed: boolean;
  /** Set when the query as typed found nothing and these are the results of this corrected query. */
  correctedTo?: string | null;
  facets?: TagCount[];
}

export interface SearchParams {
  q?: string;
  tag?: readonly string[];
  author?: string;
  sort?: SearchSort;
  limit?: number;
  offset?: number;
  facets?: boolean;
  /** Search exactly what was typed (no corrected results). */
  exact?: boolean;
}

export function searchTips(params: SearchParams, signal?: AbortSignal): Promise<SearchResult> {
  return api<SearchResult>('/api/search', {
    query: {
      q: params.q, tag: params.tag, author: params.author, sort: params.sort,
      limit: params.limit, offset: params.offset || undefined, facets: params.facets || undefined,
      exact: params.exact || undefined,
    },
    signal,
  });
}

export interface Suggestions { posts: { id: number; title: string }[]; tags: TagCount[] }

export function suggest(q: string, signal?: AbortSignal): Promise<Suggestions> {
  return api<Suggestions>('/api/search/suggest', { query: { q }, signal });
}

export interface TipLink { id: number; title: string }

/** Up to five published tips related to a tip (GET /api/search/related). */
export function relatedTips(id: number, signal?: AbortSignal): Promise<{ items: TipLink[] }> {
  return api<{ items: TipLink[] }>('/api/search/related', { query: { id }, signal });
}

/** Up to five published tips similar to a title being typed (GET /api/search/similar). */
export function similarTips(q: string, signal?: AbortSignal): Promise<{ items: TipLink[] }> {
  return api<{ items: TipLink[] }>('/api/search/similar', { query: { q }, signal });
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };
const unescape = (s: string) => s.replace(/&(?:amp|lt|gt|quot|#39);/g, (e) => ENTITIES[e] ?? e);

/** A snippet as plain-text parts, `mark` telling which were matched; nothing is parsed as HTML. */
export function snippetParts(snippet: string): { text: string; mark: boolean }[] {
  const parts: { text: string; mark: boolean }[] = [];
  const re = /<mark>([\s\S]*?)<\/mark>/g;
  let last = 0;
  for (const m of snippet.matchAll(re)) {
    const at = m.index ?? 0;
    if (at > last) parts.push({ text: unescape(snippet.slice(last, at)), mark: false });
    parts.push({ text: unescape(m[1]), mark: true });
    last = at + m[0].length;
  }
  if (last < snippet.length) parts.push({ text: unescape(snippet.slice(last)), mark: false });
  return parts;
}
