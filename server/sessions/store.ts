import crypto from 'node:crypto';
import type { Database } from '../db/database';
import { writeUnseenByCache } from '../db/read-cache';
import type { UserRow } from '../users/store';
import { onRowChange } from './changes';

const hash = (token: string) => crypto.createHash('sha256').update(token).digest('hex');

interface SessionRow { id: string; user_id: number; created_at: string; last_seen_at: string; expires_at: string }

// Writing last_seen_at on every request would turn reads into writes; a minute's precision is enough.
const TOUCH_EVERY_MS = 60_000;
/** Sessions remembered in memory; beyond this the oldest are forgotten (and read again when used). */
const MAX_CACHED = 50_000;

interface CachedSession { id: string; userId: number; expiresMs: number; lastSeenMs: number }

/**
 * Every signed-in request looks its session up, so the session and its user are kept in memory
 * (measured: hashing the cookie and two SELECTs were the largest part of the signed-in floor).
 * The cache never outlives the rows: temporary triggers on this connection (changes.ts) drop a
 * session when its row is updated or deleted — logout, logout everywhere, password change,
 * suspension, expiry purge, an account deleted by cascade — and a user when theirs is updated
 * or deleted (role, suspension, name). A commit from another process (PRAGMA data_version moves)
 * empties the cache, so even a change made with the sqlite3 shell is seen on the next request.
 */
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
  const dataVersion = db.prepare('PRAGMA data_version').pluck();

  const sessions = new Map<string, CachedSession>(); // by cookie token
  const tokenOf = new Map<string, string>(); // hashed id → token
  const users = new Map<number, Readonly<UserRow>>();
  let version = dataVersion.get();

  const forgetSession = (id: string) => {
    const token = tokenOf.get(id);
    if (token === undefined) return;
    tokenOf.delete(id);
    sessions.delete(token);
  };
  const forgetAll = () => { sessions.clear(); tokenOf.clear(); users.clear(); };
  onRowChange(db, {
    session: forgetSession,
    user: (id) => { users.delete(id); },
  });

  function remember(token: string, s: CachedSession) {
    // Rows read inside a transaction may yet be rolled back: never keep them.
    if (db.inTransaction) return;
    if (sessions.size >= MAX_CACHED) {
      const oldest = sessions.keys().next().value as string;
      tokenOf.delete(sessions.get(oldest)!.id);
      sessions.delete(oldest);
    }
    sessions.set(token, s);
    tokenOf.set(s.id, token);
  }

  function userById(id: number): UserRow | null {
    let row = users.get(id);
    if (row === undefined) {
      const fresh = user.get(id) as UserRow | undefined;
      if (!fresh) return null;
      row = Object.freeze(fresh);
      if (!db.inTransaction) {
        if (users.size >= MAX_CACHED) users.clear();
        users.set(id, row);
      }
    }
    return row as UserRow;
  }

  function load(token: string): CachedSession | null {
    const id = hash(token);
    const s = get.get(id) as SessionRow | undefined;
    if (!s) return null;
    const cached = { id, userId: s.user_id, expiresMs: Date.parse(s.expires_at), lastSeenMs: Date.parse(s.last_seen_at) };
    remember(token, cached);
    return cached;
  }

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
      const v = dataVersion.get();
      if (v !== version) { version = v; forgetAll(); }
      const s = sessions.get(token) ?? load(token);
      if (!s) return null;
      const t = now.getTime();
      const idleSince = t - s.lastSeenMs;
      if (s.expiresMs <= t || idleSince > opts.idle * 1000) {
        remove.run(s.id);
        return null;
      }
      if (idleSince > TOUCH_EVERY_MS) {
        // Its trigger forgets the entry: keep it, with the new time. No cached answer shows it.
        writeUnseenByCache(db, () => touch.run(now.toISOString(), s.id));
        s.lastSeenMs = t;
        remember(token, s);
      }
      return userById(s.userId);
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
