import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { registerImageRefs } from '../images/refs';
import { migrate, readMigrations } from './migrate';

export type { Database };

export const MIGRATIONS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'migrations');

/**
 * Opens the database with the settings every connection needs and brings its schema up to date.
 * synchronous=NORMAL in WAL mode: a committed transaction survives a process crash; a power
 * loss can roll back the last transactions not yet checkpointed, never corrupt the file.
 */
export function openDatabase(file: string, options: { readonly?: boolean; migrate?: boolean } = {}): Database {
  if (file !== ':memory:' && !options.readonly) fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const db = new BetterSqlite3(file, { readonly: options.readonly ?? false });
  if (!options.readonly) db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // The triggers that keep image_refs in step call it (migration 0030).
  registerImageRefs(db);
  if (!options.readonly && options.migrate !== false) migrate(db, readMigrations(MIGRATIONS_DIR));
  return db;
}
