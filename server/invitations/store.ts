import { createHash, randomBytes } from 'node:crypto';
import type { Database } from '../db/database';

export interface InvitationRow {
  id: number;
  user_id: number;
  expires_at: string;
  used_at: string | null;
}

const hash = (token: string) => createHash('sha256').update(token).digest('hex');
// 32 random bytes, base64url: the only form a token takes; anything else is not looked up.
const TOKEN_RE = /^[A-Za-z0-9_-]{43}$/;

/** Invitations stored as the SHA-256 of their token: the database never holds a usable link. */
export function createInvitationStore(db: Database) {
  const dropOpen = db.prepare('DELETE FROM invitations WHERE user_id = ? AND used_at IS NULL');
  const insert = db.prepare('INSERT INTO invitations (user_id, token_hash, created_by, created_at, expires_at) VALUES (?, ?, ?, ?, ?)');
  const byHash = db.prepare('SELECT id, user_id, expires_at, used_at FROM invitations WHERE token_hash = ?');
  const use = db.prepare('UPDATE invitations SET used_at = ? WHERE id = ? AND used_at IS NULL');
  const withoutPassword = db.prepare(`SELECT id FROM users WHERE password_hash IS NULL AND suspended = 0 ORDER BY id`).pluck();
  return {
    /** A new link for the user; an earlier unused one stops working. Call in a transaction. */
    issue(userId: number, by: number, now: string, expiresAt: string): string {
      const token = randomBytes(32).toString('base64url');
      dropOpen.run(userId);
      insert.run(userId, hash(token), by, now, expiresAt);
      return token;
    },
    byToken: (token: string) => (TOKEN_RE.test(token) ? byHash.get(hash(token)) as InvitationRow | undefined : undefined),
    /** Marks it used; false if it already was (two tabs racing), so it is used once only. */
    use: (id: number, now: string) => use.run(now, id).changes === 1,
    /** Staff who cannot sign in yet: imported without a password, not suspended. */
    withoutPassword: () => withoutPassword.all() as number[],
  };
}
