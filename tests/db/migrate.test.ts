import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS_DIR, openDatabase } from '../../server/db/database';
import { migrate, MigrationError, readMigrations } from '../../server/db/migrate';

const dirs: string[] = [];
function tempDir(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kotsu-mig-'));
  dirs.push(dir);
  for (const [name, sql] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), sql);
  return dir;
}
afterEach(() => { for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true }); });

describe('migrations', () => {
  it('applies the project migrations in order and records each once', () => {
    const db = openDatabase(':memory:');
    const rows = db.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all() as { version: number; name: string }[];
    expect(rows.map((r) => r.name)).toEqual(readMigrations(MIGRATIONS_DIR).map((m) => m.name));
    expect(migrate(db, readMigrations(MIGRATIONS_DIR))).toEqual([]);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    db.close();
  });

  it('uses WAL for a file database', () => {
    const dir = tempDir({});
    const db = openDatabase(path.join(dir, 'sub', 'k.db'));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });

  it('rolls a failed migration back whole and names it', () => {
    const dir = tempDir({
      '0001_a.sql': 'CREATE TABLE a (x INTEGER);',
      '0002_b.sql': 'CREATE TABLE b (x INTEGER); INSERT INTO nope VALUES (1);',
    });
    const db = new BetterSqlite3(':memory:');
    expect(() => migrate(db, readMigrations(dir))).toThrow(/0002_b\.sql failed/);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type='table'").pluck().all();
    expect(tables).toContain('a');
    expect(tables).not.toContain('b');
    expect(db.prepare('SELECT version FROM schema_migrations').pluck().all()).toEqual([1]);
  });

  it('refuses a database that has a migration this code does not know', () => {
    const db = new BetterSqlite3(':memory:');
    migrate(db, readMigrations(tempDir({ '0001_a.sql': 'SELECT 1;', '0002_b.sql': 'SELECT 1;' })));
    expect(() => migrate(db, readMigrations(tempDir({ '0001_a.sql': 'SELECT 1;' })))).toThrow(MigrationError);
  });

  it('refuses badly named files', () => {
    expect(() => readMigrations(tempDir({ 'init.sql': 'SELECT 1;' }))).toThrow(/0001_name\.sql/);
  });

  it('keeps the audit log append-only', () => {
    const db = openDatabase(':memory:');
    db.prepare("INSERT INTO audit_log (at, action, target_type) VALUES ('t', 'x', 'post')").run();
    expect(() => db.prepare("UPDATE audit_log SET action = 'y'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
    db.close();
  });
});
