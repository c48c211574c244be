import type { Database } from '../db/database';

export interface ExportRow {
  id: number;
  title: string;
  body: string;
  created_at: string;
  updated_at: string;
  minutes_saved_per_use: number | null;
  username: string;
  display_name: string;
}

/** The few reads and writes the Markdown import and export need beyond the posts store. */
export function createTransferStore(db: Database) {
  const sameTitle = db.prepare('SELECT 1 FROM posts WHERE author_id = ? AND title = ? LIMIT 1').pluck();
  const setUpdated = db.prepare('UPDATE posts SET updated_at = ? WHERE id = ?');
  const published = db.prepare(`SELECT p.id, p.title, p.body, p.created_at, p.updated_at, p.minutes_saved_per_use,
    u.username, u.display_name FROM posts p JOIN users u ON u.id = p.author_id
    WHERE p.status = 'published' AND p.id > ? ORDER BY p.id LIMIT ?`);
  return {
    hasTitle: (authorId: number, title: string) => sameTitle.get(authorId, title) !== undefined,
    /** The import's own date of last change, when the file says it was edited after it was written. */
    setUpdatedAt: (postId: number, iso: string) => void setUpdated.run(iso, postId),
    /** Published tips in id order, a page at a time, so an export of 100,000 tips holds one page. */
    *published(pageSize = 500): Generator<ExportRow> {
      let after = 0;
      for (;;) {
        const rows = published.all(after, pageSize) as ExportRow[];
        yield* rows;
        if (rows.length < pageSize) return;
        after = rows[rows.length - 1]!.id;
      }
    },
  };
}
