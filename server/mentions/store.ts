import type { Database } from '../db/database';

export type MentionSource = 'post' | 'comment';

/** Who has been told of a mention where, so each person hears once per tip or comment. */
export function createMentionStore(db: Database) {
  const record = db.prepare('INSERT OR IGNORE INTO mentions (source_type, source_id, user_id, created_at) VALUES (?, ?, ?, ?)');
  const forget = db.prepare('DELETE FROM mentions WHERE source_type = ? AND source_id = ?');
  return {
    /** True when this person had not been told of this source before (and now is recorded). */
    record: (source: MentionSource, sourceId: number, userId: number, now: string) => record.run(source, sourceId, userId, now).changes === 1,
    forget: (source: MentionSource, sourceId: number) => { forget.run(source, sourceId); },
  };
}

export type MentionStore = ReturnType<typeof createMentionStore>;
