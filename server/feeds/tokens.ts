import { createHash, randomBytes } from 'node:crypto';
import type { Database } from '../db/database';

export interface FeedTokenRow {
  id: number;
  label: string;
  created_at: string;
  last_used_at: string | null;
}

/** How many feed tokens one member may hold; enough for a reader per device. */
export const FEED_TOKENS_PER_USER = 10;
const hash = (token: string) => createHash('sha256').update(token).digest('hex');
// 32 random bytes, base64url: the only form a token takes; anything else is not looked up.
const TOKEN_RE = /^[A-Za-z0-9_-]{43}$/;

/** Feed tokens, stored as their SHA-256 only: the database never holds one a reader could use. */
export function createFeedTokenStore(db: Database) {
  const insert = db.prepare('INSERT INTO feed_tokens (user_id, token_hash, label, created_at) VALUES (?, ?, ?, ?)');
  const list = db.prepare('SELECT id, label, created_at, last_used_at FROM feed_tokens WHERE user_id = ? ORDER BY id');
  const count = db.prepare('SELECT count(*) FROM feed_tokens WHERE user_id = ?').pluck();
  const remove = db.prepare('DELETE FROM feed_tokens WHERE id = ? AND user_id = ?');
  const byHash = db.prepare('SELECT id, user_id, last_used_at FROM feed_tokens WHERE token_hash = ?');
  const used = db.prepare('UPDATE feed_tokens SET last_used_at = ? WHERE id = ?');
  return {
    count: (userId: number) => count.get(userId) as number,
    /** A new token: the returned string is its only copy. */
    create(userId: number, label: string, now: string): { row: FeedTokenRow; token: string } {
      const token = randomBytes(32).toString('base64url');
      const id = Number(insert.run(userId, hash(token), label, now).lastInsertRowid);
      return { row: { id, label, created_at: now, last_used_at: null }, token };
    },
    list: (userId: number) => list.all(userId) as FeedTokenRow[],
    /** False when the member has no such token: another's token is as missing as none. */
    revoke: (userId: number, id: number) => remove.run(id, userId).changes > 0,
    /** The member a token belongs to; the day it was last used is kept (one write a day at most). */
    userIdFor(token: string, now: Date): number | undefined {
      if (!TOKEN_RE.test(token)) return undefined;
      const row = byHash.get(hash(token)) as { id: number; user_id: number; last_used_at: string | null } | undefined;
      if (!row) return undefined;
      const today = now.toISOString().slice(0, 10);
      if (row.last_used_at?.slice(0, 10) !== today) used.run(now.toISOString(), row.id);
      return row.user_id;
    },
  };
}

/** A request target with any `token` query parameter's value hidden, for logs. */
export function redactToken(url: string): string {
  return url.replace(/([?&]token=)[^&#]*/gi, '$1[redacted]');
}
