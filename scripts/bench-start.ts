/**
 * `npm run bench:start [-- --runs N]`: start-up time and memory of the compiled server
 * (`node dist/server/main.mjs`, what `npm start` runs) against the same server run from its
 * TypeScript sources through tsx (`node --import tsx server/main.ts`, what `npm start` ran before).
 * Each run starts a fresh process on its own copy of one database, alternating the two so load
 * on a shared machine falls on both alike, and measures: the time from spawn until the server
 * answers /api/health, and the process's resident memory (VmRSS, main thread and its render and
 * search threads) once it has answered and settled for a second. Prints the median of each.
 * Builds dist/ first if it is missing or stale.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildProblem } from './lib/build-stamp.mjs';
import { SERVER_NODE_FLAGS } from './lib/server-flags.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({ options: { runs: { type: 'string', default: '5' } } });
const runs = Math.max(1, Number(values.runs) || 5);

if (buildProblem(root)) {
  const r = spawnSync(process.execPath, [path.join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('build failed');
}

const VARIANTS = {
  compiled: [...SERVER_NODE_FLAGS, 'dist/server/main.mjs'],
  tsx: ['--import', 'tsx', 'server/main.ts'],
} as const;
type Variant = keyof typeof VARIANTS;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kotsu-bench-start-'));

function rssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)![1]) / 1024;
}

async function once(variant: Variant, n: number): Promise<{ ms: number; rss: number }> {
  const db = path.join(dir, `${variant}-${n}.db`);
  const start = performance.now();
  const child = spawn(process.execPath, [...VARIANTS[variant]], {
    cwd: root,
    env: { ...process.env, KOTSU_DB: db, KOTSU_PORT: '0', KOTSU_LOG_LEVEL: 'info', KOTSU_WEB_ROOT: path.join(root, 'dist', 'web') },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    const base = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (c: Buffer) => {
        out += c.toString();
        const m = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
        if (m) resolve(m[1]);
      });
      child.on('exit', (code) => reject(new Error(`${variant} exited with ${code}`)));
    });
    const res = await fetch(`${base}/api/health`);
    if (!res.ok) throw new Error(`${variant}: health ${res.status}`);
    const ms = performance.now() - start;
    await new Promise((r) => setTimeout(r, 1000));
    return { ms, rss: rssMb(child.pid!) };
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const results: Record<Variant, { ms: number[]; rss: number[] }> = { compiled: { ms: [], rss: [] }, tsx: { ms: [], rss: [] } };
try {
  // One unmeasured start of each first: the disk cache then holds both alike.
  for (const v of Object.keys(VARIANTS) as Variant[]) await once(v, -1);
  for (let i = 0; i < runs; i++) {
    for (const v of (i % 2 ? ['tsx', 'compiled'] : ['compiled', 'tsx']) as Variant[]) {
      const r = await once(v, i);
      results[v].ms.push(r.ms);
      results[v].rss.push(r.rss);
    }
  }
  process.stdout.write(`node ${process.version}, ${os.availableParallelism()} cores, load ${os.loadavg()[0].toFixed(1)}, ${runs} runs each (median)\n`);
  process.stdout.write('server                         start → /api/health answered   rss after 1 s\n');
  for (const v of Object.keys(VARIANTS) as Variant[]) {
    process.stdout.write(`${v === 'compiled' ? 'compiled (node dist/…/main.mjs)' : 'tsx (node --import tsx …/main.ts)'}`.padEnd(31) +
      `${median(results[v].ms).toFixed(0)} ms`.padStart(12) + `${median(results[v].rss).toFixed(1)} MB`.padStart(32) + '\n');
  }
  const c = results.compiled;
  const t = results.tsx;
  process.stdout.write(`compiled vs tsx: start ${((median(c.ms) / median(t.ms)) * 100).toFixed(0)}%, rss ${((median(c.rss) / median(t.rss)) * 100).toFixed(0)}%\n`);
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
