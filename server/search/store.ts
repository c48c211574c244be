import type { Statement } from 'better-sqlite3';
import type { Database } from '../db/database';
import type { SuggestSource } from './suggest';
import { CJK_RUN } from './tokenize';

export type SearchSort = 'relevance' | 'new' | 'popular';

/** What one tip contributes to the index: token text per column (see tokenize.ts). */
export interface IndexedDoc { title: string; tags: string; body: string }

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
}

/**
 * Ranking (sort=relevance). BM25 with column weights title 8, tags 5, body 1, multiplied by
 *   1 + 0.2 · min(1, ln(1 + views + 3·likes) / ln(1000))   popularity: at most +20 %, reached at ~1,000 views
 *     + 0.1 · exp(−days since last update / 180)         recency: +10 % when fresh, halving in ~4 months
 * The blend only reorders tips whose text matches about equally well; a far better text match
 * always wins. Tested on ordering in tests/search/ranking.test.ts.
 */
export const RANK_SQL = `(-bm25(search_fts, 8.0, 5.0, 1.0)) * (1.0
  + 0.2 * min(1.0, ln(1.0 + p.view_count + 3.0 * p.like_count) / ln(1000.0))
  + 0.1 * exp(-max(0.0, julianday(@now) - julianday(p.updated_at)) / 180.0))`;

interface RankStats { id: number; view_count: number; like_count: number; updated_at: string }

/** How many of the best BM25 matches the fast path re-ranks with the blend. */
export const RERANK = 200;

/**
 * BM25 costs FTS5 one to five microseconds per matching tip, so a word found in tens of
 * thousands of tips (excel) would take a hundred milliseconds or more to rank. When more than
 * RANK_CAP tips match, the fast path ranks the tips with the words in their title or tags first
 * (the newest RANK_CAP of those at most), then body matches among the newest RANK_CAP; other
 * paths rank the newest RANK_CAP matches (a cheap id range FTS5 walks in order). The total and
 * the order of sort=new/popular always cover every match; tag facets count the newest RANK_CAP.
 * Narrowing the query (another word, a tag) brings the set under the cap and ranks it all.
 */
export const RANK_CAP = 2000;
/** The same bound for suggestions, which answer every keystroke. */
export const SUGGEST_CAP = 300;

/** The same blend as RANK_SQL, for the fast path. */
export function blend(p: Omit<RankStats, 'id'>, nowDays: number): number {
  const age = Math.max(0, nowDays - Date.parse(p.updated_at) / 86_400_000);
  return 1 + 0.2 * Math.min(1, Math.log(1 + p.view_count + 3 * p.like_count) / Math.log(1000)) + 0.1 * Math.exp(-age / 180);
}

const ORDER: Record<SearchSort, string> = {
  relevance: 'p.rank DESC, p.id DESC',
  new: 'p.created_at DESC, p.id DESC',
  popular: 'p.view_count DESC, p.like_count DESC, p.id DESC',
};

export function createSearchStore(db: Database, opts: { rankCap?: number } = {}) {
  const rankCap = opts.rankCap ?? RANK_CAP;
  const insert = db.prepare('INSERT INTO search_fts (rowid, title, tags, body) VALUES (@id, @title, @tags, @body)');
  const remove = db.prepare('DELETE FROM search_fts WHERE rowid = ?');
  const clear = db.prepare("INSERT INTO search_fts (search_fts) VALUES ('delete-all')");
  const addWord = db.prepare('INSERT OR IGNORE INTO search_vocab (term) VALUES (?)');
  const clearWords = db.prepare('DELETE FROM search_vocab');
  // char(1114111) is the last code point: every word that starts with @prefix sorts below it.
  const wordsFrom = db.prepare(`SELECT term FROM search_vocab WHERE term >= @prefix AND term < @prefix || char(1114111)
    ORDER BY term LIMIT @limit`).pluck();
  const optimize = db.prepare("INSERT INTO search_fts (search_fts) VALUES ('optimize')");
  const getMeta = db.prepare('SELECT value FROM search_meta WHERE key = ?').pluck();
  const setMeta = db.prepare('INSERT INTO search_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
  const source = db.prepare(`SELECT p.id, p.title, p.html, p.status,
      coalesce((SELECT group_concat(t.name, ' ') FROM post_tags pt JOIN tags t ON t.id = pt.tag_id
        WHERE pt.post_id = p.id), '') AS tags
    FROM posts p WHERE p.id = ?`);
  const publishedBatch = db.prepare(`SELECT p.id, p.title, p.html, p.status,
      coalesce((SELECT group_concat(t.name, ' ') FROM post_tags pt JOIN tags t ON t.id = pt.tag_id
        WHERE pt.post_id = p.id), '') AS tags
    FROM posts p WHERE p.status = 'published' AND p.id > ? ORDER BY p.id LIMIT ?`);
  const publishedCount = db.prepare("SELECT count(*) FROM posts WHERE status = 'published'").pluck();
  const bareCount = db.prepare('SELECT count(*) FROM search_fts WHERE search_fts MATCH ?').pluck();
  const bareBoundary = db.prepare(`SELECT rowid FROM search_fts WHERE search_fts MATCH @match
    ORDER BY rowid DESC LIMIT 1 OFFSET @cap`).pluck();
  // The best @k by BM25 among the newest @cap matches, in one statement: FTS5 walks the doclists
  // newest first and stops after @cap rows (no separate boundary probe), and SQLite keeps the
  // top @k in its sorter. (A `rowid > boundary` range costs a walk of the whole doclist from its
  // start: FTS5 iterates ascending from the first entry.)
  const topByText = db.prepare(`WITH c AS MATERIALIZED (
      SELECT rowid AS id, -bm25(search_fts, 8.0, 5.0, 1.0) AS score FROM search_fts
      WHERE search_fts MATCH @match ORDER BY rowid DESC LIMIT @cap)
    SELECT id, score FROM c ORDER BY score DESC LIMIT @k`);
  const titleRanked = db.prepare(`WITH m AS MATERIALIZED (
      SELECT rowid AS id, -bm25(search_fts, 8.0, 5.0, 0.0) AS score FROM search_fts
      WHERE search_fts MATCH @match AND rowid > @after)
    SELECT p.id, p.title FROM m JOIN posts p ON p.id = m.id WHERE p.status = 'published'
    ORDER BY m.score * (1.0 + 0.2 * min(1.0, ln(1.0 + p.view_count + 3.0 * p.like_count) / ln(1000.0))) DESC, p.id DESC
    LIMIT @limit`);
  // `+status`: without it the planner walks every published tip by the status index and tests
  // each against the list (7 ms at 100,000 tips) instead of looking up the listed ids.
  const rankStats = db.prepare(`SELECT id, view_count, like_count, updated_at FROM posts
    WHERE id IN (SELECT value FROM json_each(?)) AND +status = 'published'`);
  // The vocabulary's source: every published title, and every tag in use (once each).
  const suggestAll = db.prepare(`SELECT p.id, p.title, '' AS tags, 0 AS popularity FROM posts p WHERE p.status = 'published'
    UNION ALL SELECT -t.id, '', t.name, 0 FROM tags t WHERE t.post_count > 0`);
  const suggestOne = db.prepare(`SELECT p.id, p.title, p.view_count + 3 * p.like_count AS popularity,
      coalesce((SELECT group_concat(t.name, ' ') FROM post_tags pt JOIN tags t ON t.id = pt.tag_id
        WHERE pt.post_id = p.id), '') AS tags
    FROM posts p WHERE p.status = 'published' AND p.id = ?`);
  const tagCounts = db.prepare('SELECT name, post_count AS count FROM tags WHERE post_count > 0 ORDER BY post_count DESC, norm');
  const publishedIds = db.prepare(`SELECT id, title FROM posts WHERE id IN (SELECT value FROM json_each(?))
    AND +status = 'published'`);

  // One statement per kind and shape of filters (never per value), each prepared on first use.
  type Kind = 'count' | 'boundary' | 'ranked' | 'ordered' | 'facets';
  const statements = new Map<string, Statement>();
  function prepared(kind: Kind, f: SearchFilter): Statement {
    const key = `${kind}|${f.match !== null}|${f.sort}|${f.tagIds.length}|${f.authorId !== undefined}`;
    let stmt = statements.get(key);
    if (stmt) return stmt;
    const where = ["p.status = 'published'"];
    if (f.match !== null) where.push('search_fts MATCH @match');
    f.tagIds.forEach((_, i) => where.push(`p.id IN (SELECT post_id FROM post_tags WHERE tag_id = @tag${i})`));
    if (f.authorId !== undefined) where.push('p.author_id = @authorId');
    const from = f.match !== null ? 'search_fts JOIN posts p ON p.id = search_fts.rowid' : 'posts p';
    const cond = where.join(' AND ');
    const sql: Record<Kind, () => string> = {
      count: () => `SELECT count(*) FROM ${from} WHERE ${cond}`,
      boundary: () => `SELECT p.id FROM ${from} WHERE ${cond} ORDER BY p.id DESC LIMIT 1 OFFSET @cap`,
      // bm25() must run in the scan of the FTS table, so the candidates are materialized first.
      ranked: () => `WITH m AS MATERIALIZED (SELECT p.id, ${RANK_SQL} AS rank FROM ${from}
          WHERE ${cond} AND search_fts.rowid > @after)
        SELECT id FROM m ORDER BY rank DESC, id DESC LIMIT @limit OFFSET @offset`,
      ordered: () => `SELECT p.id FROM ${from} WHERE ${cond}
        ORDER BY ${ORDER[f.sort === 'relevance' ? 'new' : f.sort]} LIMIT @limit OFFSET @offset`,
      facets: () => `SELECT t.name, count(*) AS count FROM ${from}
        JOIN post_tags pt ON pt.post_id = p.id JOIN tags t ON t.id = pt.tag_id
        WHERE ${cond} AND p.id > @after GROUP BY t.id ORDER BY count DESC, t.norm LIMIT 20`,
    };
    stmt = db.prepare(sql[kind]());
    if (kind === 'count' || kind === 'boundary') stmt.pluck();
    statements.set(key, stmt);
    return stmt;
  }

  function params(f: SearchFilter, kind: Kind): Record<string, unknown> {
    const p: Record<string, unknown> = {};
    if (f.match !== null) p.match = f.match;
    f.tagIds.forEach((id, i) => { p[`tag${i}`] = id; });
    if (f.authorId !== undefined) p.authorId = f.authorId;
    if (kind === 'ranked' || kind === 'ordered') { p.limit = f.limit; p.offset = f.offset; }
    if (kind === 'ranked') p.now = f.now;
    if (kind === 'boundary') p.cap = rankCap;
    return p;
  }

  let wordsComplete: boolean | null = null;

  return {
    /** Indexes a tip (replacing its entry) and records its Latin words; `seen` skips known words in bulk. */
    put(id: number, doc: IndexedDoc, seen?: Set<string>) {
      remove.run(id);
      insert.run({ id, ...doc });
      for (const text of [doc.title, doc.tags, doc.body]) {
        for (const token of text.split(' ')) {
          if (token === '' || CJK_RUN.test(token) || seen?.has(token)) continue;
          addWord.run(token);
          seen?.add(token);
        }
      }
    },
    remove: (id: number) => { remove.run(id); },
    clear: () => { clear.run(); clearWords.run(); },
    /**
     * Fills the word list from the index itself (databases indexed before the list existed).
     * fts5vocab walks every doclist: about a second at 100,000 tips, once.
     */
    fillWords() {
      db.exec("CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_fts_terms USING fts5vocab(main, search_fts, 'row')");
      try {
        for (const term of db.prepare('SELECT term FROM temp.search_fts_terms').pluck().all() as string[]) {
          if (!CJK_RUN.test(term)) addWord.run(term);
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
    optimize: () => { optimize.run(); },
    meta: (key: string) => getMeta.get(key) as string | undefined,
    setMeta: (key: string, value: string) => { setMeta.run(key, value); },
    source: (id: number) => source.get(id) as SourceRow | undefined,
    publishedAfter: (afterId: number, limit: number) => publishedBatch.all(afterId, limit) as SourceRow[],
    publishedCount: () => publishedCount.get() as number,
    /** A page of matching tip ids in order, and how many match in all. */
    page(f: SearchFilter): { ids: number[]; total: number } {
      const total = prepared('count', f).get(params(f, 'count')) as number;
      if (total === 0 || f.offset >= total) return { ids: [], total };
      if (f.match === null || f.sort !== 'relevance') {
        return { ids: (prepared('ordered', f).all(params(f, 'ordered')) as { id: number }[]).map((r) => r.id), total };
      }
      const after = total > rankCap ? (prepared('boundary', f).get(params(f, 'boundary')) as number | undefined) ?? 0 : 0;
      const rows = prepared('ranked', f).all({ ...params(f, 'ranked'), after }) as { id: number }[];
      return { ids: rows.map((r) => r.id), total };
    },
    /**
     * The fast path for the commonest search (relevance, no filter, within the first RERANK
     * results): FTS5 ranks by BM25 alone and keeps the best RERANK; only those are joined to
     * their tips and re-ranked with the popularity and recency blend. Joining every match to
     * `posts` is what makes a frequent word slow at 100,000 tips, and the blend (at most ×1.3)
     * cannot lift a tip from outside that set above the page, except in a near tie.
     */
    topPage(f: SearchFilter): { ids: number[]; total: number } | null {
      if (f.match === null || f.sort !== 'relevance' || f.tagIds.length > 0 || f.authorId !== undefined) return null;
      if (f.offset + f.limit > RERANK) return null;
      const total = bareCount.get(f.match) as number;
      if (total === 0) return { ids: [], total: 0 };
      const nowDays = Date.parse(f.now) / 86_400_000;
      const best = (match: string, exclude: Set<number>) => {
        const top = (topByText.all({ match, cap: rankCap, k: RERANK }) as { id: number; score: number }[]).filter((t) => !exclude.has(t.id));
        const stats = new Map((rankStats.all(JSON.stringify(top.map((t) => t.id))) as RankStats[]).map((r) => [r.id, r]));
        return top.filter((t) => stats.has(t.id))
          .map((t) => ({ id: t.id, score: t.score * blend(stats.get(t.id)!, nowDays) }))
          .sort((a, b) => b.score - a.score || b.id - a.id)
          .map((r) => r.id);
      };
      let ids: number[];
      if (total <= rankCap || !f.titleMatch) {
        ids = best(f.match, new Set());
      } else {
        // Too many to rank them all: tips with the words in their title or tags first (the
        // newest RANK_CAP of those at most), then, if the page needs more, body matches.
        ids = best(f.titleMatch, new Set());
        if (ids.length < f.offset + f.limit) ids = [...ids, ...best(f.match, new Set(ids))];
      }
      return { ids: ids.slice(f.offset, f.offset + f.limit), total };
    },
    /**
     * Tips whose title or tags match (`match` must carry its own column filter), best first by
     * BM25 on title and tags and popularity, among the newest SUGGEST_CAP matches.
     */
    titles(match: string, limit: number): { id: number; title: string }[] {
      // The boundary probe stops after SUGGEST_CAP + 1 matches (absent under the cap); a full
      // count would walk every doclist of a frequent word on each keystroke.
      const after = (bareBoundary.get({ match, cap: SUGGEST_CAP }) as number | undefined) ?? 0;
      return titleRanked.all({ match, after, limit }) as { id: number; title: string }[];
    },
    /** Tags of the matches with counts (of the newest RANK_CAP matches when there are more). */
    facets(f: SearchFilter, total: number): { name: string; count: number }[] {
      const after = total > rankCap ? (prepared('boundary', f).get(params(f, 'boundary')) as number | undefined) ?? 0 : 0;
      return prepared('facets', f).all({ ...params(f, 'facets'), after }) as { name: string; count: number }[];
    },
    /** Benchmark floor: a bare MATCH count with no join, ranking or filter. */
    bareCount: (match: string) => bareCount.get(match) as number,
    suggestDocs: () => suggestAll.iterate() as Iterable<SuggestSource>,
    suggestDoc: (id: number) => (suggestOne.get(id) as SuggestSource | undefined) ?? null,
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
