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
export function createReadCache(db: Database, maxEntries = 256) {
  const changes = db.prepare('SELECT total_changes()').pluck();
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
