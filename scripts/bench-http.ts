/**
 * HTTP benchmark for reading and counting (issue 4). Builds a temporary database with 100,000
 * tips and 2,000,000 daily view rows, starts the real server on it in a child process, and
 * measures each scenario with autocannon for 10 s on loopback against a bare Fastify
 * hello-world started the same way: req/s, p99 latency and the ratio to hello-world.
 *
 * POST views runs twice — views written in their request, and buffered and written once a
 * second — and checks that every distinct view sent was counted exactly once.
 *
 * Usage: npm run bench:http [-- --duration 10 --connections 10 --keep | --from <kept folder>]
 */
import { fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import Fastify from 'fastify';
import { buildApp } from '../server/app';
import { loadConfig } from '../server/config';
import { openDatabase, type Database } from '../server/db/database';
import { SESSION_COOKIE } from '../server/http/auth';
import { renderMarkdown } from '../server/markdown/render';
import { createPopularityStore } from '../server/popularity/store';
import { createSessionStore } from '../server/sessions/store';
import { addDays, japanDay } from '../server/views/days';
import { createWindowStore } from '../server/views/windows';

const TIPS = 100_000;
const DAILY_ROWS = 2_000_000;
const USERS = 10_000;
/** Users 1..AUTHORS write the tips and made the seeded views; the others send the benchmark's views. */
const AUTHORS = 2_000;
const DAYS = 1_095;
const DEPARTMENTS = ['総務課', '財政課', '税務課', '人事課', '企画課', 'デジタル推進課', '福祉課', '子育て支援課', '環境課',
  '農政課', '商工課', '観光課', '道路課', '河川課', '建築課', '教育総務課', '会計課', '議会事務局', '危機管理課', '保健所'];
const TAGS = ['Excel', 'VBA', 'Word', 'PowerShell', 'RPA', 'Access', 'Teams', 'Outlook', 'PDF', '共有フォルダ',
  '公用文', '予算', '決算', '契約', '議会', '文書管理', '電子申請', 'マクロ', '関数', 'ピボット', 'CSV', 'SQL',
  'Python', 'セキュリティ', '個人情報', '会議', 'テレワーク', '研修', '検索', 'ショートカット'];

const MODE = process.argv[2];

// ---------------------------------------------------------------------------------------------
// Child processes: the same setup for both servers — a fresh Node process, loopback, no logging.

/** An answer recorded from the real server, replayed as it was by the ceiling routes. */
interface Recorded { status: number; headers: Record<string, string>; body: string }

async function serveHello(recordedFile?: string): Promise<void> {
  const app = Fastify({ logger: false });
  app.get('/hello', async () => ({ hello: 'world' }));
  // The ceiling: routes that do no work at all and answer with the bytes Kotsu answered
  // (status, headers, body), so a run measures what this machine, Node, Fastify and this
  // client allow for answers of that size and shape.
  if (recordedFile) {
    const recorded = JSON.parse(fs.readFileSync(recordedFile, 'utf8')) as Record<'tip' | 'view', Recorded>;
    const replay = (r: Recorded) => async (_req: unknown, reply: import('fastify').FastifyReply) => {
      reply.code(r.status).headers(r.headers);
      return r.body;
    };
    app.get('/api/posts/:id', replay(recorded.tip));
    app.post('/api/posts/:id/views', replay(recorded.view));
  }
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  process.send?.({ port: typeof address === 'object' && address ? address.port : 0 });
  process.on('SIGTERM', () => { void app.close().then(() => process.exit(0)); });
}

interface ChildCommand { cmd: 'configure' | 'flush' | 'totals' | 'active'; flushMs?: number }

async function serveKotsu(dbPath: string): Promise<void> {
  const config = loadConfig({}, { dbPath, webRoot: null, host: '127.0.0.1', port: 0 });
  const started = performance.now();
  const app = await buildApp({ config, logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const bootMs = performance.now() - started;
  const address = app.server.address();
  const totals = app.ctx.db.prepare(`SELECT (SELECT SUM(view_count) FROM posts) AS views,
    (SELECT COUNT(*) FROM post_views) AS marks, (SELECT SUM(views) FROM post_view_daily) AS daily,
    (SELECT SUM(views) FROM post_window_views WHERE period = 'week') AS week`);
  // Every seeded user counts as active within the last minute, as in steady use: otherwise the
  // first request of each of 10,000 idle sessions writes its last-seen time (sessions/store.ts),
  // and the runs would measure session bookkeeping instead of reading and counting.
  const active = app.ctx.db.prepare('UPDATE sessions SET last_seen_at = ?');
  process.on('message', (m: ChildCommand) => {
    if (m.cmd === 'active') active.run(new Date().toISOString());
    if (m.cmd === 'configure') app.ctx.views.configure({ flushMs: m.flushMs ?? 0 });
    if (m.cmd === 'flush') app.ctx.views.flush();
    process.send?.({ reply: m.cmd, totals: totals.get() });
  });
  process.on('SIGTERM', () => { void app.close().then(() => process.exit(0)); });
  process.send?.({ port: typeof address === 'object' && address ? address.port : 0, bootMs });
}

// ---------------------------------------------------------------------------------------------
// Seeding: generated in memory, then written in key order with foreign keys off (it is consistent).

/** Small deterministic PRNG so every run seeds the same database. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Seeded {
  today: string;
  publishedIds: number[];
  /** One session token per user, index = user id − 1. */
  tokens: string[];
}

function seed(db: Database): Seeded {
  const random = rng(42);
  const int = (n: number) => Math.floor(random() * n);
  const now = new Date();
  const today = japanDay(now);
  const firstDay = addDays(today, 1 - DAYS);
  const iso = (day: string, hour = 3) => `${day}T${String(hour).padStart(2, '0')}:${String(int(60)).padStart(2, '0')}:00.000Z`;

  const popularity = createPopularityStore(db); // on the empty database: its first-start rebuild is free
  db.pragma('foreign_keys = OFF');
  const t0 = performance.now();
  const stamp = now.toISOString();
  const insertUser = db.prepare(`INSERT INTO users (id, username, username_norm, password_hash, display_name, department, role, created_at, updated_at)
    VALUES (?, ?, ?, NULL, ?, ?, 'member', ?, ?)`);
  const sessions = createSessionStore(db, { maxAge: 30 * 24 * 3600, idle: 7 * 24 * 3600 });
  const tokens: string[] = [];
  db.transaction(() => {
    for (let id = 1; id <= USERS; id++) {
      const name = `user${String(id).padStart(5, '0')}`;
      insertUser.run(id, name, name, `職員${id}`, DEPARTMENTS[id % DEPARTMENTS.length], stamp, stamp);
      tokens.push(sessions.create(id, now));
    }
  })();

  // Tips: created over the last three years, oldest first, so ids follow creation days.
  const createdDay = new Int16Array(TIPS + 1);
  for (let id = 1; id <= TIPS; id++) createdDay[id] = Math.floor(((id - 1) / TIPS) * DAYS);
  const hidden = new Uint8Array(TIPS + 1);
  for (let id = 1; id <= TIPS; id++) hidden[id] = random() < 0.02 ? 1 : 0;
  const author = new Int32Array(TIPS + 1);
  for (let id = 1; id <= TIPS; id++) author[id] = 1 + int(AUTHORS);

  // Daily view rows: each day, a number of distinct tips proportional to the tips that exist,
  // 60% any tip and 40% one of the month's new tips, so new tips are read more.
  const available = (d: number) => Math.min(TIPS, Math.floor(((d + 1) / DAYS) * TIPS));
  let weightSum = 0;
  for (let d = 0; d < DAYS; d++) weightSum += available(d);
  const rowPost = new Int32Array(DAILY_ROWS);
  const rowDay = new Int16Array(DAILY_ROWS);
  const rowViews = new Uint8Array(DAILY_ROWS);
  let n = 0;
  for (let d = 0; d < DAYS; d++) {
    const a = available(d);
    const want = d === DAYS - 1 ? DAILY_ROWS - n : Math.min(a, Math.round((a / weightSum) * DAILY_ROWS));
    const recentFrom = available(Math.max(0, d - 30));
    const chosen = new Set<number>();
    while (chosen.size < want) {
      const id = random() < 0.6 || a - recentFrom < 10 ? 1 + int(a) : 1 + recentFrom + int(a - recentFrom);
      chosen.add(id);
    }
    for (const id of chosen) {
      rowPost[n] = id; rowDay[n] = d; rowViews[n] = 1 + Math.min(20, Math.floor(-Math.log(1 - random()) * 1.5)); n++;
    }
  }
  // Key order (post, day) makes every insert an append.
  const order = Array.from({ length: DAILY_ROWS }, (_, i) => i).sort((x, y) => rowPost[x] - rowPost[y] || rowDay[x] - rowDay[y]);
  const dayName = Array.from({ length: DAYS }, (_, d) => addDays(firstDay, d));

  const viewCount = new Int32Array(TIPS + 1);
  const viewerCount = new Int32Array(TIPS + 1);
  const likeCount = new Int32Array(TIPS + 1);
  const bookmarkCount = new Int32Array(TIPS + 1);
  const insertDaily = db.prepare('INSERT INTO post_view_daily (post_id, day, views) VALUES (?, ?, ?)');
  const insertMark = db.prepare('INSERT INTO post_views (post_id, user_id, day) VALUES (?, ?, ?)');
  const insertLike = db.prepare('INSERT INTO likes (post_id, user_id, created_at) VALUES (?, ?, ?)');
  const insertBookmark = db.prepare('INSERT INTO bookmarks (post_id, user_id, created_at) VALUES (?, ?, ?)');
  let likes = 0;
  let marks = 0;
  db.transaction(() => {
    let i = 0;
    while (i < order.length) {
      const post = rowPost[order[i]];
      const viewers = new Set<number>();
      const marksOfPost: [number, number][] = [];
      for (; i < order.length && rowPost[order[i]] === post; i++) {
        const r = order[i];
        insertDaily.run(post, dayName[rowDay[r]], rowViews[r]);
        viewCount[post] += rowViews[r];
        const readers = new Set<number>();
        while (readers.size < rowViews[r]) {
          const u = 1 + int(AUTHORS);
          if (u !== author[post]) readers.add(u);
        }
        for (const u of readers) { viewers.add(u); marksOfPost.push([u, rowDay[r]]); }
      }
      marksOfPost.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
      for (const [u, d] of marksOfPost) insertMark.run(post, u, dayName[d]);
      marks += marksOfPost.length;
      viewerCount[post] = viewers.size;
      // About one reader in ten finds it helpful; fewer bookmark it.
      const likers = [...viewers].filter(() => random() < 0.1).sort((x, y) => x - y);
      for (const u of likers) insertLike.run(post, u, iso(dayName[Math.min(DAYS - 1, createdDay[post] + int(DAYS - createdDay[post]))], 1 + int(12)));
      likeCount[post] = likers.length;
      likes += likers.length;
      const keepers = [...viewers].filter(() => random() < 0.04).sort((x, y) => x - y);
      for (const u of keepers) insertBookmark.run(post, u, iso(dayName[Math.min(DAYS - 1, createdDay[post] + int(DAYS - createdDay[post]))], 2));
      bookmarkCount[post] = keepers.length;
    }
  })();

  const bodies = Array.from({ length: 8 }, (_, k) => {
    const body = `## 手順 ${k}\n\nデータタブの「重複の削除」で、選択した列が同じ行を消せます。**元データは必ずコピー**してから。\n\n` +
      '| 関数 | 用途 |\n| --- | --- |\n| XLOOKUP | 検索 |\n| COUNTIFS | 件数 |\n\n```vba\nSub 転記()\n  Range("A1").Value = "済"\nEnd Sub\n```\n'.repeat(1 + (k % 3));
    return { body, html: renderMarkdown(body) };
  });
  const insertPost = db.prepare(`INSERT INTO posts (id, author_id, title, body, html, status, view_count, like_count,
      viewer_count, bookmark_count, created_at, updated_at)
    VALUES (@id, @author, @title, @body, @html, @status, @views, @likes, @viewers, @bookmarks, @at, @at)`);
  const insertPostTag = db.prepare('INSERT INTO post_tags (post_id, tag_id, position) VALUES (?, ?, ?)');
  const insertTag = db.prepare('INSERT INTO tags (id, name, norm, post_count, created_at) VALUES (?, ?, ?, 0, ?)');
  const publishedIds: number[] = [];
  db.transaction(() => {
    TAGS.forEach((name, k) => insertTag.run(k + 1, name, name.normalize('NFKC').toLowerCase(), stamp));
    for (let id = 1; id <= TIPS; id++) {
      const b = bodies[id % bodies.length];
      insertPost.run({
        id, author: author[id], title: `${TAGS[id % TAGS.length]}のコツ その${id}`, body: b.body, html: b.html,
        status: hidden[id] ? 'hidden' : 'published', views: viewCount[id], likes: likeCount[id], viewers: viewerCount[id],
        bookmarks: bookmarkCount[id], at: iso(dayName[createdDay[id]], int(24)),
      });
      const tags = new Set([1 + (id % TAGS.length), 1 + int(TAGS.length), 1 + int(TAGS.length)]);
      [...tags].forEach((tagId, position) => insertPostTag.run(id, tagId, position));
      if (!hidden[id]) publishedIds.push(id);
    }
    db.exec(`UPDATE tags SET post_count = (SELECT COUNT(*) FROM post_tags pt JOIN posts p ON p.id = pt.post_id
      WHERE pt.tag_id = tags.id AND p.status = 'published')`);
  })();
  db.pragma('foreign_keys = ON');
  const seededMs = performance.now() - t0;

  const t1 = performance.now();
  popularity.rebuildTrend();
  const trendMs = performance.now() - t1;
  const t2 = performance.now();
  createWindowStore(db).rebuildAll(today);
  const windowsMs = performance.now() - t2;
  db.pragma('wal_checkpoint(TRUNCATE)');
  line(`seeded ${TIPS.toLocaleString()} tips, ${DAILY_ROWS.toLocaleString()} daily view rows, ${marks.toLocaleString()} per-user view rows, ` +
    `${likes.toLocaleString()} likes, ${USERS.toLocaleString()} users in ${(seededMs / 1000).toFixed(1)} s`);
  line(`one-off rebuilds on this data: trend ${(trendMs / 1000).toFixed(2)} s, ranking windows ${(windowsMs / 1000).toFixed(2)} s`);
  return { today, publishedIds, tokens };
}

// ---------------------------------------------------------------------------------------------
// Measuring.

function line(text: string) { process.stdout.write(`${text}\n`); }

function argValue(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

function start(args: string[]): Promise<{ child: ChildProcess; port: number; bootMs?: number }> {
  const child = fork(fileURLToPath(import.meta.url), args, { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return new Promise((resolve, reject) => {
    child.once('message', (m: { port: number; bootMs?: number }) => resolve({ child, port: m.port, bootMs: m.bootMs }));
    child.once('exit', (code) => reject(new Error(`server process exited with ${code}`)));
  });
}

function ask(child: ChildProcess, command: ChildCommand): Promise<Record<string, number>> {
  return new Promise((resolve) => {
    const onMessage = (m: { reply?: string; totals?: Record<string, number> }) => {
      if (m.reply !== command.cmd) return;
      child.off('message', onMessage);
      resolve(m.totals ?? {});
    };
    child.on('message', onMessage);
    child.send(command);
  });
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => { child.once('exit', () => resolve()); child.kill('SIGTERM'); });
}

interface Measured { name: string; rps: number; p99: number; non2xx: number; errors: number }

async function measure(name: string, url: string, duration: number, connections: number,
  request: autocannon.Request, server?: ChildProcess): Promise<Measured> {
  if (server) await ask(server, { cmd: 'active' });
  // A short warm-up (JIT, caches) that is not counted.
  await autocannon({ url, connections, duration: 2, requests: [request] });
  const r = await autocannon({ url, connections, duration, requests: [request] });
  const m = { name, rps: r.requests.average, p99: r.latency.p99, non2xx: r.non2xx, errors: r.errors };
  line(`  ${name}: ${Math.round(m.rps).toLocaleString()} req/s, p99 ${m.p99} ms${m.non2xx || m.errors ? `, ${m.non2xx} non-2xx, ${m.errors} errors` : ''}`);
  return m;
}

async function main(): Promise<void> {
  const duration = argValue('duration', 10);
  const connections = argValue('connections', 10);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kotsu-bench-'));
  const dbPath = path.join(dir, 'kotsu.db');
  line(`bench:http — ${os.cpus().length} CPUs, Node ${process.version}, autocannon ${connections} connections × ${duration} s per scenario, loopback`);
  line(`load average before: ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  // --from <dir of a --keep run> reuses its seeded database (copied, so it stays pristine).
  const from = process.argv.indexOf('--from');
  let seeded: Seeded;
  if (from > 0) {
    const source = process.argv[from + 1];
    fs.copyFileSync(path.join(source, 'seed.db'), dbPath);
    seeded = JSON.parse(fs.readFileSync(path.join(source, 'seeded.json'), 'utf8')) as Seeded;
    line(`reusing the database seeded in ${source}`);
  } else {
    const db = openDatabase(dbPath);
    seeded = seed(db);
    db.close();
    // The first start does one-off work on a new database (search index); time it apart from the runs.
    const first = performance.now();
    const app = await buildApp({ config: loadConfig({}, { dbPath, webRoot: null }), logger: false });
    await app.close();
    line(`first start on the seeded database (one-off index builds): ${((performance.now() - first) / 1000).toFixed(1)} s`);
    fs.writeFileSync(path.join(dir, 'seeded.json'), JSON.stringify(seeded));
    if (process.argv.includes('--keep')) fs.copyFileSync(dbPath, path.join(dir, 'seed.db'));
  }

  const results: Measured[] = [];
  const hello = await start(['--serve-hello']);
  results.push(await measure('hello-world', `http://127.0.0.1:${hello.port}/hello`, duration, connections, { method: 'GET', path: '/hello' }));
  await stop(hello.child);

  const kotsu = await start(['--serve-kotsu', dbPath]);
  line(`  (server start on this database: ${((kotsu.bootMs ?? 0) / 1000).toFixed(1)} s)`);
  const base = `http://127.0.0.1:${kotsu.port}`;
  const random = rng(7);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)];
  const cookieOf = (userId: number) => `${SESSION_COOKIE}=${seeded.tokens[userId - 1]}`;
  const anyUser = () => 1 + Math.floor(random() * USERS);

  // Not a target: the floor every signed-in request pays (security headers, rate-limit hook,
  // cookie, session and user lookup) before any route's own work, for reading the ratios below.
  results.push(await measure('GET /api/health (signed in: the app floor)', base, duration, connections, {
    method: 'GET', setupRequest: (req) => ({ ...req, path: '/api/health', headers: { ...req.headers, cookie: cookieOf(anyUser()) } }),
  }, kotsu.child));
  results.push(await measure('GET /api/posts/:id', base, duration, connections, {
    method: 'GET',
    setupRequest: (req) => ({ ...req, path: `/api/posts/${pick(seeded.publishedIds)}`, headers: { ...req.headers, cookie: cookieOf(anyUser()) } }),
  }, kotsu.child));

  // Views from users who have viewed nothing yet, at random tips: each new (user, tip) pair is one view.
  const used = new Set<string>();
  const newPair = (): [number, number] => {
    for (;;) {
      const user = AUTHORS + 1 + Math.floor(random() * (USERS - AUTHORS));
      const post = pick(seeded.publishedIds);
      const key = `${user}|${post}`;
      if (!used.has(key)) { used.add(key); return [user, post]; }
    }
  };
  // Writes carry the app page's Origin, as a browser's do (server/http/auth.ts refuses them otherwise).
  const origin = loadConfig({}).publicUrl.origin;
  const viewHeaders = (req: autocannon.Request, user: number) =>
    ({ ...req.headers, cookie: cookieOf(user), origin, 'user-agent': 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/126.0' });
  for (const [label, flushMs] of [['direct', 0], ['batched 1 s', 1000]] as const) {
    await ask(kotsu.child, { cmd: 'configure', flushMs });
    const m = await measure(`POST /api/posts/:id/views (${label})`, base, duration, connections, {
      method: 'POST',
      setupRequest: (req) => {
        const [user, post] = newPair();
        return { ...req, path: `/api/posts/${post}/views`, headers: viewHeaders(req, user) };
      },
    }, kotsu.child);
    results.push(m);
    // Exactness, apart from the timed run (whose last requests are cut off mid-flight): 1,000 new
    // pairs, each sent three times in shuffled order over 50 connections, must count 1,000.
    const pairs = Array.from({ length: 1000 }, newPair);
    const sends = [...pairs, ...pairs, ...pairs].map((p) => ({ p, k: random() })).sort((a, b) => a.k - b.k).map((x) => x.p);
    let next = 0;
    const before = await ask(kotsu.child, { cmd: 'flush' });
    const check = await autocannon({ url: base, connections: 50, amount: sends.length, requests: [{
      method: 'POST',
      setupRequest: (req) => {
        const [user, post] = sends[next++ % sends.length];
        return { ...req, path: `/api/posts/${post}/views`, headers: viewHeaders(req, user) };
      },
    }] });
    const after = await ask(kotsu.child, { cmd: 'flush' });
    const counted = after.views - before.views;
    const ok = check['2xx'] === sends.length && counted === pairs.length && after.marks - before.marks === pairs.length &&
      after.daily - before.daily === pairs.length && after.week - before.week === pairs.length;
    line(`    exactness: ${sends.length.toLocaleString()} posts of ${pairs.length.toLocaleString()} new views over 50 connections → ` +
      `counted ${counted.toLocaleString()}, daily +${(after.daily - before.daily).toLocaleString()}, week window +${(after.week - before.week).toLocaleString()}: ${ok ? 'exact' : 'MISMATCH'}`);
    if (!ok || m.non2xx > 0) process.exitCode = 1;
  }

  const me = () => ({ cookie: cookieOf(anyUser()) });
  results.push(await measure('GET /api/rankings?period=week', base, duration, connections, {
    method: 'GET', setupRequest: (req) => ({ ...req, path: '/api/rankings?period=week', headers: { ...req.headers, ...me() } }),
  }, kotsu.child));
  results.push(await measure('GET /api/posts?sort=trending', base, duration, connections, {
    method: 'GET', setupRequest: (req) => ({ ...req, path: '/api/posts?sort=trending', headers: { ...req.headers, ...me() } }),
  }, kotsu.child));
  // Record one tip answer and one view answer as the server sends them, for the ceiling below.
  const record = async (method: string, url: string, user: number): Promise<Recorded> => {
    const res = await fetch(`${base}${url}`, { method, headers: { cookie: cookieOf(user), origin, 'user-agent': 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/126.0' } });
    const headers: Record<string, string> = {};
    // Node's HTTP server writes its own Date, Connection, Keep-Alive and length headers.
    res.headers.forEach((value, name) => { if (!['date', 'connection', 'keep-alive', 'content-length', 'transfer-encoding'].includes(name)) headers[name] = value; });
    return { status: res.status, headers, body: await res.text() };
  };
  const [viewUser, viewPost] = newPair();
  const recorded = { tip: await record('GET', `/api/posts/${pick(seeded.publishedIds)}`, anyUser()), view: await record('POST', `/api/posts/${viewPost}/views`, viewUser) };
  const recordedFile = path.join(dir, 'recorded.json');
  fs.writeFileSync(recordedFile, JSON.stringify(recorded));
  await stop(kotsu.child);

  // Not a target: the same answers replayed by a route that does nothing, with the same client.
  const ceiling = await start(['--serve-hello', recordedFile]);
  const ceilingBase = `http://127.0.0.1:${ceiling.port}`;
  line(`  ceiling (the recorded answers replayed, no work): tip ${Buffer.byteLength(recorded.tip.body)} B body + ${Object.keys(recorded.tip.headers).length} headers, view ${Buffer.byteLength(recorded.view.body)} B`);
  results.push(await measure('ceiling: GET tip answer replayed', ceilingBase, duration, connections, {
    method: 'GET',
    setupRequest: (req) => ({ ...req, path: `/api/posts/${pick(seeded.publishedIds)}`, headers: { ...req.headers, cookie: cookieOf(anyUser()) } }),
  }));
  results.push(await measure('ceiling: POST view answer replayed', ceilingBase, duration, connections, {
    method: 'POST',
    setupRequest: (req) => {
      const [user, post] = newPair();
      return { ...req, path: `/api/posts/${post}/views`, headers: viewHeaders(req, user) };
    },
  }));
  await stop(ceiling.child);
  // The baseline again at the end: on a shared machine the load moves, so the ratio uses both.
  const helloAgain = await start(['--serve-hello']);
  results.push(await measure('hello-world (again)', `http://127.0.0.1:${helloAgain.port}/hello`, duration, connections, { method: 'GET', path: '/hello' }));
  await stop(helloAgain.child);
  line(`load average after: ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);

  const hellos = results.filter((r) => r.name.startsWith('hello-world'));
  const helloRps = hellos.reduce((sum, r) => sum + r.rps, 0) / hellos.length;
  line('');
  line(`hello-world baseline: mean of ${hellos.map((h) => Math.round(h.rps).toLocaleString()).join(' and ')} req/s`);
  line('| scenario | req/s | p99 ms | × hello-world |');
  line('| --- | ---: | ---: | ---: |');
  for (const r of results) line(`| ${r.name} | ${Math.round(r.rps).toLocaleString()} | ${r.p99} | ${(r.rps / helloRps).toFixed(2)} |`);
  const get = results.find((r) => r.name.startsWith('GET /api/posts/:id'));
  const views = results.filter((r) => r.name.startsWith('POST'));
  const slow = results.filter((r) => /rankings|trending/.test(r.name));
  line('');
  const ceilingOf = (name: string) => (results.find((r) => r.name === name)?.rps ?? 0) / helloRps;
  line(`ceiling on this machine (no work, same answers, same client): GET tip ${ceilingOf('ceiling: GET tip answer replayed').toFixed(2)}×, ` +
    `POST view ${ceilingOf('ceiling: POST view answer replayed').toFixed(2)}×`);
  line(`targets: GET tip ≥ 0.60× → ${((get?.rps ?? 0) / helloRps).toFixed(2)}×; POST view ≥ 0.50× → ` +
    `${views.map((v) => `${v.name.replace(/.*\((.*)\)/, '$1')} ${(v.rps / helloRps).toFixed(2)}×`).join(', ')}; ` +
    `rankings/trending p99 ≤ 20 ms → ${slow.map((s) => `${s.p99} ms`).join(', ')}`);
  if (process.argv.includes('--keep')) line(`database kept in ${dir} (reuse with --from ${dir})`);
  else fs.rmSync(dir, { recursive: true, force: true });
}

if (MODE === '--serve-hello') {
  void serveHello(process.argv[3]);
} else if (MODE === '--serve-kotsu') {
  void serveKotsu(process.argv[3]);
} else {
  main().catch((err: unknown) => {
    process.stderr.write(`bench:http failed: ${(err as Error).stack ?? String(err)}\n`);
    process.exit(1);
  });
}
