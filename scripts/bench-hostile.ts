/**
 * `npm run bench:hostile` — how long each hostile body from tests/security/hostile-cases.ts
 * takes through the whole API (validation, Markdown render, linkify, SQLite), and the longest
 * event-loop stall it causes (the loop is shared, so that is the most any other request can be
 * held up). Target: every case answers within 1 s, or with 413.
 * Exits 1 if one does not.
 */
import { performance } from 'node:perf_hooks';
import { buildApp } from '../server/app';
import { loadConfig } from '../server/config';
import { openDatabase } from '../server/db/database';
import { BODY_CASES } from '../tests/security/hostile-cases';

const RUNS = 3;
const LIMIT_MS = 1000;

const db = openDatabase(':memory:');
const app = await buildApp({
  config: loadConfig({ KOTSU_AUTH: 'proxy' }, { dbPath: ':memory:', webRoot: null, writeLimitPerMinute: 1e6 }),
  db,
});
const headers = { 'x-remote-user': 'bench' };
await app.inject({ method: 'GET', url: '/api/me', headers }); // create the user, warm up

const rows: { name: string; status: number; chars: number; worstMs: number; stallMs: number }[] = [];
for (const c of BODY_CASES) {
  let worst = 0;
  let wait = 0;
  let status = 0;
  for (let i = 0; i < RUNS; i++) {
    // A 1 ms ticker: the longest gap between its ticks is the longest any other request could wait.
    let last = performance.now();
    let gap = 0;
    const ticker = setInterval(() => { const now = performance.now(); gap = Math.max(gap, now - last); last = now; }, 1);
    const t0 = performance.now();
    const res = await app.inject({ method: 'POST', url: '/api/posts', headers, payload: { title: c.name, body: c.value, tags: [] } });
    worst = Math.max(worst, performance.now() - t0);
    await new Promise((r) => setTimeout(r, 5));
    clearInterval(ticker);
    wait = Math.max(wait, gap);
    status = res.statusCode;
  }
  rows.push({ name: c.name, status, chars: c.value.length, worstMs: worst, stallMs: wait });
}
await app.close();
db.close();

rows.sort((a, b) => b.worstMs - a.worstMs);
const pad = (s: string, n: number) => s.padEnd(n).slice(0, n);
process.stdout.write(`${pad('case', 36)} status   chars   worst ms  loop stall ms\n`);
for (const r of rows) {
  process.stdout.write(`${pad(r.name, 36)} ${String(r.status).padStart(6)} ${String(r.chars).padStart(7)} ${r.worstMs.toFixed(1).padStart(10)} ${r.stallMs.toFixed(1).padStart(14)}\n`);
}
const slow = rows.filter((r) => r.worstMs > LIMIT_MS && r.status !== 413);
process.stdout.write(`\n${rows.length} hostile bodies × ${RUNS} runs; slowest ${rows[0].worstMs.toFixed(1)} ms (${rows[0].name}); ` +
  `longest event-loop stall ${Math.max(...rows.map((r) => r.stallMs)).toFixed(1)} ms; ` +
  `${slow.length ? `OVER ${LIMIT_MS} ms: ${slow.map((r) => r.name).join(', ')}` : `all within ${LIMIT_MS} ms`}\n`);
if (slow.length) process.exit(1);
