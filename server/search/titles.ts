/**
 * Suggestions' tip titles, from memory: the titles and tag names of published tips, after the
 * search pipeline (normalize.ts, then the tokens of tokenize.ts), with a posting list per token
 * prefix, so a keystroke costs no FTS5 query (through FTS5 a frequent prefix walked every
 * doclist: 15-30 ms at 100,000 tips).
 *
 * Matching is the FTS5 expression `{title tags} : (t1 AND t2 …)` that suggestions used before,
 * evaluated on the same tokens: each tip holds ` <title tokens> \u0001 <tag tokens> ` and a term
 * (a phrase of tokens, the last one a prefix when typed so far) matches where ` t1 t2 … tn `
 * (without the trailing space for a prefix) occurs; tokens never hold a space or \u0001, so a
 * phrase matches whole tokens in order and never spans title and tags.
 *
 * Candidates: every token contributes its first 1..KEY_UNITS UTF-16 units as keys (a Japanese
 * bigram 集計 gives 集 and 集計, vlookup gives v vl vlo … vlookup), each key listing the tips that
 * have it in ascending id order; a query token's key is its own first KEY_UNITS units, so a Latin
 * prefix that no title or tag has (vlokup, excelx) finds no list at once instead of verifying the
 * thousands of tips of a shorter shared prefix. A query's rarest key drives: its tips are walked
 * newest first and verified with `includes` on their text, stopping at the newest SUGGEST_CAP
 * matches; those are ranked (below) and the best returned.
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
 */
import type { SuggestSource } from './suggest';
import { normalize } from './normalize';
import { indexText } from './tokenize';

/** A term of the query language (query.ts): a phrase of tokens, the last one a prefix or not. */
export interface TitleTerm { tokens: string[]; prefix: boolean }

/**
 * How many leading UTF-16 units of a token are keys: every prefix of a Latin word up to this
 * length (a Japanese token has one or two characters, so all of its prefixes too).
 */
const KEY_UNITS = 10;
const SEP = '\u0001';
/** Column weights of the BM25 this ranking follows (store.ts ranks title 8, tags 5). */
const TITLE_WEIGHT = 8;
const TAGS_WEIGHT = 5;

interface Entry {
  title: string;
  /** ` <title tokens> \u0001 <tag tokens> ` */
  text: string;
  /** A match starting before this offset is in the title. */
  titleEnd: number;
  titleTokens: number;
  tagTokens: number;
  popularity: number;
}

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

const keyOf = (token: string) => token.length > KEY_UNITS ? token.slice(0, KEY_UNITS) : token;

function keysOf(text: string, keys = new Set<string>()): Set<string> {
  for (const token of text.split(' ')) {
    if (token === '' || token === SEP) continue;
    const n = Math.min(KEY_UNITS, token.length);
    for (let len = 1; len < n; len++) keys.add(token.slice(0, len));
    keys.add(n === token.length ? token : token.slice(0, n));
  }
  return keys;
}

const tokenCount = (tokens: string) => (tokens === '' ? 0 : tokens.split(' ').length);

function entryOf(doc: SuggestSource): Entry {
  const title = indexText(normalize(doc.title));
  const tags = indexText(normalize(doc.tags));
  return {
    title: doc.title,
    // Joined, not concatenated: a flat string (a concatenation is a rope that V8 would flatten,
    // allocating, on the first `includes` of a lookup).
    text: ['', title, SEP, tags, ''].join(' '),
    titleEnd: title.length + 1,
    titleTokens: tokenCount(title),
    tagTokens: tokenCount(tags),
    popularity: doc.popularity,
  };
}

/** The search blend's popularity term (store.ts BLEND_SQL). */
const popularityBoost = (p: number) => 1 + 0.2 * Math.min(1, Math.log(1 + Math.max(0, p)) / Math.log(1000));

export function createTitleIndex(load: {
  /** Every published tip with its tags, in ascending id order. */
  all: () => Iterable<SuggestSource>;
  /** One tip if it is published, else null. */
  one: (id: number) => SuggestSource | null;
}, opts: { cap: number }) {
  const entries = new Map<number, Entry>();
  const postings = new Map<string, Ids>();
  const dirty = new Set<number>();
  let built = false;
  let titleTokens = 0;
  let tagTokens = 0;

  function count(e: Entry, sign: 1 | -1) {
    titleTokens += sign * e.titleTokens;
    tagTokens += sign * e.tagTokens;
  }

  function build() {
    entries.clear();
    postings.clear();
    titleTokens = 0;
    tagTokens = 0;
    // Straight into the growable lists (ids come in ascending order, so each add appends).
    const keys = new Set<string>();
    for (const doc of load.all()) {
      const e = entryOf(doc);
      entries.set(doc.id, e);
      count(e, 1);
      keys.clear();
      for (const key of keysOf(e.text, keys)) {
        let list = postings.get(key);
        if (!list) postings.set(key, list = new Ids());
        list.add(doc.id);
      }
    }
    dirty.clear();
    built = true;
  }

  /** Replaces one tip's entry (null: the tip is not published any more). */
  function set(id: number, next: Entry | null) {
    const prev = entries.get(id);
    if (prev && next && prev.text === next.text) {
      count(prev, -1);
      count(next, 1);
      entries.set(id, next);
      return;
    }
    const before = prev ? keysOf(prev.text) : new Set<string>();
    const after = next ? keysOf(next.text) : new Set<string>();
    for (const key of before) {
      if (after.has(key)) continue;
      const list = postings.get(key);
      if (!list) continue;
      list.remove(id);
      if (list.n === 0) postings.delete(key);
    }
    for (const key of after) {
      if (before.has(key)) continue;
      let list = postings.get(key);
      if (!list) postings.set(key, list = new Ids());
      list.add(id);
    }
    if (prev) count(prev, -1);
    if (next) {
      count(next, 1);
      entries.set(id, next);
    } else {
      entries.delete(id);
    }
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
    reset() { built = false; entries.clear(); postings.clear(); dirty.clear(); },
    /**
     * Published tips whose title or tags match every term, best first (see the file's header),
     * ranked among the newest `cap` matches.
     */
    find(terms: readonly TitleTerm[], limit: number): { id: number; title: string }[] {
      ready();
      if (terms.length === 0 || limit <= 0) return [];
      const patterns: string[] = [];
      let driver: Ids | null = null;
      for (const t of terms) {
        if (t.tokens.length === 0) return [];
        patterns.push(` ${t.tokens.join(' ')}${t.prefix ? '' : ' '}`);
        for (const token of t.tokens) {
          const list = postings.get(keyOf(token));
          if (!list) return [];
          if (!driver || list.n < driver.n) driver = list;
        }
      }
      if (!driver) return [];
      // The newest `cap` matches, then the best `limit` of them kept in order as they are scored.
      const n = Math.max(1, entries.size);
      const avgTitle = Math.max(1, titleTokens / n);
      const avgTags = Math.max(1, tagTokens / n);
      const norm = (len: number, avg: number) => 1 / (1 + 1.2 * (0.25 + 0.75 * len / avg));
      const best: { id: number; e: Entry; score: number }[] = [];
      const ids = driver.a;
      let matched = 0;
      for (let i = driver.n - 1; i >= 0 && matched < opts.cap; i--) {
        const id = ids[i];
        const e = entries.get(id);
        if (!e) continue;
        let text = 0;
        for (const p of patterns) {
          const at = e.text.indexOf(p);
          if (at === -1) { text = -1; break; }
          if (at < e.titleEnd) text += TITLE_WEIGHT * norm(e.titleTokens, avgTitle);
          if (e.text.indexOf(p, e.titleEnd) !== -1) text += TAGS_WEIGHT * norm(e.tagTokens, avgTags);
        }
        if (text < 0) continue;
        matched++;
        // Newest first, so an equal score never displaces an earlier (newer) one.
        const score = text * popularityBoost(e.popularity);
        if (best.length === limit && score <= best[limit - 1].score) continue;
        let at = best.length === limit ? limit - 1 : best.length;
        while (at > 0 && best[at - 1].score < score) at--;
        if (best.length === limit) best.pop();
        best.splice(at, 0, { id, e, score });
      }
      return best.map(({ id, e }) => ({ id, title: e.title }));
    },
    /** Tips, keys and ids held (for the benchmark's report). */
    stats() {
      ready();
      let ids = 0;
      for (const list of postings.values()) ids += list.n;
      return { tips: entries.size, keys: postings.size, ids };
    },
  };
}

export type TitleIndex = ReturnType<typeof createTitleIndex>;
