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
 * `npm run bench:hostile -- --stalls` runs part two instead: diffs, feeds, snippets, indexing
 * and regular expressions over pathological bodies, with /api/health latency meanwhile. It runs
 * the app as production does, on a database file (in a temporary directory, removed at the
 * end), so searches go to the search threads and the render and diff threads are warmed at start.
 * `--only TEXT` measures only the cases whose name contains TEXT (e.g. under `node --cpu-prof`).
 *
 * Each mode first posts every case once untimed (JIT, highlight.js grammars compiled on first
 * use, the render thread started). Other requests' latency is counted from the moment each was
 * due, not from when a blocked loop let it be sent (no coordinated omission).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
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

/**
 * Part two: work whose cost grows with member-written input and that is not a Markdown render —
 * revision diffs, feed rendering, search snippets, indexing, any regular expression over a body.
 * Pathological inputs of our own design; each case's own time, and GET /api/health sent every
 * 2 ms meanwhile (latency from when each was due). Target: health within 100 ms in every case.
 */
interface StallCase { name: string; setup?: (app: App) => Promise<void>; run: (app: App) => Promise<{ statusCode: number }> }
type App = Awaited<ReturnType<typeof buildApp>>;
const HEALTH_LIMIT_MS = 100;
const N = 100_000;

const words = (n: number, f: (i: number) => string) => Array.from({ length: n }, (_, i) => f(i)).join(' ');
const fit = (s: string) => s.slice(0, N);
async function tipWithEdit(app: App, before: string, after: string): Promise<number> {
  const res = await app.inject({ method: 'POST', url: '/api/posts', headers, payload: { title: 'diff', body: before, tags: [] } });
  if (res.statusCode !== 201) throw new Error(`create failed: ${res.statusCode} ${res.body.slice(0, 300)}`);
  const id = res.json().id as number;
  const edit = await app.inject({ method: 'PATCH', url: `/api/posts/${id}`, headers, payload: { body: after } });
  if (edit.statusCode !== 200) throw new Error(`edit failed: ${edit.statusCode} ${edit.body}`);
  return id;
}
const diffCase = (name: string, before: string, after: string): StallCase => {
  let id = 0;
  return {
    name, setup: async (app) => { id = await tipWithEdit(app, fit(before), fit(after)); },
    run: (app) => app.inject({ method: 'GET', url: `/api/posts/${id}/diff`, headers }),
  };
};
const postCase = (name: string, body: string): StallCase => ({
  name, run: (app) => app.inject({ method: 'POST', url: '/api/posts', headers, payload: { title: name.slice(0, 100), body: fit(body), tags: [] } }),
});
const LINE = (n: number) => `${n}. 「データ」タブの「重複の削除」で、選択した列が同じ行を一度に消せます（手順${n}）。`;
const lines = (f: (n: number) => string) => { const out: string[] = []; let len = 0; for (let n = 0; len < N; n++) { const l = f(n); out.push(l); len += l.length + 1; } return out.join('\n'); };
const HOSTILE_FEED_BODIES = ['!['.repeat(N / 2), '![]('.repeat(N / 4), '['.repeat(N), '<'.repeat(N), 'ー'.repeat(N - 2) + 'アー'];

/** Each search run asks for a different query (the same hits): nothing cached answers it. */
let searchRuns = 0;

const STALL_CASES: StallCase[] = [
  postCase('Markdown: run of * (100k)', '*'.repeat(N)),
  postCase('Markdown: run of _* (100k)', '_*'.repeat(N / 2)),
  postCase('Markdown: run of ` (100k)', '`'.repeat(N)),
  postCase('Markdown: > nesting (100k)', '>'.repeat(N)),
  postCase('Markdown: image openers ![ (100k)', '!['.repeat(N / 2)),
  postCase('Markdown: link openers [ then ]( (100k)', '['.repeat(N / 2) + ']('.repeat(N / 4)),
  postCase('Markdown: ![]( without ) (100k)', '![]('.repeat(N / 4)),
  postCase('Markdown: <a  without > (100k)', '<a '.repeat(N / 3)),
  postCase('Markdown: a@b.com for linkify', 'a@b.com '.repeat(N / 8)),
  postCase('Markdown: www. without end', 'www.'.repeat(N / 4)),
  // Added with the worker-pool work (issue 16 part 8, second round).
  postCase('Markdown: entity run &amp; (100k)', '&amp;'.repeat(N / 5)),
  postCase('Markdown: ~~** alternating (100k)', '~~**'.repeat(N / 4)),
  postCase('Markdown: backslash escapes \\* (100k)', '\\*'.repeat(N / 2)),
  postCase('Markdown: list markers "- " (100k)', '- '.repeat(N / 2)),
  postCase('Markdown: table of 14k rows', `|a|b|\n|-|-|\n${'|x|y|\n'.repeat(N / 7)}`),
  postCase('Markdown: reference definitions [a]: b', '[a]: b\n'.repeat(N / 7)),
  postCase('Markdown: [x](<  without >', '[x](<'.repeat(N / 5)),
  postCase('index: run of ー not at the end', 'ー'.repeat(N - 2) + 'アー'),
  postCase('index: combining marks (100k)', 'a' + '\u0301'.repeat(N - 1)),
  diffCase('diff: huge single line, every 10th word changed', words(N / 6, (i) => `w${i % 997}`), words(N / 6, (i) => (i % 10 ? `w${i % 997}` : `x${i}`))),
  diffCase('diff: huge single line of Japanese, rewritten', LINE(0).repeat(N / LINE(0).length), LINE(1).repeat(N / LINE(1).length)),
  diffCase('diff: many lines, every other line reworded', lines(LINE), lines((n) => (n % 2 ? LINE(n).replace('選択した列', '指定した複数の列') : LINE(n)))),
  diffCase('diff: many lines, unrelated bodies', lines(LINE), lines((n) => `${n} Sub 転記() ' VBA で ${n * 7919} 行目を処理する`)),
  diffCase('diff: 50k one-character lines vs shuffled', Array.from({ length: N / 2 }, (_, i) => 'ab'[i % 2]).join('\n'), Array.from({ length: N / 2 }, (_, i) => 'ab'[(i * 7) % 3 % 2]).join('\n')),
  {
    name: 'feed: 30 tips of hostile 100k bodies',
    setup: async (app) => {
      for (let i = 0; i < 30; i++) {
        await app.inject({ method: 'POST', url: '/api/posts', headers, payload: { title: `feed ${i}`, body: fit(HOSTILE_FEED_BODIES[i % HOSTILE_FEED_BODIES.length]), tags: ['feed'] } });
      }
    },
    run: (app) => app.inject({ method: 'GET', url: '/api/feeds/tips.atom', headers }),
  },
  {
    name: 'search: snippets over 100k bodies',
    setup: async (app) => {
      for (let i = 0; i < 10; i++) {
        await app.inject({ method: 'POST', url: '/api/posts', headers, payload: { title: `snip ${i}`, body: fit(`重複 ${'<'.repeat(10)}${'ー'.repeat(3)} `.repeat(N / 16)), tags: [] } });
      }
    },
    run: (app) => app.inject({ method: 'GET', url: `/api/search?q=${encodeURIComponent(`重複 -除外${++searchRuns}`)}`, headers }),
  },
  {
    // The word only at the end of 20 long tips: every hit's snippet reads as far as it may.
    name: 'search: match only past 90k characters (20 tips)',
    setup: async (app) => {
      for (let i = 0; i < 20; i++) {
        await app.inject({ method: 'POST', url: '/api/posts', headers, payload: { title: `deep ${i}`, body: fit(`${'&lt;'.repeat(18_000)} 末尾の語スパークライン`), tags: [] } });
      }
    },
    run: (app) => app.inject({ method: 'GET', url: `/api/search?q=${encodeURIComponent(`スパークライン -除外${++searchRuns}`)}`, headers }),
  },
];

/** `--repeat N` (default 3): each case is measured N times; on a shared machine one run is noise. */
const REPEAT = Math.max(1, Number(process.argv[process.argv.indexOf('--repeat') + 1]) || 3);
const median = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2; };
interface StallRow { name: string; status: number; ms: number; healthMedian: number; healthWorst: number; healthN: number }

const ONLY = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] ?? '' : '';

async function measureStalls(): Promise<StallRow[]> {
  // A database file, as in production: an in-memory one keeps searches on the event loop
  // (a thread cannot open it), which production never does.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kotsu-stalls-'));
  const dbPath = path.join(dir, 'kotsu.db');
  const db = openDatabase(dbPath);
  // The search threads' cache of identical searches off: each run must do the search's work, as
  // a search for other words (an attacker's) would.
  const app = await buildApp({ config: { ...baseConfig, dbPath, renderWorkers: baseConfig.renderWorkers || 1,
    searchWorkers: baseConfig.searchWorkers || 1, searchCache: false }, db });
  await app.ready();
  await app.inject({ method: 'GET', url: '/api/me', headers });
  const out: StallRow[] = [];
  // The floor on this machine now: the same pings while nothing else runs.
  const idle: StallCase = { name: 'baseline: nothing running (1 s)', run: async () => { await new Promise((r) => setTimeout(r, 1000)); return { statusCode: 0 }; } };
  for (const c of [idle, ...STALL_CASES.filter((x) => x.name.includes(ONLY))]) {
    try {
      await c.setup?.(app);
    } catch (err) {
      out.push({ name: `${c.name} (set-up failed: ${(err as Error).message.slice(0, 60)})`, status: 0, ms: 0, healthMedian: 0, healthWorst: 0, healthN: 0 });
      continue;
    }
    await c.run(app); // warm-up: JIT, threads started
    const times: number[] = [];
    const maxima: number[] = [];
    let status = 0;
    let pings = 0;
    for (let k = 0; k < REPEAT; k++) {
      const latencies: number[] = [];
      const inFlight: Promise<unknown>[] = [];
      let due = performance.now();
      const pinger = setInterval(() => {
        for (const now = performance.now(); due <= now; due += PING_EVERY_MS) {
          const dueAt = due;
          inFlight.push(app.inject({ method: 'GET', url: '/api/health' }).then(() => { latencies.push(performance.now() - dueAt); }));
        }
      }, 1);
      const t0 = performance.now();
      const res = await c.run(app);
      times.push(performance.now() - t0);
      await new Promise((r) => setTimeout(r, 5));
      clearInterval(pinger);
      await Promise.all(inFlight);
      status = res.statusCode;
      maxima.push(Math.max(0, ...latencies));
      pings += latencies.length;
    }
    out.push({ name: c.name, status, ms: median(times), healthMedian: median(maxima), healthWorst: Math.max(...maxima), healthN: pings });
  }
  await app.close();
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
  return out;
}

if (process.argv.includes('--stalls')) {
  const load = os.loadavg();
  const rows = await measureStalls();
  const pad = (s: string, n: number) => s.padEnd(n).slice(0, n);
  process.stdout.write(`${REPEAT} runs per case; /api/health max: the median of the runs' maxima, and the worst run\n`);
  process.stdout.write(`${pad('case (member-written input)', 52)} status  case ms  health max ms: median  worst (pings)\n`);
  for (const r of rows) {
    process.stdout.write(`${pad(r.name, 52)} ${String(r.status).padStart(6)} ${r.ms.toFixed(1).padStart(8)} ${r.healthMedian.toFixed(1).padStart(18)} ${r.healthWorst.toFixed(1).padStart(7)} (${r.healthN})\n`);
  }
  process.stdout.write(`load average at start ${load.map((x) => x.toFixed(1)).join(' ')}, at end ${os.loadavg().map((x) => x.toFixed(1)).join(' ')} on ${os.availableParallelism()} cores\n`);
  const over = rows.filter((r) => r.healthWorst > HEALTH_LIMIT_MS);
  process.stdout.write(over.length ? `/api/health OVER ${HEALTH_LIMIT_MS} ms in some run during: ${over.map((r) => r.name).join(', ')}\n`
    : `/api/health answered within ${HEALTH_LIMIT_MS} ms during every run of every case\n`);
  process.exit(over.length ? 1 : 0);
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
