import type { Database } from './database';

/**
 * Answers computed from the database, kept until the database changes in any way. The stamp
 * is this connection's total_changes() — every row any statement inserted, updated or deleted
 * here, triggers included, rolled back or not — and PRAGMA data_version, which moves when another
 * connection or process commits. Reading both costs two tiny statements (≈2 µs), so a hit is
 * always exact: there is no time-to-live and nothing to invalidate by hand. Meant for answers
 * many people ask for between two writes (the first pages of the lists on the home page);
 * a write anywhere empties it, so under a steady stream of writes it simply stops helping. That
 * includes the writes reading causes: a signed-in reader's last-seen time (once a minute per
 * session), the batch of views (once a second while tips are read) and the search index's
 * background merge; in steady use an answer lives about a second, like the TTL it replaced.
 */
const unseenWrites = new WeakMap<Database, { changes: () => number; count: number }>();

function unseenOf(db: Database) {
  let u = unseenWrites.get(db);
  if (!u) {
    const total = db.prepare('SELECT total_changes()').pluck();
    u = { changes: () => total.get() as number, count: 0 };
    unseenWrites.set(db, u);
  }
  return u;
}

/**
 * Runs a write that no cached answer can depend on — a session's last-seen time, written once a
 * minute per signed-in reader — without emptying the read cache: the rows it changes (counted
 * exactly, triggers included) are left out of the stamp. With 200 readers those writes alone
 * emptied the cache three times a second. Anything a cached answer shows must never go through here.
 */
export function writeUnseenByCache<T>(db: Database, write: () => T): T {
  const u = unseenOf(db);
  const before = u.changes();
  try {
    return write();
  } finally {
    u.count += u.changes() - before;
  }
}

export function createReadCache(db: Database, maxEntries = 256) {
  const unseen = unseenOf(db);
  const changes = { get: () => unseen.changes() - unseen.count };
  const version = db.prepare('PRAGMA data_version').pluck();
  const entries = new Map<string, unknown>();
  let stamp = '';

  return {
    get<T>(key: string, compute: () => T): T {
      const now = `${changes.get()}|${version.get()}`;
      if (now !== stamp) {
        entries.clear();
        stamp = now;
      }
      if (entries.has(key)) return entries.get(key) as T;
      const value = compute();
      // Rows read inside a transaction may yet be rolled back; a compute that wrote moved the stamp.
      if (!db.inTransaction && `${changes.get()}|${version.get()}` === stamp) {
        if (entries.size >= maxEntries) entries.delete(entries.keys().next().value as string);
        entries.set(key, value);
      }
      return value;
    },
  };
}

export type ReadCache = ReturnType<typeof createReadCache>;
