import type { Statement } from 'better-sqlite3';
import type { Database } from '../db/database';
import type { SuggestDoc } from './suggest';

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

const ORDER: Record<SearchSort, string> = {
  relevance: 'p.rank DESC, p.id DESC',
  new: 'p.created_at DESC, p.id DESC',
  popular: 'p.view_count DESC, p.like_count DESC, p.id DESC',
};

export function createSearchStore(db: Database) {
  const insert = db.prepare('INSERT INTO search_fts (rowid, title, tags, body) VALUES (@id, @title, @tags, @body)');
  const remove = db.prepare('DELETE FROM search_fts WHERE rowid = ?');
  const clear = db.prepare("INSERT INTO search_fts (search_fts) VALUES ('delete-all')");
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
  const suggestAll = db.prepare(`SELECT p.id, p.title, p.view_count + 3 * p.like_count AS popularity,
      coalesce((SELECT group_concat(t.name, ' ') FROM post_tags pt JOIN tags t ON t.id = pt.tag_id
        WHERE pt.post_id = p.id), '') AS tags
    FROM posts p WHERE p.status = 'published'`);
  const suggestOne = db.prepare(`SELECT p.id, p.title, p.view_count + 3 * p.like_count AS popularity,
      coalesce((SELECT group_concat(t.name, ' ') FROM post_tags pt JOIN tags t ON t.id = pt.tag_id
        WHERE pt.post_id = p.id), '') AS tags
    FROM posts p WHERE p.status = 'published' AND p.id = ?`);
  const tagCounts = db.prepare('SELECT name, post_count AS count FROM tags WHERE post_count > 0 ORDER BY post_count DESC, norm');
  const publishedIds = db.prepare(`SELECT id, title FROM posts WHERE status = 'published'
    AND id IN (SELECT value FROM json_each(?))`);

  // One statement per shape of filters (never per value), each prepared on first use.
  const statements = new Map<string, Statement>();
  function prepared(kind: 'page' | 'facets', f: SearchFilter): Statement {
    const key = `${kind}|${f.match !== null}|${f.sort}|${f.tagIds.length}|${f.authorId !== undefined}`;
    let stmt = statements.get(key);
    if (stmt) return stmt;
    const where = ["p.status = 'published'"];
    if (f.match !== null) where.push('search_fts MATCH @match');
    f.tagIds.forEach((_, i) => where.push(`p.id IN (SELECT post_id FROM post_tags WHERE tag_id = @tag${i})`));
    if (f.authorId !== undefined) where.push('p.author_id = @authorId');
    const from = f.match !== null ? 'search_fts JOIN posts p ON p.id = search_fts.rowid' : 'posts p';
    if (kind === 'page') {
      const rank = f.match !== null && f.sort === 'relevance' ? RANK_SQL : '0';
      const order = f.match === null && f.sort === 'relevance' ? ORDER.new : ORDER[f.sort];
      // bm25() must run in the scan of the FTS table, so matching rows are materialized first
      // and the window count and ordering run over them.
      stmt = db.prepare(`WITH m AS MATERIALIZED (
          SELECT p.id, p.created_at, p.view_count, p.like_count, ${rank} AS rank FROM ${from}
          WHERE ${where.join(' AND ')})
        SELECT p.id, count(*) OVER () AS total FROM m AS p ORDER BY ${order} LIMIT @limit OFFSET @offset`);
    } else {
      stmt = db.prepare(`SELECT t.name, count(*) AS count FROM ${from}
        JOIN post_tags pt ON pt.post_id = p.id JOIN tags t ON t.id = pt.tag_id
        WHERE ${where.join(' AND ')} GROUP BY t.id ORDER BY count DESC, t.norm LIMIT 20`);
    }
    statements.set(key, stmt);
    return stmt;
  }

  function params(f: SearchFilter): Record<string, unknown> {
    const p: Record<string, unknown> = { limit: f.limit, offset: f.offset };
    if (f.match !== null) p.match = f.match;
    if (f.match !== null && f.sort === 'relevance') p.now = f.now;
    f.tagIds.forEach((id, i) => { p[`tag${i}`] = id; });
    if (f.authorId !== undefined) p.authorId = f.authorId;
    return p;
  }

  return {
    put(id: number, doc: IndexedDoc) {
      remove.run(id);
      insert.run({ id, ...doc });
    },
    remove: (id: number) => { remove.run(id); },
    clear: () => { clear.run(); },
    optimize: () => { optimize.run(); },
    meta: (key: string) => getMeta.get(key) as string | undefined,
    setMeta: (key: string, value: string) => { setMeta.run(key, value); },
    source: (id: number) => source.get(id) as SourceRow | undefined,
    publishedAfter: (afterId: number, limit: number) => publishedBatch.all(afterId, limit) as SourceRow[],
    publishedCount: () => publishedCount.get() as number,
    /** A page of matching tip ids in order, and how many match in all. */
    page(f: SearchFilter): { ids: number[]; total: number | null } {
      const rows = prepared('page', f).all(params(f)) as { id: number; total: number }[];
      return { ids: rows.map((r) => r.id), total: rows.length ? rows[0].total : null };
    },
    /** Only the total (used when the page is past the end). */
    count(f: SearchFilter): number {
      const rows = prepared('page', { ...f, sort: 'new' }).all({ ...params({ ...f, sort: 'new' }), limit: 1, offset: 0 }) as { total: number }[];
      return rows.length ? rows[0].total : 0;
    },
    facets(f: SearchFilter): { name: string; count: number }[] {
      const p = params(f);
      delete p.limit; delete p.offset; delete p.now;
      return prepared('facets', f).all(p) as { name: string; count: number }[];
    },
    /** Benchmark floor: a bare MATCH count with no join, ranking or filter. */
    bareCount: (match: string) => bareCount.get(match) as number,
    suggestDocs: () => suggestAll.iterate() as Iterable<SuggestDoc>,
    suggestDoc: (id: number) => (suggestOne.get(id) as SuggestDoc | undefined) ?? null,
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
