/**
 * `npm run bench:hostile` — how long each hostile body from tests/security/hostile-cases.ts
 * takes through the whole API (validation, Markdown render, linkify, SQLite), the longest
 * event-loop stall it causes (the loop is shared, so that is the most any other request can be
 * held up), and the latency of other requests — a tip GET and GET /api/health, one every 2 ms —
 * while the hostile bodies are posted. A/B in one run: Markdown rendered on the event loop
 * (KOTSU_RENDER_WORKERS=0, as before the render pool) and in the render threads (the configured
 * or default KOTSU_RENDER_WORKERS). Target: every case answers within 1 s, or with 413.
 * Exits 1 if one does not.
 *
 * Each mode first posts every case once untimed (JIT, highlight.js grammars compiled on first
 * use, the render thread started). Other requests' latency is counted from the moment each was
 * due, not from when a blocked loop let it be sent (no coordinated omission).
 */
import { performance } from 'node:perf_hooks';
import { buildApp } from '../server/app';
import { loadConfig } from '../server/config';
import { openDatabase } from '../server/db/database';
import { BODY_CASES } from '../tests/security/hostile-cases';

const RUNS = 3;
const LIMIT_MS = 1000;
const PING_EVERY_MS = 2;

interface CaseRow { name: string; status: number; chars: number; worstMs: number; stallMs: number }
interface ModeResult { label: string; workers: number; rows: CaseRow[]; previewStall: { ms: number; name: string }; pings: number[]; idlePings: number[] }

const baseConfig = loadConfig({ ...process.env, KOTSU_AUTH: 'proxy' }, { dbPath: ':memory:', webRoot: null, writeLimitPerMinute: 1e6 });
// Writes through the sign-on carry the page's Origin, as a browser's do.
const headers = { 'x-remote-user': 'bench', origin: baseConfig.publicUrl.origin };

async function measure(label: string, renderWorkers: number): Promise<ModeResult> {
  const db = openDatabase(':memory:');
  const app = await buildApp({ config: { ...baseConfig, renderWorkers }, db });
  await app.inject({ method: 'GET', url: '/api/me', headers }); // creates the user
  const tip = await app.inject({ method: 'POST', url: '/api/posts', headers, payload: { title: 'ふつうのコツ', body: '**短い**本文', tags: [] } });
  const tipUrl = `/api/posts/${tip.json().id}`;
  const post = (c: (typeof BODY_CASES)[number]) =>
    app.inject({ method: 'POST', url: '/api/posts', headers, payload: { title: c.name, body: c.value, tags: [] } });
  for (const c of BODY_CASES) await post(c); // warm-up, untimed

  // Every case alone: its slowest answer and the longest gap of a 1 ms ticker meanwhile.
  async function timed(send: () => Promise<{ statusCode: number }>) {
    let worst = 0;
    let wait = 0;
    let status = 0;
    for (let i = 0; i < RUNS; i++) {
      let last = performance.now();
      let gap = 0;
      const ticker = setInterval(() => { const now = performance.now(); gap = Math.max(gap, now - last); last = now; }, 1);
      const t0 = performance.now();
      const res = await send();
      worst = Math.max(worst, performance.now() - t0);
      await new Promise((r) => setTimeout(r, 5));
      clearInterval(ticker);
      wait = Math.max(wait, gap);
      status = res.statusCode;
    }
    return { worst, wait, status };
  }
  const rows: CaseRow[] = [];
  const previewStall = { ms: 0, name: '' };
  for (const c of BODY_CASES) {
    const { worst, wait, status } = await timed(() => post(c));
    rows.push({ name: c.name, status, chars: c.value.length, worstMs: worst, stallMs: wait });
    // The render alone (the editor preview stores nothing, so no search indexing or revision).
    const preview = await timed(() => app.inject({ method: 'POST', url: '/api/preview', headers, payload: { body: c.value } }));
    if (preview.wait > previewStall.ms) Object.assign(previewStall, { ms: preview.wait, name: c.name });
  }

  // Other requests, due every 2 ms (a tip GET and the health check in turn), first alone, then
  // while every case is posted RUNS times.
  async function withPings(work: () => Promise<unknown>): Promise<number[]> {
    const latencies: number[] = [];
    const inFlight: Promise<unknown>[] = [];
    let due = performance.now();
    let n = 0;
    const pinger = setInterval(() => {
      for (const now = performance.now(); due <= now; due += PING_EVERY_MS) {
        const dueAt = due;
        const url = n++ % 2 ? '/api/health' : tipUrl;
        inFlight.push(app.inject({ method: 'GET', url, headers }).then(() => { latencies.push(performance.now() - dueAt); }));
      }
    }, 1);
    await work();
    clearInterval(pinger);
    await Promise.all(inFlight);
    return latencies;
  }
  const idlePings = await withPings(() => new Promise((r) => setTimeout(r, 500)));
  const pings = await withPings(async () => { for (let i = 0; i < RUNS; i++) for (const c of BODY_CASES) await post(c); });

  await app.close();
  db.close();
  return { label, workers: renderWorkers, rows, previewStall, pings, idlePings };
}

const modes = [
  await measure('on the event loop', 0),
  await measure('in render threads', baseConfig.renderWorkers || 1),
];

const pad = (s: string, n: number) => s.padEnd(n).slice(0, n);
const num = (x: number, n: number) => x.toFixed(1).padStart(n);
const pct = (xs: number[], p: number) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? 0; };

const [a, b] = modes;
const order = a.rows.map((r, i) => i).sort((i, j) => Math.max(b.rows[j].worstMs, a.rows[j].worstMs) - Math.max(b.rows[i].worstMs, a.rows[i].worstMs));
process.stdout.write(`A: Markdown rendered ${a.label} (0 threads); B: ${b.label} (${b.workers})\n`);
process.stdout.write(`${pad('case', 36)} status   chars A worst ms A loop stall B worst ms B loop stall\n`);
for (const i of order) {
  const r = a.rows[i];
  const s = b.rows[i];
  process.stdout.write(`${pad(r.name, 36)} ${String(s.status).padStart(6)} ${String(r.chars).padStart(7)} ${num(r.worstMs, 10)} ${num(r.stallMs, 12)} ${num(s.worstMs, 10)} ${num(s.stallMs, 12)}\n`);
}
process.stdout.write(`\n${BODY_CASES.length} hostile bodies × ${RUNS} runs per mode, after one untimed pass.\n`);
let failed = false;
for (const m of modes) {
  const slowest = m.rows.reduce((x, y) => (y.worstMs > x.worstMs ? y : x));
  const slow = m.rows.filter((r) => r.worstMs > LIMIT_MS && r.status !== 413);
  failed ||= slow.length > 0;
  process.stdout.write(`${pad(`${m.label}:`, 20)} slowest ${slowest.worstMs.toFixed(1)} ms (${slowest.name}); ` +
    `longest event-loop stall ${Math.max(...m.rows.map((r) => r.stallMs)).toFixed(1)} ms; ` +
    `${slow.length ? `OVER ${LIMIT_MS} ms: ${slow.map((r) => r.name).join(', ')}` : `all within ${LIMIT_MS} ms`}\n`);
  process.stdout.write(`${pad('', 20)} POST /api/preview (the render alone, nothing stored): longest event-loop stall ` +
    `${m.previewStall.ms.toFixed(1)} ms (${m.previewStall.name})\n`);
  process.stdout.write(`${pad('', 20)} other requests every ${PING_EVERY_MS} ms during the hostile POSTs (${m.pings.length}): ` +
    `p50 ${pct(m.pings, 0.5).toFixed(1)} ms, p99 ${pct(m.pings, 0.99).toFixed(1)} ms, max ${Math.max(...m.pings).toFixed(1)} ms ` +
    `(idle: p99 ${pct(m.idlePings, 0.99).toFixed(1)} ms)\n`);
}
if (failed) process.exit(1);
