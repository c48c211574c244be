/**
 * `npm run backup -- FILE` — a consistent copy of the live database while the server runs.
 *
 * Uses SQLite's online backup API (better-sqlite3 `db.backup`) on the file named by KOTSU_DB
 * (default ./data/kotsu.db). In WAL mode the copy reads one consistent snapshot and never
 * blocks the server's writes; if a write lands mid-copy SQLite restarts the copy, so the result
 * always holds every transaction committed before the backup began. The copy is then opened
 * and must pass PRAGMA integrity_check. Restore with `npm run restore -- FILE`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import BetterSqlite3 from 'better-sqlite3';
import { ConfigError, loadConfig } from '../server/config';

export interface BackupReport { file: string; bytes: number; tips: number; users: number; milliseconds: number }

/** Tables counted in the report; absent tables (an older schema) count as 0. */
function count(db: BetterSqlite3.Database, table: string): number {
  const exists = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(table);
  return exists ? (db.prepare(`SELECT count(*) FROM "${table}"`).pluck().get() as number) : 0;
}

export function checkCopy(file: string): { tips: number; users: number } {
  const db = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  try {
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') throw new Error(`${file}: integrity_check says ${String(integrity)}`);
    if (!count(db, 'schema_migrations')) throw new Error(`${file}: not a Kotsu database (no schema_migrations)`);
    return { tips: count(db, 'posts'), users: count(db, 'users') };
  } finally {
    db.close();
  }
}

export async function backupDatabase(source: string, target: string): Promise<BackupReport> {
  if (!fs.existsSync(source)) throw new Error(`no database at ${source} (set KOTSU_DB)`);
  if (path.resolve(source) === path.resolve(target)) throw new Error('the backup must be a different file');
  if (fs.existsSync(target)) throw new Error(`${target} exists; choose a new file name`);
  fs.mkdirSync(path.dirname(path.resolve(target)), { recursive: true });
  const started = Date.now();
  const db = new BetterSqlite3(source, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    // After the first step copy everything in one step, so a busy server cannot keep restarting it.
    await db.backup(target, { progress: () => 1_000_000 });
  } finally {
    db.close();
  }
  const { tips, users } = checkCopy(target);
  return { file: target, bytes: fs.statSync(target).size, tips, users, milliseconds: Date.now() - started };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const target = process.argv[2];
  if (!target) {
    process.stderr.write('usage: npm run backup -- FILE   (copies KOTSU_DB, default ./data/kotsu.db)\n');
    process.exit(2);
  }
  try {
    const r = await backupDatabase(loadConfig().dbPath, target);
    process.stdout.write(`backup: ${r.file} (${r.bytes} bytes, ${r.tips} tips, ${r.users} users) in ${r.milliseconds} ms; integrity_check ok\n`);
  } catch (err) {
    process.stderr.write(`backup failed: ${err instanceof ConfigError ? err.message : (err as Error).message}\n`);
    process.exit(1);
  }
}
