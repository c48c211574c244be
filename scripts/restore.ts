/**
 * `npm run restore -- FILE` — puts a backup made by `npm run backup` back in place of KOTSU_DB.
 *
 * Stop the server first: restore refuses while something answers on KOTSU_HOST:KOTSU_PORT
 * (`--force` skips that check). The backup must pass integrity_check. The current database, if
 * any, is first copied aside to `<KOTSU_DB>.before-restore-<time>` so a restore can be undone.
 * The copy is written with SQLite's backup API, which also clears any -wal left by a crash.
 */
import fs from 'node:fs';
import { pathToFileURL } from 'node:url';
import BetterSqlite3 from 'better-sqlite3';
import { loadConfig } from '../server/config';
import { checkCopy } from './backup';

export interface RestoreReport { target: string; previous: string | null; tips: number; users: number }

async function serverAnswers(host: string, port: number): Promise<boolean> {
  try {
    const res = await fetch(`http://${host.includes(':') ? `[${host}]` : host}:${port}/api/health`, { signal: AbortSignal.timeout(1500) });
    return res.ok;
  } catch {
    return false;
  }
}

export async function restoreDatabase(backup: string, target: string, now = new Date()): Promise<RestoreReport> {
  if (!fs.existsSync(backup)) throw new Error(`no backup at ${backup}`);
  const { tips, users } = checkCopy(backup);
  let previous: string | null = null;
  if (fs.existsSync(target)) {
    previous = `${target}.before-restore-${now.toISOString().replace(/[:.]/g, '-')}`;
    const current = new BetterSqlite3(target, { fileMustExist: true });
    try { await current.backup(previous); } finally { current.close(); }
  }
  const source = new BetterSqlite3(backup, { readonly: true, fileMustExist: true });
  try { await source.backup(target); } finally { source.close(); }
  // The restored file must itself be sound and in WAL mode, as the server expects.
  const db = new BetterSqlite3(target);
  try {
    db.pragma('journal_mode = WAL');
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') throw new Error(`restored file fails integrity_check: ${String(integrity)}`);
  } finally {
    db.close();
  }
  return { target, previous, tips, users };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2);
  const force = args.includes('--force');
  const backup = args.find((a) => a !== '--force');
  if (!backup) {
    process.stderr.write('usage: npm run restore -- FILE [--force]   (replaces KOTSU_DB, default ./data/kotsu.db)\n');
    process.exit(2);
  }
  try {
    const config = loadConfig();
    if (!force && await serverAnswers(config.host, config.port)) {
      throw new Error(`a server answers on ${config.host}:${config.port}; stop it first (or pass --force)`);
    }
    const r = await restoreDatabase(backup, config.dbPath);
    process.stdout.write(`restore: ${r.target} now holds ${backup} (${r.tips} tips, ${r.users} users); ` +
      `${r.previous ? `the previous database was kept as ${r.previous}` : 'there was no previous database'}\n`);
  } catch (err) {
    process.stderr.write(`restore failed: ${(err as Error).message}\n`);
    process.exit(1);
  }
}
