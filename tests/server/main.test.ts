import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';

const dirs: string[] = [];
afterEach(() => { for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true }); });

interface Running { exit: Promise<{ code: number | null; stderr: string }>; url: Promise<string>; stdout(): string; kill(signal: NodeJS.Signals): void }

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
  return { exit, url, stdout: () => stdout, kill: (s) => child.kill(s) };
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

  it('without KOTSU_PUBLIC_URL, prints the address to open and builds absolute links from the port it listens on', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kotsu-main-'));
    dirs.push(dir);
    const server = startServer({ KOTSU_DB: path.join(dir, 'k.db'), KOTSU_SCRYPT_COST: '1024', KOTSU_PUBLIC_URL: '' });
    const base = await server.url; // http://127.0.0.1:PORT, where fetch connects
    const port = new URL(base).port;
    const shown = `http://localhost:${port}`; // a loopback bind is shown as localhost, what people type
    const json = { 'content-type': 'application/json', origin: shown };
    const setup = await fetch(`${base}/api/setup`, { method: 'POST', headers: json,
      body: JSON.stringify({ username: 'admin', displayName: '管理者', password: 'a-long-password-1' }) });
    expect(setup.status).toBe(201);
    const login = await fetch(`${base}/api/session`, { method: 'POST', headers: json,
      body: JSON.stringify({ username: 'admin', password: 'a-long-password-1' }) });
    expect(login.status).toBe(200);
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
    // A page opened as http://127.0.0.1:PORT or http://[::1]:PORT is the same server: its writes count too.
    for (const origin of [base, `http://[::1]:${port}`]) {
      const post = await fetch(`${base}/api/posts`, { method: 'POST', headers: { ...json, origin, cookie },
        body: JSON.stringify({ title: `from ${origin}`, body: 'x', tags: [] }) });
      expect(post.status, origin).toBe(201);
    }
    // Another port or name on this machine is another site, and is refused.
    for (const origin of [`http://localhost:${Number(port) + 1}`, 'http://evil.example', `http://127.0.0.1.nip.io:${port}`]) {
      const post = await fetch(`${base}/api/posts`, { method: 'POST', headers: { ...json, origin, cookie },
        body: JSON.stringify({ title: 'refused', body: 'x', tags: [] }) });
      expect(post.status, origin).toBe(403);
    }
    const feed = await (await fetch(`${base}/api/feeds/tips.atom`, { headers: { cookie } })).text();
    // The port is random (KOTSU_PORT=0): links on the default :3000 would be wrong.
    expect(feed).toContain(`href="${shown}/`);
    expect(feed).not.toContain('localhost:3000');
    const csv = await (await fetch(`${base}/api/impact.csv?table=posts`, { headers: { cookie } })).text();
    expect(csv.length).toBeGreaterThan(0);
    expect(server.stdout()).toContain(`kotsu: open ${shown}/`);
    expect(server.stdout()).toContain('KOTSU_PUBLIC_URL');
    server.kill('SIGTERM');
    await server.exit;
  }, 60_000);
});
