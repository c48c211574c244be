/**
 * Suggestions' tip titles, from memory: the titles and tag names of published tips, after the
 * search pipeline (normalize.ts, then the tokens of tokenize.ts), with a posting list per key,
 * so a keystroke costs no FTS5 query (through FTS5 a frequent prefix walked every doclist:
 * 10-40 ms at 100,000 tips).
 *
 * Matching is the FTS5 expression `{title tags} : (t1 AND t2 …)` that suggestions used before,
 * evaluated on the same tokens: each tip holds ` <title tokens> \u0001 <tag tokens> ` and a term
 * (a phrase of tokens, the last one a prefix when typed so far) matches where ` t1 t2 … tn `
 * (without the trailing space for a prefix) occurs; tokens never hold a space or \u0001, so a
 * phrase matches whole tokens in order and never spans title and tags.
 *
 * Keys: a Japanese token (a bigram such as 集計, or a lone character) is a key as it is; a Latin
 * word gives every prefix of its first KEY_UNITS UTF-16 units (vlookup: v vl vlo … vlookup), so a
 * prefix that no title or tag has (vlokup, excelx) finds no list at once. Each key lists the tips
 * that have it in ascending id order (an Int32Array). A query's rarest key drives: its tips are
 * walked newest first and verified with `includes` on their text, up to the newest SUGGEST_CAP
 * matches, and the best `limit` of those are kept while they are scored. A lone Japanese
 * character typed last (印…) is the start of several bigrams and has no key of its own (a list per
 * character would hold most tips again): its candidates are the lists of the bigrams that start
 * with it (印刷, 印鑑, …, known by first character) merged newest first, when they are few and
 * short enough to drive; otherwise it is only verified, and a query with no other term (`印` alone
 * is below the two characters suggestions need; `印!` is not) is left to FTS5 (`find` returns null).
 *
 * Ranking, like FTS5's BM25 on title 8 / tags 5 without the IDF (the same words for every
 * candidate): per term and per column it occurs in, weight / (1 + 1.2 × (0.25 + 0.75 × tokens in
 * the column / the average)), summed, times the popularity term of the search blend
 * (1 + 0.2 · min(1, ln(1 + views + 3·likes) / ln 1000)); newest first on a tie. Popularity is as
 * read when the tip was last loaded (start-up, or its last write).
 *
 * It follows writes lazily, as suggest.ts does: a write marks the tip dirty inside its
 * transaction and the next lookup re-reads the dirty tips (published ones only) as the database
 * has them then, so a write that rolls back changes nothing, and a tip hidden, deleted or turned
 * into a draft leaves every list.
 *
 * Memory (100,000 synthetic tips): see docs/search.md. Per tip it holds the title, the token text
 * and four numbers in arrays indexed by id (no object per tip).
 */
import type { SuggestSource } from './suggest';
import { popularityTerm } from './store';
import { CJK_TOKEN, indexedTitle } from './tokenize';

/** A term of the query language (query.ts): a phrase of tokens, the last one a prefix or not. */
export interface TitleTerm {
  tokens: string[];
  prefix: boolean;
  /** Other phrases that match in its place (query.ts: the dictionary's spellings and synonyms). */
  alternatives?: string[][];
}

/** How many leading UTF-16 units of a Latin word give keys (every prefix up to this length). */
const KEY_UNITS = 10;
const SEP = '\u0001';
/** Column weights of the BM25 this ranking follows (store.ts ranks title 8, tags 5). */
const TITLE_WEIGHT = 8;
const TAGS_WEIGHT = 5;
/** Numbers held per tip, at id × FIELDS: where the title's tokens end, title and tag token counts, popularity. */
const FIELDS = 4;

/** Tip ids in ascending order, in an Int32Array with room to grow (4 bytes an id). */
class Ids {
  a: Int32Array;
  n = 0;
  constructor(capacity = 4) { this.a = new Int32Array(capacity); }
  private find(id: number): number {
    let lo = 0;
    let hi = this.n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.a[mid] < id) lo = mid + 1; else hi = mid;
    }
    return lo;
  }
  add(id: number) {
    const at = this.n === 0 || this.a[this.n - 1] < id ? this.n : this.find(id);
    if (at < this.n && this.a[at] === id) return;
    if (this.n === this.a.length) {
      const bigger = new Int32Array(Math.ceil(this.a.length * 1.5) + 4);
      bigger.set(this.a);
      this.a = bigger;
    }
    this.a.copyWithin(at + 1, at, this.n);
    this.a[at] = id;
    this.n++;
  }
  remove(id: number) {
    const at = this.find(id);
    if (at >= this.n || this.a[at] !== id) return;
    this.a.copyWithin(at, at + 1, this.n);
    this.n--;
  }
}

const isJapanese = (token: string) => token.length <= 4 && CJK_TOKEN.test(token);
/** The first character of a token (one or two UTF-16 units). */
const firstChar = (token: string) => (token.codePointAt(0)! > 0xffff ? token.slice(0, 2) : token.slice(0, 1));
/** A lone character typed as a prefix merges the lists of at most this many bigrams. */
const MAX_MERGED = 32;

function keysOf(text: string, keys = new Set<string>()): Set<string> {
  for (const token of text.split(' ')) {
    if (token === '' || token === SEP) continue;
    if (isJapanese(token)) { keys.add(token); continue; }
    const n = Math.min(KEY_UNITS, token.length);
    for (let len = 1; len < n; len++) keys.add(token.slice(0, len));
    keys.add(n === token.length ? token : token.slice(0, n));
  }
  return keys;
}

/**
 * The key that lists every tip a query token can match, or null for a lone Japanese character
 * typed as a prefix (the first character of many bigrams).
 */
function queryKey(token: string, prefix: boolean): string | null {
  if (isJapanese(token)) return prefix && Array.from(token).length === 1 ? null : token;
  return token.length > KEY_UNITS ? token.slice(0, KEY_UNITS) : token;
}

interface Entry { title: string; text: string; titleEnd: number; titleTokens: number; tagTokens: number; popularity: number }

const tokenCount = (tokens: string) => (tokens === '' ? 0 : tokens.split(' ').length);

function entryOf(doc: SuggestSource): Entry {
  const { title, tags } = indexedTitle(doc);
  return {
    title: doc.title,
    // Joined, not concatenated: a flat string (a concatenation is a rope that V8 would flatten,
    // allocating, on the first `includes` of a lookup).
    text: ['', title, SEP, tags, ''].join(' '),
    titleEnd: title.length + 1,
    titleTokens: tokenCount(title),
    tagTokens: tokenCount(tags),
    popularity: Math.max(0, Math.min(2 ** 31 - 1, Math.round(doc.popularity))),
  };
}

/** The search blend's popularity factor (store.ts). */
const popularityBoost = (p: number) => 1 + popularityTerm(p);

export function createTitleIndex(load: {
  /** Every published tip with its tags, in ascending id order. */
  all: () => Iterable<SuggestSource>;
  /** One tip if it is published, else null. */
  one: (id: number) => SuggestSource | null;
}, opts: { cap: number }) {
  // Per tip, by id: its title and token text (undefined when not held), and FIELDS numbers.
  let titles: (string | undefined)[] = [];
  let texts: (string | undefined)[] = [];
  let nums = new Int32Array(0);
  let held = 0;
  const postings = new Map<string, Ids>();
  // Japanese keys by first character (印 → 印刷, 印鑑, 印): the candidates of a lone character typed last.
  const byFirst = new Map<string, Set<string>>();
  function listOf(key: string): Ids {
    let list = postings.get(key);
    if (list) return list;
    postings.set(key, list = new Ids());
    if (isJapanese(key)) {
      const c = firstChar(key);
      let keys = byFirst.get(c);
      if (!keys) byFirst.set(c, keys = new Set());
      keys.add(key);
    }
    return list;
  }
  function dropList(key: string) {
    postings.delete(key);
    if (!isJapanese(key)) return;
    const c = firstChar(key);
    const keys = byFirst.get(c);
    keys?.delete(key);
    if (keys?.size === 0) byFirst.delete(c);
  }
  const dirty = new Set<number>();
  let built = false;
  let titleTokens = 0;
  let tagTokens = 0;

  function clear() {
    titles = [];
    texts = [];
    nums = new Int32Array(0);
    held = 0;
    postings.clear();
    byFirst.clear();
    titleTokens = 0;
    tagTokens = 0;
  }

  /** Stores or removes one tip's entry and its token counts (not its keys). */
  function hold(id: number, e: Entry | null) {
    const at = id * FIELDS;
    if (texts[id] !== undefined) {
      titleTokens -= nums[at + 1];
      tagTokens -= nums[at + 2];
      held--;
    }
    if (!e) {
      if (id < texts.length) { texts[id] = undefined; titles[id] = undefined; }
      return;
    }
    // Grown one slot at a time so the arrays stay fast (an index far past the end would turn
    // them into dictionaries).
    while (texts.length <= id) { texts.push(undefined); titles.push(undefined); }
    if (nums.length < (id + 1) * FIELDS) {
      const bigger = new Int32Array(Math.max((id + 1) * FIELDS, Math.ceil(nums.length * 1.5)));
      bigger.set(nums);
      nums = bigger;
    }
    texts[id] = e.text;
    titles[id] = e.title;
    nums[at] = e.titleEnd;
    nums[at + 1] = e.titleTokens;
    nums[at + 2] = e.tagTokens;
    nums[at + 3] = e.popularity;
    titleTokens += e.titleTokens;
    tagTokens += e.tagTokens;
    held++;
  }

  function build() {
    clear();
    // Two passes: the tips and how many each key lists, then every list at its exact size, filled
    // in id order (each add appends). Growing the lists as tips come instead left them half empty
    // on average and churned three times their size through the allocator.
    const keys = new Set<string>();
    const sizes = new Map<string, number>();
    const ids: number[] = [];
    for (const doc of load.all()) {
      const e = entryOf(doc);
      hold(doc.id, e);
      ids.push(doc.id);
      keys.clear();
      for (const key of keysOf(e.text, keys)) sizes.set(key, (sizes.get(key) ?? 0) + 1);
    }
    for (const [key, size] of sizes) listOf(key).a = new Int32Array(size);
    for (const id of ids) {
      keys.clear();
      for (const key of keysOf(texts[id] as string, keys)) listOf(key).add(id);
    }
    dirty.clear();
    built = true;
  }

  /** Replaces one tip's entry (null: the tip is not published any more). */
  function set(id: number, next: Entry | null) {
    const prev = texts[id];
    const before = prev !== undefined ? keysOf(prev) : new Set<string>();
    const after = next ? keysOf(next.text) : new Set<string>();
    for (const key of before) {
      if (after.has(key)) continue;
      const list = postings.get(key);
      if (!list) continue;
      list.remove(id);
      if (list.n === 0) dropList(key);
    }
    for (const key of after) if (!before.has(key)) listOf(key).add(id);
    hold(id, next);
  }

  function ready() {
    if (!built) build();
    if (dirty.size === 0) return;
    for (const id of dirty) {
      const doc = load.one(id);
      set(id, doc ? entryOf(doc) : null);
    }
    dirty.clear();
  }

  return {
    /** Called inside a tip write's transaction; the change is read on the next lookup. */
    touch(id: number) { if (built) dirty.add(id); },
    /** Builds the index now (at start-up) rather than on the first keystroke. */
    warm() { ready(); },
    reset() { built = false; clear(); dirty.clear(); },
    /**
     * Published tips whose title or tags match every term, best first (see the file's header),
     * ranked among the newest `cap` matches; null when nothing can drive (only lone Japanese
     * characters typed as a prefix, each the start of more than MAX_MERGED bigrams), which FTS5
     * then answers.
     */
    find(terms: readonly TitleTerm[], limit: number): { id: number; title: string }[] | null {
      ready();
      if (terms.length === 0 || limit <= 0) return [];
      // Per term, the patterns of its phrase and of each alternative (any one matches).
      const patterns: string[][] = [];
      // The candidates: the shortest list of one key, or the merged lists of the bigrams a lone
      // character typed last starts, when that is shorter; for a term with alternatives, the
      // lists of each alternative's best key together.
      let driver: Ids[] | null = null;
      let driverSize = 0;
      let driverTerm = -1;
      for (const t of terms) {
        if (t.tokens.length === 0) return [];
        const variants = [{ tokens: t.tokens, prefix: t.prefix }, ...(t.alternatives ?? []).map((a) => ({ tokens: a, prefix: false }))];
        const pats: string[] = [];
        const termLists: Ids[] = [];
        let termSize = 0;
        let matchable = false;
        let bounded = true;
        for (const v of variants) {
          if (v.tokens.length === 0) continue;
          let best: Ids[] | null = null;
          let bestSize = 0;
          let possible = true;
          for (let i = 0; i < v.tokens.length; i++) {
            const token = v.tokens[i];
            const key = queryKey(token, v.prefix && i === v.tokens.length - 1);
            let lists: Ids[];
            if (key !== null) {
              const list = postings.get(key);
              if (!list) { possible = false; break; }
              lists = [list];
            } else {
              const keys = byFirst.get(token);
              if (!keys) { possible = false; break; }
              if (keys.size > MAX_MERGED) continue;
              lists = [...keys].map((k) => postings.get(k)!);
            }
            let size = 0;
            for (const l of lists) size += l.n;
            if (!best || size < bestSize) { best = lists; bestSize = size; }
          }
          if (!possible) continue;
          matchable = true;
          pats.push(` ${v.tokens.join(' ')}${v.prefix ? '' : ' '}`);
          if (!best) bounded = false;
          else { termLists.push(...best); termSize += bestSize; }
        }
        if (!matchable) return [];
        patterns.push(pats);
        if (bounded && (!driver || termSize < driverSize)) { driver = termLists; driverSize = termSize; driverTerm = patterns.length - 1; }
      }
      if (!driver) return null;
      // The driving term's own pattern last: it holds for most of the tips its key lists.
      patterns.push(...patterns.splice(driverTerm, 1));
      const n = Math.max(1, held);
      const avgTitle = Math.max(1, titleTokens / n);
      const avgTags = Math.max(1, tagTokens / n);
      const norm = (len: number, avg: number) => 1 / (1 + 1.2 * (0.25 + 0.75 * len / avg));
      // The newest `cap` matches, the best `limit` of them kept in order as they are scored.
      const best: { id: number; score: number }[] = [];
      let matched = 0;
      const visit = (id: number) => {
        const text = texts[id];
        if (text === undefined) return;
        const at = id * FIELDS;
        const titleEnd = nums[at];
        let score = 0;
        for (const pats of patterns) {
          let inTitle = false;
          let inTags = false;
          for (const p of pats) {
            const found = text.indexOf(p);
            if (found === -1) continue;
            if (found < titleEnd) inTitle = true;
            if (!inTags && text.indexOf(p, titleEnd) !== -1) inTags = true;
          }
          if (!inTitle && !inTags) return;
          if (inTitle) score += TITLE_WEIGHT * norm(nums[at + 1], avgTitle);
          if (inTags) score += TAGS_WEIGHT * norm(nums[at + 2], avgTags);
        }
        matched++;
        score *= popularityBoost(nums[at + 3]);
        // Newest first, so an equal score never displaces an earlier (newer) one.
        if (best.length === limit && score <= best[limit - 1].score) return;
        let to = best.length === limit ? limit - 1 : best.length;
        while (to > 0 && best[to - 1].score < score) to--;
        if (best.length === limit) best.pop();
        best.splice(to, 0, { id, score });
      };
      if (driver.length === 1) {
        const { a, n: count } = driver[0];
        for (let i = count - 1; i >= 0 && matched < opts.cap; i--) visit(a[i]);
      } else {
        // Newest first across the lists, each tip once (a tip can have 印刷 and 印鑑).
        const heads = driver.map((l) => l.n - 1);
        let last = -1;
        while (matched < opts.cap) {
          let pick = -1;
          let id = -1;
          for (let k = 0; k < driver.length; k++) {
            if (heads[k] >= 0 && driver[k].a[heads[k]] > id) { id = driver[k].a[heads[k]]; pick = k; }
          }
          if (pick === -1) break;
          heads[pick]--;
          if (id !== last) visit(id);
          last = id;
        }
      }
      return best.map(({ id }) => ({ id, title: titles[id] as string }));
    },
    /** Tips, keys and ids held (for the benchmark's report). */
    stats() {
      ready();
      let ids = 0;
      for (const list of postings.values()) ids += list.n;
      return { tips: held, keys: postings.size, ids };
    },
  };
}

export type TitleIndex = ReturnType<typeof createTitleIndex>;
