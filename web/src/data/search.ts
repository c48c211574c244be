/** Full-text search and suggestions (GET /api/search, GET /api/search/suggest). */
import type { RelatedResult, SearchHit, SearchQuery, SearchResult, Suggestions, TagCount } from '../../../server/api-types';
import { api } from './http';

export type { SearchHit, SearchResult, Suggestions, TagCount };
export type SearchSort = NonNullable<SearchQuery['sort']>;
/** SearchHit's snippet is HTML-escaped text with matches in <mark>: turn it into nodes with `snippetParts`, never unsafeHTML. */
export type SearchParams = SearchQuery;

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

export function suggest(q: string, signal?: AbortSignal): Promise<Suggestions> {
  return api<Suggestions>('/api/search/suggest', { query: { q }, signal });
}

export type TipLink = RelatedResult['items'][number];

/** Up to five published tips related to a tip (GET /api/search/related). */
export function relatedTips(id: number, signal?: AbortSignal): Promise<RelatedResult> {
  return api<RelatedResult>('/api/search/related', { query: { id }, signal });
}

/** Up to five published tips similar to a title being typed (GET /api/search/similar). */
export function similarTips(q: string, signal?: AbortSignal): Promise<RelatedResult> {
  return api<RelatedResult>('/api/search/similar', { query: { q }, signal });
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
