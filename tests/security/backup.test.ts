import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { verify } from '../../scripts/crash-test';
import { ORIGIN, ROOT, startServer, streamWrites, type Acked } from '../../scripts/lib-security/child';

const dirs: string[] = [];
afterEach(() => { for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true }); });
const tmp = () => { const d = fs.mkdtempSync(path.join(os.tmpdir(), 'kotsu-backup-')); dirs.push(d); return d; };

/**
 * Runs one of the npm scripts' entry files as `npm run` would, with KOTSU_* set. Asynchronous,
 * so this process's writers keep writing to the server while a backup runs.
 */
function run(script: 'backup' | 'restore', args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts', `${script}.ts`), ...args],
      { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => { stdout += c.toString(); });
    child.stderr.on('data', (c: Buffer) => { stderr += c.toString(); });
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

const tipCount = (file: string) => {
  const db = new BetterSqlite3(file, { readonly: true });
  try { return db.prepare('SELECT count(*) FROM posts').pluck().get() as number; } finally { db.close(); }
};

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

describe('npm run backup / npm run restore', () => {
  it('copies the live database while the server keeps writing; the copy holds every write acknowledged before it began', async () => {
    const dir = tmp();
    const db = path.join(dir, 'kotsu.db');
    const server = startServer(db);
    const base = await server.url;
    const acked: Acked = { created: new Map(), edited: new Map() };
    const writes = streamWrites(base, { writers: 3, tag: 'live', acked });
    while (acked.created.size < 30) await new Promise((r) => setTimeout(r, 50));
    const before: Acked = { created: new Map(acked.created), edited: new Map(acked.edited) };
    const backup = path.join(dir, 'copies', 'kotsu-backup.db');
    const result = await run('backup', [backup], { KOTSU_DB: db });
    const atBackupEnd = acked.created.size;
    await new Promise((r) => setTimeout(r, 300));
    await writes.stop();
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);

    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/integrity_check ok/);
    expect(verify(backup, before)).toEqual([]);
    expect(atBackupEnd).toBeGreaterThan(before.created.size); // the server kept writing during the backup
    expect(tipCount(backup)).toBeGreaterThanOrEqual(before.created.size);
    expect(tipCount(backup)).toBeLessThanOrEqual(atBackupEnd + 3);
    expect(tipCount(db)).toBeGreaterThan(tipCount(backup));

    // The same file name is never overwritten.
    const again = await run('backup', [backup], { KOTSU_DB: db });
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/exists/);
  }, 180_000);

  it('restores a backup in place of the database, keeping the replaced one aside; the server then serves it', async () => {
    const dir = tmp();
    const db = path.join(dir, 'kotsu.db');
    const first = startServer(db);
    const base = await first.url;
    const post = (title: string) => fetch(`${base}/api/posts`, {
      method: 'POST', headers: { 'content-type': 'application/json', 'x-remote-user': 'sato', origin: ORIGIN },
      body: JSON.stringify({ title, body: title, tags: [] }),
    });
    expect((await post('バックアップ前')).status).toBe(201);
    const backup = path.join(dir, 'b.db');
    expect((await run('backup', [backup], { KOTSU_DB: db })).code).toBe(0);
    expect((await post('バックアップ後')).status).toBe(201);
    first.child.kill('SIGTERM');
    await first.exited;

    const port = await freePort();
    const restored = await run('restore', [backup], { KOTSU_DB: db, KOTSU_PORT: String(port) });
    expect(restored.stderr).toBe('');
    expect(restored.code).toBe(0);
    const kept = /kept as (\S+)$/m.exec(restored.stdout)?.[1];
    expect(kept && fs.existsSync(kept)).toBeTruthy();
    expect(tipCount(kept!)).toBe(2);

    const second = startServer(db);
    const base2 = await second.url;
    const list = await (await fetch(`${base2}/api/posts`, { headers: { 'x-remote-user': 'sato' } })).json() as { items: { title: string }[] };
    expect(list.items.map((p) => p.title)).toEqual(['バックアップ前']);
    second.child.kill('SIGTERM');
    await second.exited;
    const check = new BetterSqlite3(db, { readonly: true });
    expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
    check.close();
  }, 180_000);

  it('restore refuses while a server answers on the configured port, and refuses a damaged backup', async () => {
    const dir = tmp();
    const db = path.join(dir, 'kotsu.db');
    const port = await freePort();
    const server = startServer(db, { KOTSU_PORT: String(port) });
    await server.url;
    const backup = path.join(dir, 'b.db');
    expect((await run('backup', [backup], { KOTSU_DB: db })).code).toBe(0);
    const refused = await run('restore', [backup], { KOTSU_DB: db, KOTSU_PORT: String(port) });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/stop it first/);
    server.child.kill('SIGTERM');
    await server.exited;

    const damaged = path.join(dir, 'damaged.db');
    fs.writeFileSync(damaged, fs.readFileSync(backup).subarray(0, 4096 * 2));
    const bad = await run('restore', [damaged], { KOTSU_DB: db, KOTSU_PORT: String(port) });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/restore failed/);
    expect(tipCount(db)).toBe(0);
  }, 180_000);
});
