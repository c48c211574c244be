import type { Context } from '../context';
import { normalize } from './normalize';
import { presentHits } from './presenter';
import { parseQuery, RELAX_MIN_TERMS, toMatch, type ParsedQuery } from './query';
import type { SearchQueryT, SearchResultT, SuggestResultT } from './schemas';
import { highlighter } from './snippet';
import type { SearchFilter } from './store';

const SUGGEST_POSTS = 8;
const SUGGEST_TAGS = 5;

const empty = (): SearchResultT => ({ total: 0, items: [], didYouMean: null, relaxed: false });

/**
 * A mistyped Latin word replaced by the closest word in titles and tags, when the corrected
 * query finds something. Returned in normalized form (vlookup 関数).
 */
function didYouMean(ctx: Context, q: string, parsed: ParsedQuery, base: SearchFilter): string | null {
  let corrected = normalize(q);
  let changed = false;
  for (const t of parsed.must) {
    if (!t.latin || t.tokens[0].length < 4) continue;
    const fix = ctx.search.suggester.correct(t.tokens[0]);
    if (!fix) continue;
    corrected = corrected.replace(new RegExp(`(?<![a-z0-9])${t.tokens[0]}(?![a-z0-9])`, 'g'), fix);
    changed = true;
  }
  if (!changed) return null;
  const match = toMatch(parseQuery(`${corrected} `));
  if (!match) return null;
  return ctx.search.store.page({ ...base, match, limit: 1, offset: 0 }).total ? corrected.trim() : null;
}

export function search(ctx: Context, query: SearchQueryT): SearchResultT {
  const { q = '', tag = [], author, sort = 'relevance', limit = 20, offset = 0, facets = false } = query;
  const parsed = parseQuery(q);
  const hasText = q.trim() !== '';
  // Text that yields no word to match (only punctuation, only exclusions) finds nothing.
  if (hasText && parsed.must.length === 0) return empty();
  if (!hasText && tag.length === 0 && author === undefined) return empty();

  const tagIds: number[] = [];
  for (const name of tag) {
    const t = ctx.tags.byName(name);
    if (!t) return empty();
    tagIds.push(t.id);
  }
  let authorId: number | undefined;
  if (author !== undefined) {
    const u = ctx.users.byUsername(author);
    if (!u) return empty();
    authorId = u.id;
  }

  const { store } = ctx.search;
  const filter: SearchFilter = {
    match: hasText ? toMatch(parsed) : null, tagIds: [...new Set(tagIds)], authorId, sort, limit, offset,
    now: ctx.now().toISOString(),
  };
  let page = store.page(filter);
  let total = page.total ?? (offset > 0 ? store.count(filter) : 0);
  let relaxed = false;
  if (total === 0 && parsed.must.length >= RELAX_MIN_TERMS) {
    const loose = { ...filter, match: toMatch(parsed, 'relaxed') };
    const again = store.page(loose);
    const looseTotal = again.total ?? (offset > 0 ? store.count(loose) : 0);
    if (looseTotal > 0) {
      page = again;
      total = looseTotal;
      relaxed = true;
      filter.match = loose.match;
    }
  }
  const result: SearchResultT = {
    total,
    items: presentHits(ctx, page.ids, highlighter(parsed.must)),
    didYouMean: total === 0 && hasText ? didYouMean(ctx, q, parsed, filter) : null,
    relaxed,
  };
  if (facets) result.facets = total > 0 ? store.facets(filter) : [];
  return result;
}

export function suggest(ctx: Context, q: string): SuggestResultT {
  const typed = q.trim();
  if (typed === '') return { posts: [], tags: [] };
  const { suggester, store } = ctx.search;
  const hits = suggester.search(typed, SUGGEST_POSTS * 2).map((r) => Number(r.id));
  // The memory index may trail a write that just committed: the database has the last word.
  const live = store.published(hits);
  const posts = hits.filter((id) => live.has(id)).slice(0, SUGGEST_POSTS).map((id) => ({ id, title: live.get(id) ?? '' }));

  const norm = normalize(typed);
  const words = norm.split(/\s+/u).filter(Boolean);
  const last = words[words.length - 1] ?? norm;
  const all = ctx.search.tags();
  const starts = all.filter((t) => t.norm.startsWith(norm) || t.norm.startsWith(last));
  const contains = all.filter((t) => !starts.includes(t) && (t.norm.includes(norm) || (last.length >= 2 && t.norm.includes(last))));
  const tags = [...starts, ...contains].slice(0, SUGGEST_TAGS).map(({ name, count }) => ({ name, count }));
  return { posts, tags };
}
