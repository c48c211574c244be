/**
 * Page views side by side (issue 17): Kotsu's tip page and home page against DokuWiki and
 * MediaWiki (../shared/peers, set up by its setup.sh and load.mjs) showing the same Japanese corpus.
 *
 * 1. Starts Kotsu in a child process on a fresh database file, serving the built web app, and
 *    loads the peers' corpus (same titles, Markdown bodies, tags) through the API.
 * 2. Opens the tip page and the home page in Debian's Chromium (playwright-core) as a signed-in
 *    reader and records every request the browser makes until the page is shown and the view is
 *    sent. The replay is built from that record, not from a list written here. Left out, and
 *    printed as such: answers the browser keeps and reuses without asking (a Cache-Control with
 *    a fresh max-age: the hashed files under /assets/, immutable for a year, and the favicon,
 *    a day). The HTML shell (no-cache) and every API call are replayed.
 * 3. Replays each sequence with wrk (10 connections, one thread, as ../shared/peers/bench.sh does),
 *    every request of a page view in turn, spread over many readers' sessions; a peer's page view
 *    is its one HTML page (anonymous, as bench.sh measures it). The four targets run alternately,
 *    round after round, so all share the same moments of a shared machine.
 *
 * Kotsu page views/s = requests/s ÷ requests per page view. p99 is wrk's per-request p99.
 *
 * Usage: npm run bench:page [-- --rounds 3 --duration 8 --connections 10 --readers 200 --no-peers --baseline DIR]
 */
import { execFileSync, fork, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { buildApp } from '../server/app';
import { loadConfig } from '../server/config';
import { buildWeb, webBuildProblem } from './lib/web-build';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PEERS = path.resolve(ROOT, '..', '..', 'shared', 'peers');
const PEERS_DIR = fs.existsSync(PEERS) ? PEERS : '/work/shared/peers';
const CORPUS = path.join(PEERS_DIR, 'sample', 'corpus-ja.jsonl');
const KEYMAP = '/var/lib/peers/keymap.json';
const CHROMIUM = process.env.KOTSU_CHROMIUM ?? '/usr/bin/chromium';
const BROWSER_UA = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/150.0.0.0 Safari/537.36';
const PASSWORD = 'bench-password-2026';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const n = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a positive integer`);
  return n;
}

// ---------------------------------------------------------------------------------------------
// The server, in its own process: the real app on a database file, serving the built web app.

async function serve(dbPath: string, port: number): Promise<void> {
  // Writes per user per minute: the replay sends each reader's views far faster than a person
  // reads; every other setting is the default. The public URL is the server's own address:
  // signed-in writes are accepted from that origin only, as the browser sends them.
  const config = loadConfig({ KOTSU_WRITE_LIMIT: '1000000', KOTSU_LOG_LEVEL: 'error', KOTSU_PUBLIC_URL: `http://127.0.0.1:${port}` },
    { dbPath, host: '127.0.0.1', port, webRoot: path.join(ROOT, 'dist', 'web'), scryptCost: 1024, loginMaxPerAddress: 100000 });
  const app = await buildApp({ config, logger: false });
  await app.listen({ port, host: '127.0.0.1' });
  process.send?.({ port });
  process.on('SIGTERM', () => { void app.close().then(() => process.exit(0)); });
}

/** A port nothing listens on now (the OS picks it), so the public URL is known before the app is built. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Starts the server of this checkout, or of `root` (another checkout: a baseline to compare with). */
async function startServer(dbPath: string, root = ROOT): Promise<{ child: ChildProcess; url: string }> {
  const port = await freePort();
  // BENCH_PROFILE=DIR: the server writes a V8 CPU profile there when it stops (for finding what to speed up).
  const profile = process.env.BENCH_PROFILE ? ['--cpu-prof', '--cpu-prof-dir', path.resolve(process.env.BENCH_PROFILE)] : [];
  const child = fork(path.join(root, 'scripts', 'bench-page.ts'), ['serve', dbPath, String(port)], { cwd: root, execArgv: ['--import', 'tsx', ...profile], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return new Promise((resolve, reject) => {
    child.once('message', (m: { port: number }) => resolve({ child, url: `http://127.0.0.1:${m.port}` }));
    child.once('exit', (code) => reject(new Error(`server process exited with ${code}`)));
  });
}

// ---------------------------------------------------------------------------------------------
// Loading the corpus through the API.

interface CorpusTip { key: string; title: string; tags: string[]; body: string }

async function call(url: string, method: string, pathName: string, body?: unknown, cookie?: string) {
  const res = await fetch(`${url}${pathName}`, {
    method, headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...(cookie ? { cookie } : {}), 'user-agent': BROWSER_UA, origin: url },
    body: body !== undefined ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${pathName}: ${res.status} ${text.slice(0, 200)}`);
  return { json: text ? JSON.parse(text) : null, headers: res.headers };
}

async function login(url: string, username: string): Promise<string> {
  const res = await call(url, 'POST', '/api/session', { username, password: PASSWORD });
  return (res.headers.get('set-cookie') ?? '').split(';')[0];
}

async function loadCorpus(url: string, readers: number): Promise<{ ids: Map<string, number>; cookies: string[] }> {
  await call(url, 'POST', '/api/setup', { username: 'admin', password: PASSWORD, displayName: '管理者', department: 'デジタル推進課' });
  const admin = await login(url, 'admin');
  const departments = ['財政課', '税務課', '市民課', '福祉課', '企画課'];
  const authors: string[] = [];
  for (let i = 0; i < departments.length; i++) {
    await call(url, 'POST', '/api/users', { username: `author${i}`, password: PASSWORD, displayName: `職員${i}`, department: departments[i] }, admin);
    authors.push(await login(url, `author${i}`));
  }
  const ids = new Map<string, number>();
  const lines = fs.readFileSync(CORPUS, 'utf8').split('\n').filter(Boolean);
  for (const [i, line] of lines.entries()) {
    const tip = JSON.parse(line) as CorpusTip;
    const res = await call(url, 'POST', '/api/posts', { title: tip.title, body: tip.body, tags: tip.tags }, authors[i % authors.length]);
    ids.set(tip.key, res.json.id);
  }
  const cookies: string[] = [];
  for (let i = 0; i < readers; i++) {
    await call(url, 'POST', '/api/users', { username: `reader${i}`, password: PASSWORD, displayName: `読者${i}`, department: departments[i % departments.length] }, admin);
    cookies.push(await login(url, `reader${i}`));
  }
  // Some life on the pages: comments, likes, an adoption, views for the rankings.
  const first = [...ids.values()];
  for (const [i, id] of first.entries()) {
    const reader = cookies[i % cookies.length];
    await call(url, 'POST', `/api/posts/${id}/views`, undefined, reader);
    if (i % 2 === 0) await call(url, 'PUT', `/api/posts/${id}/like`, undefined, reader);
    if (i % 3 === 0) await call(url, 'POST', `/api/posts/${id}/comments`, { body: `参考になりました（${i}）。**手順3**が特に。` }, reader);
  }
  return { ids, cookies };
}

// ---------------------------------------------------------------------------------------------
// Capturing what a browser asks for to show a page.

interface Captured {
  method: string; url: string; headers: Record<string, string>; body: string | null; resourceType: string;
  /** The answer's Cache-Control. */
  cacheControl: string;
}

/** An answer the browser keeps and reuses without asking again (a fresh max-age, not no-cache/no-store/private). */
const cachedByBrowser = (r: Captured) => {
  const cc = r.cacheControl.toLowerCase();
  const maxAge = /max-age=(\d+)/.exec(cc);
  return r.method === 'GET' && maxAge !== null && Number(maxAge[1]) > 0 && !/no-cache|no-store/.test(cc);
};

/**
 * Opens the page and records its requests until it is shown (`shown`: a selector of its content)
 * and the browser has then been quiet for `quietMs` with every answer in — long enough for the
 * tip page's view, sent once the tip has been on screen for 1.5 s.
 */
async function capture(baseUrl: string, cookie: string, pagePath: string, shown: string, quietMs = 2500): Promise<Captured[]> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'] });
  try {
    const context = await browser.newContext({ baseURL: baseUrl, locale: 'ja-JP', timezoneId: 'Asia/Tokyo', userAgent: BROWSER_UA });
    const [name, value] = cookie.split('=');
    await context.addCookies([{ name, value, url: baseUrl }]);
    const page = await context.newPage();
    const seen: Captured[] = [];
    const headersRead: Promise<unknown>[] = [];
    page.on('request', (r) => {
      const entry: Captured = { method: r.method(), url: r.url(), headers: r.headers(), body: r.postData(), resourceType: r.resourceType(), cacheControl: '' };
      seen.push(entry);
      // headers() leaves out what the network stack adds (Origin, Sec-Fetch-*); allHeaders() has what was sent.
      headersRead.push(r.allHeaders().then((h) => { entry.headers = h; }, () => undefined));
    });
    page.on('response', (res) => {
      const entry = seen.find((c) => c.url === res.url() && c.method === res.request().method() && c.cacheControl === '');
      if (entry) entry.cacheControl = res.headers()['cache-control'] ?? 'none';
    });
    await page.goto(pagePath);
    await page.locator(shown).first().waitFor({ timeout: 60_000 });
    let count = -1;
    while (count !== seen.length || seen.some((c) => c.cacheControl === '')) {
      count = seen.length;
      await page.waitForTimeout(quietMs);
    }
    await Promise.all(headersRead);
    return seen;
  } finally {
    await browser.close();
  }
}

// ---------------------------------------------------------------------------------------------
// Replaying with wrk.

interface Run { rps: number; p99ms: number; p50ms: number; requests: number; non2xx: number; errors: number }

const luaString = (s: string) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;

/** The headers a replayed request carries: the browser's, with this reader's session. */
function replayHeaders(r: Captured, cookie: string): Record<string, string> {
  const headers: Record<string, string> = { 'User-Agent': BROWSER_UA, Accept: r.headers.accept ?? '*/*', Cookie: cookie };
  if (r.headers.origin) headers.Origin = r.headers.origin;
  if (r.headers['content-type']) headers['Content-Type'] = r.headers['content-type'];
  if (r.headers['sec-fetch-site']) headers['Sec-Fetch-Site'] = r.headers['sec-fetch-site'];
  return headers;
}

/** Sends the replay once and checks every answer is a success, so wrk measures real page views. */
async function checkReplay(requests: Captured[], cookie: string): Promise<void> {
  for (const r of requests) {
    const res = await fetch(r.url, { method: r.method, headers: replayHeaders(r, cookie), body: r.body ?? undefined });
    await res.arrayBuffer();
    if (!res.ok) throw new Error(`replaying ${r.method} ${r.url} answered ${res.status}`);
  }
}

/** A wrk script sending the page's requests in turn, each page view with the next reader's session. */
function wrkScript(requests: Captured[], cookies: string[]): string {
  const lines = ['local reqs = {}'];
  let n = 0;
  for (const cookie of cookies) {
    for (const r of requests) {
      const u = new URL(r.url);
      // wrk adds Host only after the script's top level has run.
      const h = Object.entries({ Host: u.host, ...replayHeaders(r, cookie) }).map(([k, v]) => `[${luaString(k)}]=${luaString(v)}`).join(', ');
      n += 1;
      lines.push(`reqs[${n}] = wrk.format(${luaString(r.method)}, ${luaString(u.pathname + u.search)}, {${h}}, ${r.body ? luaString(r.body) : 'nil'})`);
    }
  }
  lines.push('local i = 0', 'request = function() i = i % #reqs + 1; return reqs[i] end');
  if (process.env.BENCH_DEBUG) lines.push('local shown = 0', 'response = function(status, headers, body) if status >= 400 and shown < 3 then shown = shown + 1; io.write(status .. " " .. body:sub(1, 200) .. "\\n") end end');
  return lines.join('\n');
}

function wrk(url: string, seconds: number, connections: number, script?: string): Run {
  const args = ['-t1', `-c${connections}`, `-d${seconds}s`, '--timeout', '10s', '--latency'];
  if (script) args.push('-s', script);
  const out = execFileSync('wrk', [...args, url], { encoding: 'utf8', maxBuffer: 1 << 24 });
  if (process.env.BENCH_DEBUG) console.log(out);
  const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1] ?? NaN);
  const unit = (v: string, u: string) => Number(v) * (u === 's' ? 1000 : u === 'us' ? 0.001 : 1);
  const p = (q: string) => {
    const m = new RegExp(`\\s${q}%\\s+([\\d.]+)(us|ms|s)`).exec(out);
    return m ? unit(m[1], m[2]) : NaN;
  };
  const requests = Number(/(\d+) requests in/.exec(out)?.[1] ?? 0);
  const non2xx = Number(/Non-2xx or 3xx responses: (\d+)/.exec(out)?.[1] ?? 0);
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(out);
  const errors = socket ? socket.slice(1).reduce((s, v) => s + Number(v), 0) : 0;
  return { rps, p50ms: p('50'), p99ms: p('99'), requests, non2xx, errors };
}

// ---------------------------------------------------------------------------------------------

interface Target { name: string; url: string; perView: number; script?: string; kind: 'peer' | 'kotsu' }

async function main(): Promise<void> {
  const rounds = arg('rounds', 3);
  const duration = arg('duration', 8);
  const connections = arg('connections', 10);
  const readerCount = arg('readers', 200);
  const withPeers = !process.argv.includes('--no-peers');

  const problem = webBuildProblem(ROOT);
  if (problem) {
    console.log(`building the web app (${problem})`);
    buildWeb(ROOT);
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kotsu-bench-page-'));
  const { child, url } = await startServer(path.join(dir, 'kotsu.db'));
  // --baseline DIR: a second Kotsu from another checkout (e.g. `git worktree add DIR <commit>`,
  // with node_modules and dist/web), measured alternately with this one: before and after a change
  // in the same run. It must take `serve DB PORT` as this script does.
  const baselineDir = process.argv.includes('--baseline') ? path.resolve(process.argv[process.argv.indexOf('--baseline') + 1]) : null;
  const baseline = baselineDir ? await startServer(path.join(dir, 'baseline.db'), baselineDir) : null;
  try {
    console.log(`Kotsu at ${url}; loading ${path.relative(ROOT, CORPUS)} and ${readerCount} readers…`);
    const { ids, cookies } = await loadCorpus(url, readerCount);
    const base = baseline ? { url: baseline.url, ...(await loadCorpus(baseline.url, readerCount)) } : null;

    // The page the peers' bench.sh views: the first key of their load (or BENCH_KEY).
    let key = process.env.BENCH_KEY ?? [...ids.keys()][0];
    let peerUrls: { dokuwiki: string; mediawiki: string } | null = null;
    if (withPeers) {
      const keymap = JSON.parse(fs.readFileSync(KEYMAP, 'utf8')) as Record<'mediawiki' | 'dokuwiki', Record<string, string>>;
      key = process.env.BENCH_KEY ?? Object.values(keymap.mediawiki)[0];
      const title = Object.entries(keymap.mediawiki).find(([, k]) => k === key)?.[0];
      const dwId = Object.entries(keymap.dokuwiki).find(([, k]) => k === key)?.[0];
      if (!title || !dwId) throw new Error(`key ${key} is not loaded in both peers: run load.mjs`);
      peerUrls = {
        dokuwiki: `http://127.0.0.1:8082/doku.php?id=${encodeURIComponent(dwId)}`,
        mediawiki: `http://127.0.0.1:8081/index.php?title=${encodeURIComponent(title.replace(/ /g, '_'))}`,
      };
    }
    const tipId = ids.get(key);
    if (!tipId) throw new Error(`corpus key ${key} is not in ${CORPUS}`);

    const targets: Target[] = [];
    const pages = [['Kotsu tip page', `/tips/${tipId}`, 'kotsu-tip-page kotsu-comments'], ['Kotsu home page', '/', 'kotsu-home-page kotsu-post-list a']] as const;
    for (const [name, pagePath, shown] of pages) {
      const seen = await capture(url, cookies[0], pagePath, shown);
      const replayed = seen.filter((r) => !cachedByBrowser(r));
      const left = seen.filter(cachedByBrowser);
      console.log(`\n${name} (${pagePath}): Chromium made ${seen.length} requests; replayed ${replayed.length}:`);
      for (const r of replayed) console.log(`  ${r.method} ${new URL(r.url).pathname}${new URL(r.url).search}  [${r.resourceType}; Cache-Control: ${r.cacheControl}]`);
      console.log(`  left out, kept by the browser once fetched (${left.length}): ${left.map((r) => `${new URL(r.url).pathname} [${r.cacheControl}]`).join(', ') || 'none'}`);
      await checkReplay(replayed, cookies[1]);
      const script = path.join(dir, `${name.replace(/\W+/g, '-')}.lua`);
      fs.writeFileSync(script, wrkScript(replayed, cookies));
      targets.push({ name, url, perView: replayed.length, script, kind: 'kotsu' });
      if (base) {
        // The same page views against the baseline: same paths (same load order, same ids), its own sessions and origin.
        const onBase = replayed.map((r) => ({ ...r, url: r.url.replace(url, base.url), headers: r.headers.origin ? { ...r.headers, origin: base.url } : r.headers }));
        await checkReplay(onBase, base.cookies[1]);
        const baseScript = path.join(dir, `${name.replace(/\W+/g, '-')}-baseline.lua`);
        fs.writeFileSync(baseScript, wrkScript(onBase, base.cookies));
        targets.push({ name: `${name} (baseline)`, url: base.url, perView: onBase.length, script: baseScript, kind: 'kotsu' });
      }
    }
    if (peerUrls) {
      targets.unshift({ name: 'DokuWiki page', url: peerUrls.dokuwiki, perView: 1, kind: 'peer' },
        { name: 'MediaWiki page', url: peerUrls.mediawiki, perView: 1, kind: 'peer' });
    }

    // Warm-up: 20 page views each (fills the peers' render caches and Kotsu's read cache).
    for (const t of targets) wrk(t.url, 1, 2, t.script);

    console.log(`\ncorpus key ${key}; wrk -t1 -c${connections} -d${duration}s, ${rounds} rounds alternating; ${os.availableParallelism()} CPU cores shared by server and wrk`);
    const results = new Map<string, Run[]>(targets.map((t) => [t.name, []]));
    const loads: string[] = [];
    for (let round = 1; round <= rounds; round++) {
      // The machine is shared: each round notes the 1-minute load average when it starts.
      loads.push(os.loadavg()[0].toFixed(1));
      for (const t of targets) {
        const r = wrk(t.url, duration, connections, t.script);
        results.get(t.name)!.push(r);
        console.log(`  round ${round} ${t.name.padEnd(16)} ${(r.rps / t.perView).toFixed(0).padStart(6)} page views/s  (${r.rps.toFixed(0)} req/s, p50 ${r.p50ms.toFixed(2)} ms, p99 ${r.p99ms.toFixed(2)} ms${r.non2xx ? `, ${r.non2xx} non-2xx` : ''}${r.errors ? `, ${r.errors} socket errors` : ''})`);
      }
    }

    const dw = results.get('DokuWiki page');
    const kotsu = targets.filter((t) => t.kind === 'kotsu');
    console.log('\n| round | ' + targets.map((t) => t.name).join(' | ') + ' | ' + kotsu.map((t) => `${t.name.replace('Kotsu ', '')} ÷ DokuWiki`).join(' | ') + ' | load average |');
    console.log('|---|' + targets.map(() => '---').join('|') + '|' + kotsu.map(() => '---').join('|') + '|---|');
    for (let i = 0; i < rounds; i++) {
      const cells = targets.map((t) => {
        const r = results.get(t.name)![i];
        return `${(r.rps / t.perView).toFixed(0)} pv/s, p99 ${r.p99ms.toFixed(1)} ms`;
      });
      const ratio = (t: Target) => (dw ? `${(results.get(t.name)![i].rps / t.perView / dw[i].rps).toFixed(2)}×` : '–');
      console.log(`| ${i + 1} | ${cells.join(' | ')} | ${kotsu.map(ratio).join(' | ')} | ${loads[i]} |`);
    }
    const bad = [...results.values()].flat().some((r) => r.non2xx > 0 || r.errors > 0);
    if (bad) {
      console.error('\nsome answers were errors (see above): the figures do not count');
      process.exitCode = 1;
    }
  } finally {
    // DokuWiki opens a PHP session file per cookie-less view; bench.sh removes them the same way.
    if (withPeers) execFileSync('find', ['/tmp/peers-run/sessions-dw', '-maxdepth', '1', '-name', 'sess_*', '-delete']);
    for (const c of [child, baseline?.child]) {
      if (!c) continue;
      c.kill('SIGTERM');
      await new Promise((r) => c.once('exit', r));
    }
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === 'serve') {
  void serve(process.argv[3], Number(process.argv[4]));
} else {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
