import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';

const dirs: string[] = [];
afterEach(() => { for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true }); });

interface Running { exit: Promise<{ code: number | null; stderr: string }>; url: Promise<string>; kill(signal: NodeJS.Signals): void }

function startServer(env: Record<string, string>): Running {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: { ...process.env, KOTSU_PORT: '0', KOTSU_LOG_LEVEL: 'info', KOTSU_WEB_ROOT: '/nonexistent', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  const url = new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const m = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(stdout);
      if (m) resolve(m[1]);
    });
    child.on('exit', () => reject(new Error(`exited before listening: ${stderr}`)));
  });
  child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
  const exit = new Promise<{ code: number | null; stderr: string }>((resolve) => {
    child.on('exit', (code) => resolve({ code, stderr }));
  });
  url.catch(() => undefined);
  return { exit, url, kill: (s) => child.kill(s) };
}

describe('server/main.ts', () => {
  it('serves, then on SIGTERM finishes and closes the database cleanly', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kotsu-main-'));
    dirs.push(dir);
    const db = path.join(dir, 'data', 'kotsu.db');
    const server = startServer({ KOTSU_DB: db });
    const base = await server.url;
    expect(await (await fetch(`${base}/api/health`)).json()).toEqual({ status: 'ok' });
    expect(fs.existsSync(`${db}-wal`)).toBe(true);
    server.kill('SIGTERM');
    const { code } = await server.exit;
    expect(code).toBe(0);
    // Closing the last connection checkpoints the WAL into the main file and removes it.
    expect(fs.existsSync(`${db}-wal`)).toBe(false);
    const check = new BetterSqlite3(db, { readonly: true });
    expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
    check.close();
  }, 60_000);

  it('refuses to start on a database with an unknown migration, with a clear message', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kotsu-main-'));
    dirs.push(dir);
    const file = path.join(dir, 'future.db');
    const db = new BetterSqlite3(file);
    db.exec("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL); INSERT INTO schema_migrations VALUES (9999, '9999_from_the_future.sql', 'x')");
    db.close();
    const { code, stderr } = await startServer({ KOTSU_DB: file }).exit;
    expect(code).toBe(1);
    expect(stderr).toMatch(/9999_from_the_future\.sql/);
    expect(stderr).not.toMatch(/at .*\.ts:\d+/);
  }, 60_000);

  it('refuses a bad configuration naming the variable', async () => {
    const { code, stderr } = await startServer({ KOTSU_AUTH: 'ldap' }).exit;
    expect(code).toBe(1);
    expect(stderr).toMatch(/KOTSU_AUTH/);
  }, 60_000);
});
