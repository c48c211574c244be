import type { Database } from '../db/database';
import { newIdSql } from '../db/ids';

export type CommentStatus = 'visible' | 'hidden';

export interface CommentRow {
  id: number;
  post_id: number;
  /** The top-level comment this one answers (one level of replies). */
  parent_id: number | null;
  author_id: number;
  body: string;
  html: string;
  status: CommentStatus;
  hidden_reason: string | null;
  created_at: string;
  updated_at: string;
  username: string;
  display_name: string;
  department: string;
}

const COLUMNS = 'c.*, u.username, u.display_name, u.department';

export function createCommentStore(db: Database) {
  const byId = db.prepare(`SELECT ${COLUMNS} FROM comments c JOIN users u ON u.id = c.author_id WHERE c.id = ?`);
  const insert = db.prepare(`INSERT INTO comments (id, post_id, parent_id, author_id, body, html, created_at, updated_at)
    VALUES (${newIdSql('comments')}, @postId, @parentId, @authorId, @body, @html, @now, @now)`);
  const update = db.prepare('UPDATE comments SET body = @body, html = @html, updated_at = @now WHERE id = @id');
  const setStatus = db.prepare('UPDATE comments SET status = @status, hidden_reason = @reason WHERE id = @id');
  const remove = db.prepare('DELETE FROM comments WHERE id = ?');
  // Hidden comments are listed only for those allowed to see them (their author, moderators).
  const list = db.prepare(`SELECT ${COLUMNS} FROM comments c JOIN users u ON u.id = c.author_id
    WHERE c.post_id = @postId AND (@after IS NULL OR c.id > @after)
      AND (c.status = 'visible' OR @staff = 1 OR c.author_id = @viewerId)
    ORDER BY c.id LIMIT @limit`);
  const counts = db.prepare(`SELECT post_id AS postId, count(*) AS n FROM comments
    WHERE status = 'visible' AND post_id IN (SELECT value FROM json_each(?)) GROUP BY post_id`);

  return {
    byId: (id: number) => byId.get(id) as CommentRow | undefined,
    insert(c: { postId: number; parentId?: number | null; authorId: number; body: string; html: string }, now: string): number {
      return Number(insert.run({ ...c, parentId: c.parentId ?? null, now }).lastInsertRowid);
    },
    update: (id: number, body: string, html: string, now: string) => { update.run({ id, body, html, now }); },
    setStatus: (id: number, status: CommentStatus, reason: string | null) => { setStatus.run({ id, status, reason }); },
    remove: (id: number) => { remove.run(id); },
    /** Oldest first; `limit` rows at most. */
    list(postId: number, viewer: { id: number; staff: boolean }, after: number | null, limit: number): CommentRow[] {
      return list.all({ postId, viewerId: viewer.id, staff: viewer.staff ? 1 : 0, after, limit }) as CommentRow[];
    },
    /** Visible comments per tip, for the counts on lists. */
    countsFor(postIds: readonly number[]): Map<number, number> {
      if (postIds.length === 0) return new Map();
      const rows = counts.all(JSON.stringify(postIds)) as { postId: number; n: number }[];
      return new Map(rows.map((r) => [r.postId, r.n]));
    },
  };
}

export type CommentStore = ReturnType<typeof createCommentStore>;
