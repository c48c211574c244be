import type { Database } from 'better-sqlite3';

/**
 * Every stored row of every table whose name `volatile` does not match (sessions, rate limits,
 * caches, the search index), as one text a line a table: two snapshots are equal when a request
 * changed nothing that is kept.
 */
export function dbSnapshot(db: Database, volatile: RegExp): string {
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[];
  return tables.filter((n) => !volatile.test(n)).sort()
    .map((n) => `${n}:${JSON.stringify(db.prepare(`SELECT * FROM "${n}"`).raw().all())}`).join('\n');
}
