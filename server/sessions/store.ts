import crypto from 'node:crypto';
import type { Database } from '../db/database';
import type { UserRow } from '../users/store';

const hash = (token: string) => crypto.createHash('sha256').update(token).digest('hex');

interface SessionRow { id: string; user_id: number; created_at: string; last_seen_at: string; expires_at: string }

// Writing last_seen_at on every request would turn reads into writes; a minute's precision is enough.
const TOUCH_EVERY_MS = 60_000;

export function createSessionStore(db: Database, opts: { maxAge: number; idle: number }) {
  const insert = db.prepare(`INSERT INTO sessions (id, user_id, created_at, last_seen_at, expires_at)
    VALUES (?, ?, ?, ?, ?)`);
  const get = db.prepare('SELECT * FROM sessions WHERE id = ?');
  const user = db.prepare('SELECT * FROM users WHERE id = ?');
  const touch = db.prepare('UPDATE sessions SET last_seen_at = ? WHERE id = ?');
  const remove = db.prepare('DELETE FROM sessions WHERE id = ?');
  const removeUser = db.prepare('DELETE FROM sessions WHERE user_id = ?');
  const removeUserExcept = db.prepare('DELETE FROM sessions WHERE user_id = ? AND id <> ?');
  const purge = db.prepare('DELETE FROM sessions WHERE expires_at < ? OR last_seen_at < ?');

  return {
    /** A new random id on every login, so a planted id is never promoted to a session. */
    create(userId: number, now = new Date()): string {
      const token = crypto.randomBytes(32).toString('base64url');
      const iso = now.toISOString();
      insert.run(hash(token), userId, iso, iso, new Date(now.getTime() + opts.maxAge * 1000).toISOString());
      return token;
    },
    lookup(token: string, now = new Date()): UserRow | null {
      if (!token || token.length > 100) return null;
      const id = hash(token);
      const s = get.get(id) as SessionRow | undefined;
      if (!s) return null;
      const idleSince = now.getTime() - Date.parse(s.last_seen_at);
      if (Date.parse(s.expires_at) <= now.getTime() || idleSince > opts.idle * 1000) {
        remove.run(id);
        return null;
      }
      if (idleSince > TOUCH_EVERY_MS) touch.run(now.toISOString(), id);
      return (user.get(s.user_id) as UserRow | undefined) ?? null;
    },
    destroy(token: string) { remove.run(hash(token)); },
    destroyAllFor(userId: number, exceptToken?: string) {
      if (exceptToken) removeUserExcept.run(userId, hash(exceptToken));
      else removeUser.run(userId);
    },
    purgeExpired(now = new Date()) {
      purge.run(now.toISOString(), new Date(now.getTime() - opts.idle * 1000).toISOString());
    },
  };
}

export type SessionStore = ReturnType<typeof createSessionStore>;
