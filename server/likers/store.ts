import type { Database } from '../db/database';
import type { UserRow } from '../users/store';

export type LikerRow = Pick<UserRow, 'id' | 'username' | 'display_name' | 'department'> & { liked_at: string };

/** Who pressed 役に立った on a tip, newest first. */
export function createLikerStore(db: Database) {
  const list = db.prepare(`SELECT u.id, u.username, u.display_name, u.department, l.created_at AS liked_at
    FROM likes l JOIN users u ON u.id = l.user_id
    WHERE l.post_id = @postId AND (@k0 IS NULL OR (l.created_at, l.user_id) < (@k0, @k1))
    ORDER BY l.created_at DESC, l.user_id DESC LIMIT @limit`);
  return {
    list(postId: number, after: (string | number)[] | null, limit: number): LikerRow[] {
      return list.all({ postId, k0: after?.[0] ?? null, k1: after?.[1] ?? null, limit }) as LikerRow[];
    },
  };
}
