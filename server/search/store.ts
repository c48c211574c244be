import type { Statement } from 'better-sqlite3';
import type { Database } from '../db/database';
import type { SuggestSource } from './suggest';
import { CJK_RUN, isIndexTerm } from './tokenize';
import { isSpellingKey } from './spellings';

export type SearchSort = 'relevance' | 'new' | 'popular';

/** What one tip contributes to the index: token text per column (see tokenize.ts). */
export interface IndexedDoc {
  title: string; tags: string; body: string;
  /** The katakana words of the title and tags as written (tokenize.ts katakanaWords): typo targets. */
  katakana?: string[];
}

/** The source of a tip's index entry, read inside the write's transaction. */
export interface SourceRow { id: number; title: string; html: string; status: string; tags: string }

export interface SearchFilter {
  /** FTS5 expression built by query.ts; null lists by the filters alone. */
  match: string | null;
  tagIds: number[];
  authorId?: number;
  sort: SearchSort;
  limit: number;
  offset: number;
  /** ISO time the recency term counts from. */
  now: string;
  /** The same expression with the words required in title or tags (the fast path's first tier). */
  titleMatch?: string | null;
  /**
   * The first tier's words as an expression for search_titles (titles and tags only, no column
   * filter), which finds the same tips as `titleMatch` without walking body entries: the tier asks
   * it whether two or more tips qualify, and ranks them with `titleMatch` (migration 0010). Not set
   * when the query excludes a word, which must then be looked for in bodies too.
   */
  titleOnly?: string | null;
  /**
   * When `match` is a relaxed expression: its groups (query.ts `relaxedGroups`), each matched
   * by a disjoint set of tips, ranked one by one when together they are within RANK_CAP.
   */
  groups?: string[] | null;
  /**
   * Tips left out whatever they match: the first tier's, for the wide tier (service.ts). Tested on
   * each row, instead of `NOT (first tier)` in the expression, which FTS5 walked again in every
   * statement and whose phrases BM25 weighed over their whole doclists besides.
   */
  exclude?: number[] | null;
}

/**
 * Ranking (sort=relevance). BM25 with column weights title 8, tags 5, body 1, multiplied by
 *   1 + 0.2 · min(1, ln(1 + views + 3·likes) / ln(1000))   popularity: at most +20 %, reached at ~1,000 views
 *     + 0.1 · exp(−days since last update / 180)         recency: +10 % when fresh, halving in ~4 months
 * The blend only reorders tips whose text matches about equally well; a far better text match
 * always wins. Tested on ordering in tests/search/ranking.test.ts.
 */
export const BLEND_SQL = `(1.0
  + 0.2 * min(1.0, ln(1.0 + p.view_count + 3.0 * p.like_count) / ln(1000.0))
  + 0.1 * exp(-max(0.0, julianday(@now) - julianday(p.updated_at)) / 180.0))`;
export const RANK_SQL = `(-bm25(search_fts, 8.0, 5.0, 1.0)) * ${BLEND_SQL}`;

interface RankStats { id: number; view_count: number; like_count: number; updated_at: string }

/**
 * How many of the best BM25 matches the fast path re-ranks with the blend, for pages within the
 * first RERANK results (pages 1-2 of 20); pages within the first RERANK_DEEP take that many.
 * Measured at 100,000 tips with the test collection planted among them (bench:search): 200 -> 100
 * cost 10-15 % less time with the same quality (nDCG@10 0.474 -> 0.475); 100 -> 50 cost 9 % less
 * (mean 5.06 -> 4.62 ms) and ranked better (nDCG@10 0.475 -> 0.514, recall@10 0.514 -> 0.552:
 * the blend, at most ×1.3, lifted popular tips that matched the words less well from deeper in the
 * BM25 order onto the page); eval:search's collection alone is unchanged (0.964).
 */
export const RERANK = 50;
export const RERANK_DEEP = 200;
const rerank = (f: SearchFilter) => (f.offset + f.limit <= RERANK ? RERANK : RERANK_DEEP);

/**
 * BM25 costs FTS5 a walk of each phrase's whole doclist (to weigh it) and about half a microsecond
 * per ranked tip, so a word found in tens of thousands of tips (excel: 27 ms for all 49,000) cannot
 * be ranked whole. When more than RANK_CAP tips match, the tips with the words in their title or
 * tags come first (the newest RANK_CAP of those at most), then body matches among the newest
 * RANK_CAP; pages past RERANK_DEEP rank the newest RANK_CAP. The newest N come from FTS5 walking
 * its doclists newest first (ORDER BY rowid DESC LIMIT N), which stops there. The total and the
 * order of sort=new/popular always cover every match; tag facets count the newest RANK_CAP.
 * Narrowing the query (another word, a tag) brings the set under the cap and ranks it all.
 */
export const RANK_CAP = 2000;
/** sort=new/popular walks the sort's index when it should reach the page within this many tips. */
const DENSE_WALK = 5000;
/** The same bound for suggestions, which answer every keystroke. */
export const SUGGEST_CAP = 300;

/** The same blend as RANK_SQL, for the fast path. */
export function blend(p: Omit<RankStats, 'id'>, nowDays: number): number {
  const age = Math.max(0, nowDays - Date.parse(p.updated_at) / 86_400_000);
  return 1 + popularityTerm(p.view_count + 3 * p.like_count) + 0.1 * Math.exp(-age / 180);
}

/** The blend's popularity term, from views + 3 × likes (also the suggestions' order, titles.ts). */
export function popularityTerm(popularity: number): number {
  return 0.2 * Math.min(1, Math.log(1 + popularity) / Math.log(1000));
}

const ORDER: Record<SearchSort, string> = {
  relevance: 'p.rank DESC, p.id DESC',
  new: 'p.created_at DESC, p.id DESC',
  popular: 'p.view_count DESC, p.like_count DESC, p.id DESC',
};

/** A tip's tag names in one space-separated column, as indexed (`p` is the tip). */
const TAGS_OF_P = `coalesce((SELECT group_concat(t.name, ' ') FROM post_tags pt JOIN tags t ON t.id = pt.tag_id
        WHERE pt.post_id = p.id), '') AS tags`;

/** A MATCH expression that is one quoted string (one token as indexed when isIndexTerm says so; see tokenCount). */
const ONE_QUOTED = /^"([^"\s]+)"$/u;

/** New words kept for the typo vocabulary between two of its lookups (store.freshWords). */
const FRESH_MAX = 50_000;

export function createSearchStore(db: Database, opts: { rankCap?: number; denseWalk?: number } = {}) {
  const rankCap = opts.rankCap ?? RANK_CAP;
  const denseWalk = opts.denseWalk ?? DENSE_WALK;
  const insert = db.prepare('INSERT INTO search_fts (rowid, title, tags, body) VALUES (@id, @title, @tags, @body)');
  const remove = db.prepare('DELETE FROM search_fts WHERE rowid = ?');
  const clear = db.prepare("INSERT INTO search_fts (search_fts) VALUES ('delete-all')");
  const insertTitle = db.prepare('INSERT INTO search_titles (rowid, title, tags) VALUES (@id, @title, @tags)');
  const removeTitle = db.prepare('DELETE FROM search_titles WHERE rowid = ?');
  const clearTitles = db.prepare("INSERT INTO search_titles (search_titles) VALUES ('delete-all')");
  // The titles and tags of published tips, for filling search_titles once (engine.ts).
  const publishedTitles = db.prepare(`SELECT p.id, p.title,
      ${TAGS_OF_P}
    FROM posts p WHERE p.status = 'published' AND p.id > ? ORDER BY p.id LIMIT ?`);
  const addWord = db.prepare('INSERT OR IGNORE INTO search_vocab (term) VALUES (?)');
  const clearWords = db.prepare('DELETE FROM search_vocab');
  // char(1114111) is the last code point: every word that starts with @prefix sorts below it.
  const allWords = db.prepare("SELECT term FROM search_vocab WHERE term >= 'a' AND term < '{'").pluck();
  // Shortest first: a piece is likelier the end of a short word (lookup: vlookup before hlookupsheet).
  const hasWordStmt = db.prepare('SELECT 1 FROM search_vocab WHERE term = ?').pluck();
  const wordsEnding = db.prepare("SELECT term FROM search_vocab WHERE term >= 'a' AND term < '{' AND term GLOB '*' || @suffix ORDER BY length(term), term LIMIT @limit").pluck();
  // The katakana words of titles and tags as written (the katakana block, U+30A0 to U+30FF).
  const allKatakana = db.prepare("SELECT term FROM search_vocab WHERE term >= '\u30a0' AND term < '\u3100'").pluck();
  const dataVersion = db.prepare('PRAGMA data_version').pluck();
  // Words new to search_vocab on this connection, until the typo vocabulary takes them (suggest.ts).
  // Past FRESH_MAX words (a bulk import) it says "read them all again" instead (null).
  let fresh: string[] | null = [];
  const wordsFrom = db.prepare(`SELECT term FROM search_vocab WHERE term >= @prefix AND term < @prefix || char(1114111)
    ORDER BY term LIMIT @limit`).pluck();
  const optimize = db.prepare("INSERT INTO search_fts (search_fts) VALUES ('optimize')");
  const optimizeTitles = db.prepare("INSERT INTO search_titles (search_titles) VALUES ('optimize')");
  const getMeta = db.prepare('SELECT value FROM search_meta WHERE key = ?').pluck();
  const setMeta = db.prepare('INSERT INTO search_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
  const source = db.prepare(`SELECT p.id, p.title, p.html, p.status,
      ${TAGS_OF_P}
    FROM posts p WHERE p.id = ?`);
  const publishedBatch = db.prepare(`SELECT p.id, p.title, p.html, p.status,
      ${TAGS_OF_P}
    FROM posts p WHERE p.status = 'published' AND p.id > ? ORDER BY p.id LIMIT ?`);
  const publishedCount = db.prepare("SELECT count(*) FROM posts WHERE status = 'published'").pluck();
  // The number of tips, near enough to choose a plan (a count would walk them all).
  const lastId = db.prepare('SELECT coalesce(max(id), 0) FROM posts').pluck();
  const titleRanked = db.prepare(`WITH m AS MATERIALIZED (
      SELECT rowid AS id, -bm25(search_fts, 8.0, 5.0, 0.0) AS score FROM search_fts
      WHERE search_fts MATCH @match ORDER BY rowid DESC LIMIT @cap)
    SELECT p.id, p.title FROM m JOIN posts p ON p.id = m.id WHERE p.status = 'published'
    ORDER BY m.score * (1.0 + 0.2 * min(1.0, ln(1.0 + p.view_count + 3.0 * p.like_count) / ln(1000.0))) DESC, p.id DESC
    LIMIT @limit`);
  // `+status`: without it the planner walks every published tip by the status index and tests
  // each against the list (7 ms at 100,000 tips) instead of looking up the listed ids.
  const rankStats = db.prepare(`SELECT id, view_count, like_count, updated_at FROM posts
    WHERE id IN (SELECT value FROM json_each(?)) AND +status = 'published'`);
  const suggestOne = db.prepare(`SELECT p.id, p.title, p.view_count + 3 * p.like_count AS popularity,
      ${TAGS_OF_P}
    FROM posts p WHERE p.status = 'published' AND p.id = ?`);
  // Suggestions' title index (titles.ts): every published tip with its tags, oldest first.
  const titleAll = db.prepare(`SELECT p.id, p.title, p.view_count + 3 * p.like_count AS popularity,
      ${TAGS_OF_P}
    FROM posts p WHERE p.status = 'published' ORDER BY p.id`);
  const tagCounts = db.prepare('SELECT name, post_count AS count FROM tags WHERE post_count > 0 ORDER BY post_count DESC, norm');
  const publishedIds = db.prepare(`SELECT id, title FROM posts WHERE id IN (SELECT value FROM json_each(?))
    AND +status = 'published'`);

  // One statement per kind and shape of filters (never per value), each prepared on first use.
  // With words to match, every filter is tested on the FTS5 row itself (EXISTS by primary key per
  // match), and posts is not read at all: the index holds published tips only, and reading a
  // tip's status or dates walks the overflow pages of its body and HTML (2-3 µs a match). A
  // `rowid IN (subquery)` filter would be worse still: FTS5 takes it as one rowid lookup per value.
  type Kind = 'count' | 'probe' | 'newest' | 'top' | 'topCount' | 'ranked' | 'ordered' | 'orderedDense' | 'facets';
  const statements = new Map<string, Statement>();
  /** `table`: search_titles for the first tier's `probe` (see SearchFilter.titleOnly). */
  function prepared(kind: Kind, f: SearchFilter, table: 'search_fts' | 'search_titles' = 'search_fts'): Statement {
    const key = `${kind}|${f.match !== null}|${f.sort}|${f.tagIds.length}|${f.authorId !== undefined}|${table}|${(f.exclude?.length ?? 0) > 0}`;
    let stmt = statements.get(key);
    if (stmt) return stmt;
    // Matching tips as FTS5 rows (no posts join), or published tips when there are no words.
    const fts = ['search_fts MATCH @match'];
    f.tagIds.forEach((_, i) => fts.push(`EXISTS (SELECT 1 FROM post_tags WHERE post_id = search_fts.rowid AND tag_id = @tag${i})`));
    if (f.authorId !== undefined) fts.push('EXISTS (SELECT 1 FROM posts WHERE id = search_fts.rowid AND author_id = @authorId)');
    const excluding = (f.exclude?.length ?? 0) > 0;
    if (excluding) fts.push('search_fts.rowid NOT IN (SELECT value FROM json_each(@exclude))');
    const where = ["p.status = 'published'"];
    if (excluding) where.push('p.id NOT IN (SELECT value FROM json_each(@exclude))');
    if (f.match !== null) where.push('search_fts MATCH @match');
    f.tagIds.forEach((_, i) => where.push(`p.id IN (SELECT post_id FROM post_tags WHERE tag_id = @tag${i})`));
    if (f.authorId !== undefined) where.push('p.author_id = @authorId');
    const from = f.match !== null ? 'search_fts JOIN posts p ON p.id = search_fts.rowid' : 'posts p';
    const cond = where.join(' AND ');
    const matches = fts.join(' AND ');
    // The newest RANK_CAP matches: FTS5 walks its doclists newest first and stops there.
    const newest = (cols: string, limit = '@cap') => f.match !== null
      ? `SELECT ${cols} FROM search_fts WHERE ${matches} ORDER BY rowid DESC LIMIT ${limit}`
      : `SELECT p.id FROM posts p WHERE ${cond} ORDER BY p.id DESC LIMIT ${limit}`;
    const scored = 'rowid AS id, -bm25(search_fts, 8.0, 5.0, 1.0) AS score';
    const sql: Record<Kind, () => string> = {
      count: () => f.match !== null ? `SELECT count(*) FROM search_fts WHERE ${matches}`
        // One tag alone: its count of published tips, kept by triggers (migration 0008).
        : f.tagIds.length === 1 && f.authorId === undefined ? 'SELECT coalesce((SELECT post_count FROM tags WHERE id = @tag0), 0)'
        : `SELECT count(*) FROM ${from} WHERE ${cond}`,
      // Two matches, without BM25: one match or none needs no ranking (nor a count), and asking
      // BM25 for even one row makes FTS5 weigh every phrase over its whole doclist first. In the
      // index's own order (oldest first): walking newest first costs FTS5 ~20 % more when it has
      // to walk everything to find fewer than two.
      probe: () => `SELECT rowid AS id FROM search_fts WHERE ${matches} LIMIT 2`,
      // The newest @n matches, unranked (the first tier's tips, to leave them out of the wide tier).
      newest: () => `SELECT rowid AS id FROM search_fts WHERE ${matches} ORDER BY rowid DESC LIMIT @n`,
      // The best @k by BM25 among the newest @cap matches; SQLite keeps the top @k in its sorter.
      // A subquery, not a MATERIALIZED table: its rows go to the sorter as FTS5 yields them (a
      // co-routine) instead of being written to a temporary table of @cap rows first (~0.2 ms).
      top: () => `SELECT id, score FROM (${newest(scored)}) ORDER BY score DESC LIMIT @k`,
      // The same over the newest @cap + 1, with how many there are (@cap + 1: more than the cap).
      topCount: () => `WITH c AS MATERIALIZED (${newest(scored, '@cap + 1')})
        SELECT id, score, (SELECT count(*) FROM c) AS n FROM c ORDER BY score DESC LIMIT @k`,
      // Pages past the first RERANK_DEEP: the whole blend in SQL over the newest @cap matches.
      ranked: () => `WITH c AS MATERIALIZED (${newest(scored)})
        SELECT p.id FROM c JOIN posts p ON p.id = c.id WHERE p.status = 'published'
        ORDER BY c.score * ${BLEND_SQL} DESC, p.id DESC LIMIT @limit OFFSET @offset`,
      ordered: () => `SELECT p.id FROM ${from} WHERE ${cond}
        ORDER BY ${ORDER[f.sort === 'relevance' ? 'new' : f.sort]} LIMIT @limit OFFSET @offset`,
      // sort=new/popular when the words match many tips: walk the sort's index in order and stop
      // at the page, testing each tip against the matches' ids gathered once (ordering every
      // match instead reads each one's date or views past its body and HTML: 45-100 ms for a
      // frequent word at 100,000 tips).
      orderedDense: () => `SELECT p.id FROM posts p INDEXED BY ${f.sort === 'popular' ? 'posts_popular' : 'posts_new'}
        WHERE ${[...where.filter((w) => !w.includes('MATCH')), '+p.id IN (SELECT rowid FROM search_fts WHERE search_fts MATCH @match)'].join(' AND ')}
        ORDER BY ${ORDER[f.sort === 'relevance' ? 'new' : f.sort]} LIMIT @limit OFFSET @offset`,
      facets: () => `SELECT t.name, count(*) AS count FROM (${newest('rowid AS id')}) m
        JOIN post_tags pt ON pt.post_id = m.id JOIN tags t ON t.id = pt.tag_id
        GROUP BY t.id ORDER BY count DESC, t.norm LIMIT 20`,
    };
    let text = sql[kind]();
    if (table === 'search_titles') text = text.replaceAll('search_fts', 'search_titles');
    stmt = db.prepare(text);
    if (kind === 'count') stmt.pluck();
    statements.set(key, stmt);
    return stmt;
  }

  function params(f: SearchFilter, kind: Kind): Record<string, unknown> {
    const p: Record<string, unknown> = {};
    if (f.match !== null) p.match = f.match;
    f.tagIds.forEach((id, i) => { p[`tag${i}`] = id; });
    if (f.authorId !== undefined) p.authorId = f.authorId;
    if ((f.exclude?.length ?? 0) > 0) p.exclude = JSON.stringify(f.exclude);
    if (kind === 'ranked' || kind === 'ordered' || kind === 'orderedDense') { p.limit = f.limit; p.offset = f.offset; }
    if (kind === 'ranked') p.now = f.now;
    if (kind === 'top' || kind === 'topCount' || kind === 'ranked' || kind === 'facets') p.cap = rankCap;
    if (kind === 'top' || kind === 'topCount') p.k = rerank(f);
    return p;
  }

  /** A word into search_vocab, and to the typo vocabulary's fresh words when it is new there. */
  function record(word: string, seen: Set<string>) {
    if (seen.has(word)) return;
    if (addWord.run(word).changes > 0 && fresh) {
      if (fresh.length < FRESH_MAX) fresh.push(word);
      else fresh = null;
    }
    seen.add(word);
  }

  function putTitle(id: number, doc: Pick<IndexedDoc, 'title' | 'tags'>) {
    removeTitle.run(id);
    insertTitle.run({ id, title: doc.title, tags: doc.tags });
  }

  let wordsComplete: boolean | null = null;

  // Answers read from FTS5's vocabulary, which walks a term's whole doclist to give them, kept until
  // the index changes: a commit on another connection moves data_version, and this connection's own
  // writes forget them (put, remove, clear). At most CACHED entries each.
  const CACHED = 4096;
  const termsCache = new Map<string, string[]>();
  const docsCache = new Map<string, number>();
  let cachedVersion = -1;
  const current = (): void => {
    const v = dataVersion.get() as number;
    if (v !== cachedVersion) { forget(); cachedVersion = v; }
  };
  const heldCache = new Map<string, boolean>();
  const forget = (): void => { termsCache.clear(); docsCache.clear(); heldCache.clear(); };

  // How many tips hold a token (related tips keep the rarest words of a title; one-token totals):
  // FTS5's own per-term counts through an fts5vocab table on this connection (temp: nothing is
  // stored). A word as common as excel walks ~1.4 ms at 100,000 tips; related() asks for each word
  // of a title and each of its spellings, on every tip page.
  let termDocs: Statement | null = null;
  const docsOf = (token: string): number => {
    current();
    const known = docsCache.get(token);
    if (known !== undefined) return known;
    if (!termDocs) {
      db.exec("CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_fts_rows USING fts5vocab(main, search_fts, 'row')");
      termDocs = db.prepare('SELECT doc FROM temp.search_fts_rows WHERE term = ?').pluck();
    }
    const n = (termDocs.get(token) as number | undefined) ?? 0;
    if (docsCache.size >= CACHED) docsCache.clear();
    docsCache.set(token, n);
    return n;
  };
  /**
   * How many tips a one-token expression (`"関数"`, a spelling key) matches, with no other filter:
   * FTS5's own count of the token's rows (fts5vocab, which honours contentless deletes' tombstones),
   * half the time of counting the MATCH's rows one by one (0.35 vs 0.71 ms for 関数, 1.6 vs 3.0 ms
   * for Excel's key at 100,000 tips). Only tokens the tokenizer keeps as they are (tokenize.ts
   * isIndexTerm), so the MATCH would look up that very term; null otherwise.
   */
  const tokenCount = (f: SearchFilter): number | null => {
    if (f.tagIds.length > 0 || f.authorId !== undefined || (f.exclude?.length ?? 0) > 0 || f.match === null) return null;
    const one = ONE_QUOTED.exec(f.match);
    return one && isIndexTerm(one[1]) ? docsOf(one[1]) : null;
  };
  // Whether some tip matches an FTS5 expression (a phrase): one MATCH stopping at its first row,
  // 0.01-0.03 ms at 100,000 tips however common the words (the vocabulary's count walks the whole
  // doclist: 0.98 ms for コピ). Kept as the answers above are.
  let heldStmt: Statement | null = null;
  let newestTitlesStmt: Statement | undefined;
  const holds = (expression: string): boolean => {
    current();
    const known = heldCache.get(expression);
    if (known !== undefined) return known;
    heldStmt ??= db.prepare('SELECT 1 FROM search_fts WHERE search_fts MATCH ? LIMIT 1').pluck();
    const yes = heldStmt.get(expression) !== undefined;
    if (heldCache.size >= CACHED) heldCache.clear();
    heldCache.set(expression, yes);
    return yes;
  };
  // The index's terms starting with one Japanese character (query.ts completePrefixes): 様 → 様式,
  // 様子, … FTS5's vocabulary lists them, but walks each one's doclist to count it (1.5 ms for a term
  // in 60,000 tips): kept as docsOf's counts are.
  let termsStmt: Statement | null = null;
  const termsFrom = (c: string, limit: number): string[] => {
    current();
    const key = `${limit} ${c}`;
    let found = termsCache.get(key);
    if (!found) {
      if (!termsStmt) {
        db.exec("CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_fts_rows USING fts5vocab(main, search_fts, 'row')");
        termsStmt = db.prepare('SELECT term FROM temp.search_fts_rows WHERE term >= @c AND term < @c || char(1114111) LIMIT @limit').pluck();
      }
      found = termsStmt.all({ c, limit }) as string[];
      if (termsCache.size >= CACHED) termsCache.clear();
      termsCache.set(key, found);
    }
    return found;
  };
  // The best matches of an OR of rare words by BM25 (title 8, tags 5, body 1), among the newest
  // RANK_CAP matches (the same bound as searches), without the tip itself.
  const relatedRanked = db.prepare(`WITH c AS MATERIALIZED (
      SELECT rowid AS id, -bm25(search_fts, 8.0, 5.0, 1.0) AS score FROM search_fts
      WHERE search_fts MATCH @match ORDER BY rowid DESC LIMIT @cap)
    SELECT id, score FROM c WHERE id != @self ORDER BY score DESC, id DESC LIMIT @limit`);

  return {
    /** Indexes a tip (replacing its entry) and records its Latin words; `seen` skips known words in bulk. */
    put(id: number, doc: IndexedDoc, seen: Set<string> = new Set()) {
      forget();
      remove.run(id);
      insert.run({ id, title: doc.title, tags: doc.tags, body: doc.body });
      putTitle(id, doc);
      for (const word of doc.katakana ?? []) record(word, seen);
      // Each distinct word once: a long body repeats its words thousands of times (64 KB of
      // "a@b.com" was ~27,000 statements, ~20 ms of the write, before this set).
      for (const text of [doc.title, doc.tags, doc.body]) {
        for (const token of text.split(' ')) {
          if (token === '' || seen.has(token) || CJK_RUN.test(token) || isSpellingKey(token)) continue;
          record(token, seen);
        }
      }
    },
    /** Records the katakana words of titles and tags (databases indexed before they were words of the list). */
    addKatakana(words: readonly string[], seen: Set<string> = new Set()) {
      for (const word of words) record(word, seen);
    },
    remove: (id: number) => { forget(); remove.run(id); removeTitle.run(id); },
    clear: () => { forget(); clear.run(); clearTitles.run(); clearWords.run(); },
    /** The titles-only index's source in batches, and one tip's entry in it (filling it once, engine.ts). */
    publishedTitlesAfter: (afterId: number, limit: number) => publishedTitles.all(afterId, limit) as Pick<SourceRow, 'id' | 'title' | 'tags'>[],
    putTitle,
    /**
     * Fills the word list from the index itself (databases indexed before the list existed).
     * fts5vocab walks every doclist: about a second at 100,000 tips, once.
     */
    fillWords() {
      db.exec("CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_fts_terms USING fts5vocab(main, search_fts, 'row')");
      try {
        for (const term of db.prepare('SELECT term FROM temp.search_fts_terms').pluck().all() as string[]) {
          if (!CJK_RUN.test(term) && !isSpellingKey(term)) addWord.run(term);
        }
      } finally {
        db.exec('DROP TABLE temp.search_fts_terms');
      }
    },
    /**
     * Indexed Latin words starting with `prefix` (at most `limit`), or null while the list is not
     * known to be complete (then a prefix must stay a prefix query).
     */
    words(prefix: string, limit: number): string[] | null {
      wordsComplete ||= getMeta.get('vocab') === '1';
      return wordsComplete ? wordsFrom.all({ prefix, limit }) as string[] : null;
    },
    /**
     * Indexed Latin words ending with `suffix` (lower-case letters and digits), at most `limit`,
     * shortest first; null while the list is not known to be complete.
     */
    wordsEnding(suffix: string, limit: number): string[] | null {
      wordsComplete ||= getMeta.get('vocab') === '1';
      return wordsComplete && /^[a-z0-9]+$/.test(suffix) ? wordsEnding.all({ suffix, limit }) as string[] : null;
    },
    /** Whether the index has this word (search_vocab, one key lookup; docsOf walks the word's doclist). */
    hasWord: (word: string): boolean => hasWordStmt.get(word) !== undefined,
    optimize: () => { optimize.run(); optimizeTitles.run(); },
    optimizeTitles: () => { optimizeTitles.run(); },
    meta: (key: string) => getMeta.get(key) as string | undefined,
    setMeta: (key: string, value: string) => { setMeta.run(key, value); },
    source: (id: number) => source.get(id) as SourceRow | undefined,
    publishedAfter: (afterId: number, limit: number) => publishedBatch.all(afterId, limit) as SourceRow[],
    publishedCount: () => publishedCount.get() as number,
    /** A page of matching tip ids in order, and how many match in all (sorts other than relevance, deep pages). */
    page(f: SearchFilter): { ids: number[]; total: number } {
      const total = prepared('count', f).get(params(f, 'count')) as number;
      if (total === 0 || f.offset >= total) return { ids: [], total };
      // Walking the sort's index reaches the page after about (offset + limit) × tips / matches
      // rows: worth it when that is small against ordering the matches themselves.
      const dense = f.match !== null && f.sort !== 'relevance' && (f.offset + f.limit) * (lastId.get() as number) <= denseWalk * total;
      const kind = f.match === null || f.sort !== 'relevance' ? (dense ? 'orderedDense' : 'ordered') : 'ranked';
      return { ids: (prepared(kind, f).all(params(f, kind)) as { id: number }[]).map((r) => r.id), total };
    },
    /**
     * The relevance ranking within the first RERANK_DEEP results (the commonest search): FTS5 ranks
     * the candidates by BM25 alone and keeps the best RERANK; only those are joined to their tips
     * and re-ranked with the popularity and recency blend. Joining every match to `posts` is what
     * makes a frequent word slow at 100,000 tips, and the blend (at most ×1.3) cannot lift a tip
     * from outside that set above the page, except in a near tie.
     */
    topPage(f: SearchFilter): { ids: number[]; total: number } | null {
      if (f.match === null || f.sort !== 'relevance' || f.offset + f.limit > RERANK_DEEP) return null;
      const nowDays = Date.parse(f.now) / 86_400_000;
      const blended = (top: { id: number; score: number }[]) => {
        if (top.length === 0) return [];
        const stats = new Map((rankStats.all(JSON.stringify(top.map((t) => t.id))) as RankStats[]).map((r) => [r.id, r]));
        return top.filter((t) => stats.has(t.id))
          .map((t) => ({ id: t.id, score: t.score * blend(stats.get(t.id)!, nowDays) }))
          .sort((a, b) => b.score - a.score || b.id - a.id)
          .map((r) => r.id);
      };
      const probe = (match: string, table: 'search_fts' | 'search_titles' = 'search_fts') =>
        prepared('probe', f, table).all({ ...params(f, 'probe'), match }) as { id: number }[];
      const unranked = (rows: { id: number }[]) => blended(rows.map((r) => ({ id: r.id, score: 0 })));
      if (f.groups) {
        // A relaxed query, group by group: the count comes with each ranking (no separate walk),
        // and a group without matches is not ranked at all.
        const few = f.groups.map((m) => probe(m));
        const single = few.flat();
        if (single.length < 2) return { ids: unranked(single).slice(f.offset, f.offset + f.limit), total: single.length };
        const found = f.groups.map((match, g) => few[g].length === 0 ? []
          : prepared('topCount', f).all({ ...params(f, 'topCount'), match }) as { id: number; score: number; n: number }[]);
        const total = found.reduce((sum, rows) => sum + (rows[0]?.n ?? 0), 0);
        if (total <= rankCap) {
          // Disjoint sets (no tip has every word); a tip written meanwhile with every word could
          // be in two, so keep one entry per tip.
          const byId = new Map<number, { id: number; score: number }>();
          for (const r of found.flat()) if (!byId.has(r.id) || byId.get(r.id)!.score < r.score) byId.set(r.id, { id: r.id, score: r.score });
          const top = [...byId.values()].sort((a, b) => b.score - a.score || b.id - a.id).slice(0, rerank(f));
          return { ids: blended(top).slice(f.offset, f.offset + f.limit), total };
        }
        // More than RANK_CAP: the relaxed expression whole, as any other query.
      }
      // Fewer than two matches are all in hand after the probe, and need neither a count nor a
      // ranking (the wide tier of a query no tip answers whole often finds one: 1.8 ms saved on
      // 勤務表 集計 自動化 at 100,000 tips); two or more are counted.
      const two = probe(f.match);
      if (two.length < 2) return { ids: unranked(two).slice(f.offset, f.offset + f.limit), total: two.length };
      const total = tokenCount(f) ?? prepared('count', f).get(params(f, 'count')) as number;
      const best = (match: string, exclude: Set<number>) =>
        blended((prepared('top', f).all({ ...params(f, 'top'), match }) as { id: number; score: number }[]).filter((t) => !exclude.has(t.id)));
      let ids: number[];
      if (total <= rankCap || !f.titleMatch) {
        ids = best(f.match, new Set());
      } else {
        // Too many to rank them all: tips with the words in their title or tags first (the
        // newest RANK_CAP of those at most), then, if the page needs more, body matches.
        const titled = f.titleOnly ? probe(f.titleOnly, 'search_titles') : probe(f.titleMatch);
        ids = titled.length < 2 ? unranked(titled) : best(f.titleMatch, new Set());
        if (ids.length < f.offset + f.limit) ids = [...ids, ...best(f.match, new Set(ids))];
      }
      return { ids: ids.slice(f.offset, f.offset + f.limit), total };
    },
    /**
     * Whether any tip matches the filter (`f.match` must be set): one probe, stopping at the first
     * match — neither a count nor a ranking (topPage for a page of one counts and ranks the newest
     * RANK_CAP: 100-250 ms for a one-kanji word at 100,000 tips with an author filter).
     */
    exists(f: SearchFilter): boolean {
      return prepared('probe', f).all(params(f, 'probe')).length > 0;
    },
    /** The newest `n` matching tip ids, unranked (`f.match` must be set). */
    newest(f: SearchFilter, n: number): number[] {
      return (prepared('newest', f).all({ ...params(f, 'newest'), n }) as { id: number }[]).map((r) => r.id);
    },
    /**
     * Tips whose title or tags match (`match` must carry its own column filter), best first by
     * BM25 on title and tags and popularity, among the newest SUGGEST_CAP matches.
     */
    titles(match: string, limit: number): { id: number; title: string }[] {
      // Suggestions with an exclusion only (titles.ts answers the rest). The newest SUGGEST_CAP in
      // one walk, newest first, stopping there: a `rowid > boundary` range after a probe for the
      // boundary walked each doclist from its start (15-40 % slower, the same rows).
      return titleRanked.all({ match, cap: SUGGEST_CAP, limit }) as { id: number; title: string }[];
    },
    /** How many indexed tips hold this token. */
    docsOf,
    /** The newest `n` published tips whose title or tags match `match` (an expression for search_titles), with their titles. */
    newestTitles(match: string, n: number): { id: number; title: string }[] {
      newestTitlesStmt ??= db.prepare(`SELECT p.id, p.title FROM (SELECT rowid AS id FROM search_titles WHERE search_titles MATCH ? ORDER BY rowid DESC LIMIT ?) m
        JOIN posts p ON p.id = m.id WHERE p.status = 'published' ORDER BY p.id DESC`);
      return newestTitlesStmt.all(match, n) as { id: number; title: string }[];
    },
    /** Whether some indexed tip matches this FTS5 expression. */
    holds,
    /** The index's terms starting with the character `c` (at most `limit`, in order). */
    termsFrom,
    /** Tip ids best matching `match` (an OR of words), best first, never `self`. */
    related(match: string, self: number, limit: number): { id: number; score: number }[] {
      return relatedRanked.all({ match, self, limit, cap: rankCap }) as { id: number; score: number }[];
    },
    /** Tags of the matches with counts (of the newest RANK_CAP matches when there are more). */
    facets(f: SearchFilter): { name: string; count: number }[] {
      return prepared('facets', f).all(params(f, 'facets')) as { name: string; count: number }[];
    },
    /** Every indexed word starting with a Latin letter (the typo vocabulary's source, suggest.ts). */
    latinWords: () => allWords.iterate() as Iterable<string>,
    /** Every katakana word of a title or tag as written (the typo vocabulary's katakana, suggest.ts). */
    katakanaWords: () => allKatakana.iterate() as Iterable<string>,
    /** Words first indexed on this connection since the last call. */
    freshWords: (): string[] | null => { const out = fresh; fresh = []; return out; },
    /** Moves when another connection commits. */
    dataVersion: () => dataVersion.get() as number,
    suggestDoc: (id: number) => (suggestOne.get(id) as SuggestSource | undefined) ?? null,
    titleDocs: () => titleAll.iterate() as Iterable<SuggestSource>,
    tagCounts: () => tagCounts.all() as { name: string; count: number }[],
    /** Which of these tips are published now, with their current titles. */
    published(ids: readonly number[]): Map<number, string> {
      if (ids.length === 0) return new Map();
      const rows = publishedIds.all(JSON.stringify(ids)) as { id: number; title: string }[];
      return new Map(rows.map((r) => [r.id, r.title]));
    },
  };
}

export type SearchStore = ReturnType<typeof createSearchStore>;
