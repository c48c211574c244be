import fs from 'node:fs';
import path from 'node:path';
import type { Database } from 'better-sqlite3';

export class MigrationError extends Error {}

const FILE_RE = /^(\d{4})_[a-z0-9_]+\.sql$/;

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export function readMigrations(dir: string): Migration[] {
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.sql')).sort();
  const seen = new Set<number>();
  return files.map((name) => {
    const m = FILE_RE.exec(name);
    if (!m) throw new MigrationError(`migration file name "${name}" must look like 0001_name.sql`);
    const version = Number(m[1]);
    if (seen.has(version)) throw new MigrationError(`two migrations share number ${m[1]}`);
    seen.add(version);
    return { version, name, sql: fs.readFileSync(path.join(dir, name), 'utf8') };
  });
}

/**
 * Applies pending migrations in order, each in one transaction together with its record,
 * so a failure leaves the database at the previous version. Refuses a database that has
 * a migration this code does not know (it was written by a newer version).
 */
export function migrate(db: Database, migrations: Migration[]): number[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
  const applied = db.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all() as
    { version: number; name: string }[];
  const known = new Map(migrations.map((m) => [m.version, m]));
  for (const row of applied) {
    const m = known.get(row.version);
    if (!m) {
      throw new MigrationError(
        `the database has migration ${row.name} which this version of Kotsu does not know; ` +
          'run the matching version or restore a backup');
    }
    if (m.name !== row.name) {
      throw new MigrationError(`migration ${row.version} is recorded as ${row.name} but the file is ${m.name}`);
    }
  }
  const done = new Set(applied.map((r) => r.version));
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  const ran: number[] = [];
  for (const m of migrations) {
    if (done.has(m.version)) continue;
    try {
      db.transaction(() => {
        db.exec(m.sql);
        record.run(m.version, m.name, new Date().toISOString());
      })();
    } catch (err) {
      throw new MigrationError(`migration ${m.name} failed: ${(err as Error).message}`);
    }
    ran.push(m.version);
  }
  return ran;
}
