import type { Database } from '../db/database';

/** Confirmations and the author's list of tips due for a look. */
export function createFreshnessStore(db: Database) {
  const confirm = db.prepare('UPDATE posts SET confirmed_at = @now, confirmed_by = @userId WHERE id = @id');
  // max(updated_at, coalesce(confirmed_at, '')) is reviewedAt() of rule.ts, in SQL; ISO strings order as time.
  const due = db.prepare(`SELECT id FROM posts WHERE author_id = @authorId AND status = 'published'
      AND max(updated_at, coalesce(confirmed_at, '')) < @before
    ORDER BY max(updated_at, coalesce(confirmed_at, '')), id LIMIT @limit`).pluck();
  return {
    confirm: (id: number, userId: number, now: string) => void confirm.run({ id, userId, now }),
    /** The author's published tips last reviewed before `before`, longest unreviewed first. */
    dueIds: (authorId: number, before: string, limit: number) => due.all({ authorId, before, limit }) as number[],
  };
}
