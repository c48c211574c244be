import type { Database } from '../db/database';

export function createDraftStore(db: Database) {
  // Publishing moves the tip's dates to now: it is new to its readers on the day it appears.
  const publish = db.prepare(`UPDATE posts SET status = 'published', created_at = @now, updated_at = @now
    WHERE id = @id AND status = 'draft'`);
  const mine = db.prepare(`SELECT id, updated_at FROM posts
    WHERE author_id = @authorId AND status = 'draft' AND (@k0 IS NULL OR (updated_at, id) < (@k0, @k1))
    ORDER BY updated_at DESC, id DESC LIMIT @limit`);
  return {
    publish: (id: number, now: string) => publish.run({ id, now }).changes === 1,
    /** Ids of the author's drafts, last edited first; `limit` rows at most. */
    mine(authorId: number, after: (string | number)[] | null, limit: number): { id: number; updated_at: string }[] {
      return mine.all({ authorId, k0: after?.[0] ?? null, k1: after?.[1] ?? null, limit }) as { id: number; updated_at: string }[];
    },
  };
}

export type DraftStore = ReturnType<typeof createDraftStore>;
