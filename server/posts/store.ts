import type { Database, Statement } from 'better-sqlite3';
import { newIdSql } from '../db/ids';

export type PostStatus = 'published' | 'hidden' | 'draft';

export interface PostRow {
  id: number;
  author_id: number;
  title: string;
  body: string;
  html: string;
  status: PostStatus;
  hidden_reason: string | null;
  view_count: number;
  like_count: number;
  viewer_count: number; bookmark_count: number; trend: number; // popularity (0003)
  minutes_saved_per_use: number | null;
  confirmed_at: string | null; confirmed_by: number | null; // freshness (0023)
  created_at: string;
  updated_at: string;
  username: string;
  display_name: string;
  department: string;
}

/** What a list row carries: the post without body and html. */
export type PostSummaryRow = Omit<PostRow, 'body' | 'html'>;

export type ListSort = 'new' | 'popular' | 'trending';

export interface ListFilter {
  sort: ListSort;
  tagId?: number;
  authorId?: number;
  /** Sort key of the last item of the previous page. */
  after?: (string | number)[] | null;
  limit: number;
}

/** The columns of a PostSummaryRow, for queries that join `posts p` and `users u` (rankings, bookmarks). */
export const SUMMARY_COLUMNS = `p.id, p.author_id, p.title, p.status, p.hidden_reason, p.view_count, p.like_count, p.viewer_count, p.bookmark_count, p.trend,
  p.created_at, p.updated_at, u.username, u.display_name, u.department`;

// Each sort names its key columns; the cursor is the key of the last row.
const SORTS: Record<ListSort, { order: string; after: string; key: (r: PostSummaryRow) => (string | number)[]; shape: ('string' | 'number')[] }> = {
  new: {
    order: 'p.created_at DESC, p.id DESC',
    after: '(p.created_at, p.id) < (@k0, @k1)',
    key: (r) => [r.created_at, r.id],
    shape: ['string', 'number'],
  },
  popular: {
    order: 'p.view_count DESC, p.id DESC',
    after: '(p.view_count, p.id) < (@k0, @k1)',
    key: (r) => [r.view_count, r.id],
    shape: ['number', 'number'],
  },
  // A time-decayed score of views and likes: server/popularity/trend.ts, docs/POPULARITY.md.
  trending: { order: 'p.trend DESC, p.id DESC', after: '(p.trend, p.id) < (@k0, @k1)', key: (r) => [r.trend, r.id], shape: ['number', 'number'] },
};

export const sortKey = (sort: ListSort) => SORTS[sort];

export function createPostStore(db: Database) {
  const byId = db.prepare(`SELECT p.*, u.username, u.display_name, u.department
    FROM posts p JOIN users u ON u.id = p.author_id WHERE p.id = ?`);
  const insert = db.prepare(`INSERT INTO posts (id, author_id, title, body, html, status, created_at, updated_at)
    VALUES (${newIdSql('posts')}, @authorId, @title, @body, @html, @status, @now, @now)`);
  const update = db.prepare(`UPDATE posts SET title = @title, body = @body, html = @html, updated_at = @now
    WHERE id = @id`);
  const remove = db.prepare('DELETE FROM posts WHERE id = ?');
  const setMinutesSaved = db.prepare('UPDATE posts SET minutes_saved_per_use = ? WHERE id = ?');
  const setStatus = db.prepare('UPDATE posts SET status = ?, hidden_reason = ? WHERE id = ?');
  const likedBy = db.prepare(`SELECT post_id FROM likes WHERE user_id = ? AND post_id IN (SELECT value FROM json_each(?))`).pluck();
  const summaries = db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM posts p JOIN users u ON u.id = p.author_id
    WHERE p.id IN (SELECT value FROM json_each(?))`);
  const htmlOf = db.prepare('SELECT id, html FROM posts WHERE id IN (SELECT value FROM json_each(?))');

  // The list statement depends only on which filters are present, never on their values,
  // so there are a handful of shapes, each prepared once on first use.
  const listStatements = new Map<string, Statement>();
  function listStatement(f: ListFilter): Statement {
    const shapeKey = `${f.sort}|${f.tagId !== undefined}|${f.authorId !== undefined}|${Boolean(f.after)}`;
    let stmt = listStatements.get(shapeKey);
    if (!stmt) {
      const where = ["p.status = 'published'"];
      if (f.tagId !== undefined) where.push('p.id IN (SELECT post_id FROM post_tags WHERE tag_id = @tagId)');
      if (f.authorId !== undefined) where.push('p.author_id = @authorId');
      if (f.after) where.push(SORTS[f.sort].after);
      stmt = db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM posts p JOIN users u ON u.id = p.author_id
        WHERE ${where.join(' AND ')} ORDER BY ${SORTS[f.sort].order} LIMIT @limit`);
      listStatements.set(shapeKey, stmt);
    }
    return stmt;
  }

  return {
    byId: (id: number) => byId.get(id) as PostRow | undefined,
    insert(p: { authorId: number; title: string; body: string; html: string; status?: PostStatus }, now: string): number {
      return Number(insert.run({ ...p, status: p.status ?? 'published', now }).lastInsertRowid);
    },
    update(p: { id: number; title: string; body: string; html: string }, now: string) {
      update.run({ ...p, now });
    },
    remove: (id: number) => { remove.run(id); },
    setMinutesSavedPerUse: (id: number, minutes: number | null) => { setMinutesSaved.run(minutes, id); },
    setStatus: (id: number, status: PostStatus, reason: string | null) => { setStatus.run(status, reason, id); },
    list(f: ListFilter): PostSummaryRow[] {
      const params: Record<string, unknown> = { limit: f.limit + 1 };
      if (f.tagId !== undefined) params.tagId = f.tagId;
      if (f.authorId !== undefined) params.authorId = f.authorId;
      if (f.after) { params.k0 = f.after[0]; params.k1 = f.after[1]; }
      return listStatement(f).all(params) as PostSummaryRow[];
    },
    /** Summaries for ids in any order (callers reorder); hidden ones included, callers filter. */
    summaries(ids: readonly number[]): PostSummaryRow[] {
      return ids.length ? summaries.all(JSON.stringify(ids)) as PostSummaryRow[] : [];
    },
    /** The rendered HTML of many tips at once (search snippets), without their Markdown. */
    htmlOf(ids: readonly number[]): Map<number, string> {
      const rows = ids.length ? htmlOf.all(JSON.stringify(ids)) as { id: number; html: string }[] : [];
      return new Map(rows.map((r) => [r.id, r.html]));
    },
    likedBy(userId: number, postIds: readonly number[]): Set<number> {
      return new Set(postIds.length ? likedBy.all(userId, JSON.stringify(postIds)) as number[] : []);
    },
  };
}

export type PostStore = ReturnType<typeof createPostStore>;
