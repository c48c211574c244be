import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The production runtime (issue 17): `npm run build` compiles the web app, the server and its
// worker threads into dist/; `npm start` runs node on dist/ with no TypeScript loader, no bundler
// and no dev dependency, and refuses a missing or stale build outside a source checkout.
// Everything runs in a copy of the project (no .git: a copied release), so the repository's own
// dist/ (the browser tests') is never touched.

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const COPIED = ['server', 'web', 'scripts', 'migrations', 'package.json', 'package-lock.json', 'vite.config.ts', 'tsconfig.json'];
/** What a production install lacks: dev dependencies, and the build tools the server must not need. */
const ABSENT_AT_RUN_TIME = ['tsx', 'esbuild', '@esbuild', 'vite', 'rolldown', '@rolldown', 'typescript', 'vitest', '@vitest', '.bin', '.cache'];

let project: string;

function run(args: string[], env: Record<string, string> = {}) {
  return spawnSync(process.execPath, args, { cwd: project, encoding: 'utf8', env: { ...process.env, ...env }, timeout: 180_000 });
}

/** node_modules as a production server has it: every package but the build tools and dev ones. */
function runtimeModules(): void {
  const dir = path.join(project, 'node_modules');
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir);
  for (const name of fs.readdirSync(path.join(ROOT, 'node_modules'))) {
    if (ABSENT_AT_RUN_TIME.includes(name)) continue;
    fs.symlinkSync(path.join(ROOT, 'node_modules', name), path.join(dir, name));
  }
}

beforeAll(() => {
  project = fs.mkdtempSync(path.join(os.tmpdir(), 'kotsu-prod-'));
  for (const p of COPIED) fs.cpSync(path.join(ROOT, p), path.join(project, p), { recursive: true });
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(project, 'node_modules'));
});
afterAll(() => { fs.rmSync(project, { recursive: true, force: true }); });

describe('npm start / npm run build', () => {
  it('refuses to start without a build, saying what to do', () => {
    const r = run(['scripts/start.mjs']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/no complete build/);
    expect(r.stderr).toMatch(/npm run build/);
  });

  it('builds the web app, the server, its worker threads and the operator scripts into dist/', () => {
    const r = run(['scripts/build.mjs']);
    expect(r.status, r.stderr).toBe(0);
    for (const f of ['web/index.html', 'server/main.mjs', 'server/search-worker.mjs', 'server/markdown-worker.mjs', 'server/diff-worker.mjs',
      'scripts/backup.mjs', 'scripts/restore.mjs', 'scripts/reindex.mjs', 'scripts/import-markdown.mjs', 'scripts/export-markdown.mjs', 'build.json']) {
      expect(fs.existsSync(path.join(project, 'dist', f)), f).toBe(true);
    }
    // Compiled: no TypeScript module is imported by the built server or its threads.
    for (const f of ['main.mjs', 'search-worker.mjs', 'markdown-worker.mjs', 'diff-worker.mjs']) {
      const code = fs.readFileSync(path.join(project, 'dist', 'server', f), 'utf8');
      expect(code).not.toMatch(/from\s+["'][^"']*\.ts["']/);
      expect(code).not.toMatch(/from\s+["'](tsx|esbuild|vite)["']/);
    }
  }, 200_000);

  it('runs the built server with node alone: no loader, no build tools installed, workers from dist/', async () => {
    runtimeModules();
    const db = path.join(project, 'data', 'kotsu.db');
    const child = spawn(process.execPath, ['scripts/start.mjs'], {
      cwd: project,
      env: { PATH: process.env.PATH ?? '', KOTSU_PORT: '0', KOTSU_DB: db, KOTSU_AUTH: 'proxy', KOTSU_SEARCH_WORKERS: '1', KOTSU_RENDER_WORKERS: '1',
        // The port is chosen by the system: the writes below name the site's address as their Origin.
        KOTSU_PUBLIC_URL: 'http://localhost:3000' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stderr.on('data', (c: Buffer) => { err += c.toString(); });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      const base = await new Promise<string>((resolve, reject) => {
        child.stdout.on('data', (c: Buffer) => {
          out += c.toString();
          const m = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
          if (m) resolve(m[1]);
        });
        child.on('exit', () => reject(new Error(`exited before listening: ${err}`)));
      });
      // The process as the kernel sees it: plain `node scripts/start.mjs`, no --import/--loader/
      // --require flag and no NODE_OPTIONS carrying one.
      const cmdline = fs.readFileSync(`/proc/${child.pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
      expect(cmdline).toEqual([process.execPath, 'scripts/start.mjs']);
      const environ = fs.readFileSync(`/proc/${child.pid}/environ`, 'utf8');
      expect(environ).not.toMatch(/NODE_OPTIONS/);

      // A long body is rendered by a render thread, and a search answered by a search thread:
      // both from the bundles built ahead of time (no bundle is made at run time).
      const headers = { 'x-remote-user': 'sato', 'content-type': 'application/json', origin: 'http://localhost:3000' };
      const body = `${'本番ビルドの描画スレッド。'.repeat(300)}\n\n**太字**`;
      const created = await fetch(`${base}/api/posts`, { method: 'POST', headers, body: JSON.stringify({ title: 'コンパイル済みサーバーの検証', body, tags: ['運用'] }) });
      expect(created.status, await created.clone().text()).toBe(201);
      const tip = await created.json() as { id: number; html?: string; bodyHtml?: string };
      expect(JSON.stringify(tip)).toContain('<strong>太字</strong>');
      const found = await (await fetch(`${base}/api/search?q=${encodeURIComponent('コンパイル済み')}`, { headers })).json() as { items: { id: number }[] };
      expect(found.items.map((i) => i.id)).toContain(tip.id);
      // A long revision diff goes to the diff thread, also from its prebuilt bundle.
      const edit = await fetch(`${base}/api/posts/${tip.id}`, { method: 'PATCH', headers, body: JSON.stringify({ body: body.replace('**太字**', '**強調**') }) });
      expect(edit.status, await edit.clone().text()).toBe(200);
      const diff = await fetch(`${base}/api/posts/${tip.id}/diff`, { headers });
      expect(diff.status).toBe(200);
      const d = await diff.json() as { from: { number: number }; to: { number: number }; stats: { added: number; removed: number } };
      expect(d.stats).toEqual({ added: 1, removed: 1 });
      expect(d.to.number).toBeGreaterThan(d.from.number);
      expect(fs.existsSync(path.join(project, 'node_modules', '.cache'))).toBe(false);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
    // No thread fell back to tsx, and every pool's threads started (KotsuWorkerPool: they could not).
    expect(err).not.toMatch(/KotsuWorkerBundle|KotsuWorkerPool|tsx/);
  }, 120_000);

  it('builds every worker thread the server starts', async () => {
    const buildScript: string = new URL('../../scripts/build.mjs', import.meta.url).href;
    const { SERVER_ENTRIES } = await import(buildScript) as { SERVER_ENTRIES: Record<string, string> };
    const { WORKER_SOURCES } = await import('../../server/shared/ts-worker');
    for (const [name, source] of Object.entries(WORKER_SOURCES)) expect(SERVER_ENTRIES[`server/${name}-worker`], name).toBe(source);
  });

  it('refuses a stale build outside a source checkout, naming it', () => {
    fs.appendFileSync(path.join(project, 'server', 'main.ts'), '\n// changed after the build\n');
    const r = run(['scripts/start.mjs'], { KOTSU_PORT: '0', KOTSU_DB: path.join(project, 'stale.db') });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/built .* from other sources/);
    expect(r.stderr).toMatch(/npm run build/);
  });
});
