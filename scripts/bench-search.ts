/**
 * Search benchmark on 100,000 synthetic Japanese tips of realistic length (plus the 103 tips of
 * the test collection planted among them). Prints: index build time, database size, process
 * memory; in-process latency p50/p95/p99 of search (2-character, katakana, mixed, multi-word,
 * phrase, exclusion, prefix and natural-question queries), of suggest, and of a bare FTS5 MATCH
 * on the same expressions (the floor); the search-quality table with 100k distractors; and over
 * HTTP with autocannon (10 connections, 10 s): search req/s and p99, and GET /api/posts/:id req/s
 * and p99 while searches run alongside; the server's rss and peak rss (VmHWM) after start-up, after
 * the searches alone and after both loads.
 *
 * Usage: npm run bench:search [-- --tips 100000 --duration 10 --keep]
 *        npm run bench:search -- --from <dir printed by a --keep run> [--duration 10] [--http-only]
 *          [--without-server-flags: the compiled server without npm start's node flags, scripts/lib/server-flags.mjs]
 * --keep saves the freshly built database (before the timed writes) as <dir>/base.db with the
 * planted tips' keys; --from copies that database and skips generating and indexing, so A/B runs
 * share the same tips. (A kept index built by another PIPELINE_VERSION is rebuilt at start-up.)
 * The server under load runs in a child process: the compiled build, as in production (see
 * startServer); `--tsx-server` runs it from the sources (`--serve <db> <port>` is that mode). The
 * floor over HTTP is `--serve-floor <db> <port> <expressions.json>`.
 */
import { fork, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { buildApp } from '../server/app';
import { loadConfig } from '../server/config';
import { openDatabase } from '../server/db/database';
import { renderMarkdown } from '../server/markdown/render';
import { markRendered } from '../server/markdown/rerender';
import { createPost } from '../server/posts/service';
import type { Context } from '../server/context';
import { indexedDoc } from '../server/search/engine';
import { normalize } from '../server/search/normalize';
import { completePrefixes, parseQuery, toMatch } from '../server/search/query';
import { createSearchPool, defaultPoolSize } from '../server/search/pool';
import { correctTypos, search, suggest, suggestTags } from '../server/search/service';
import { hashPassword } from '../server/users/password';
import type { UserRow } from '../server/users/store';
import { QUERIES, TIPS } from './search-eval/collection';
import { runQueries, table } from './search-eval/evaluate';
import { SERVER_NODE_FLAGS } from './lib/server-flags.mjs';

const PASSWORD = 'bench password 12345';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? fallback : Number(process.argv[i + 1]);
}
function argText(name: string): string | null {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? null : process.argv[i + 1] ?? null;
}

// ---------- synthetic tips ----------

function rng(seed: number) {
  return () => {
    seed |= 0; seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = rng(20260401);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
const zipf = (max: number) => Math.floor(max * rand() ** 4);

// Topics with their own words, as a real collection has: a word like 関数 is frequent within
// its topics and rare elsewhere. Topics are drawn Zipf-like (Excel tips far outnumber Access tips).
interface Topic { apps: string[]; nouns: string[]; titles: string[]; sentences: string[] }
const TOPICS: Topic[] = [
  { apps: ['Excel', 'エクセル'], nouns: ['関数', '数式', '参照', '引数', 'セル'], titles: ['{func}関数で{noun}を{verb}', '{app}の{func}で{noun}を{verb}方法'], sentences: ['={func}(A2,B:B,1) と入力すると{noun}を{verb}ことができます。', '{func}の引数を間違えると#N/Aや#VALUE!のエラーになるので、範囲を絶対参照にしておきます。', '{func}関数は{app}のバージョンによって使えない場合があります。'] },
  { apps: ['Excel', 'エクセル'], nouns: ['集計', 'ピボットテーブル', '小計', '件数', '合計'], titles: ['{app}で{noun}を{verb}方法', '課ごとの{noun}を{verb}'], sentences: ['毎月の{noun}は{app}のピボットテーブルを使うと、手作業よりずっと早く終わります。', '行に課名、値に件数を置くと{noun}の表ができます。'] },
  { apps: ['Excel', 'Word', 'PDF'], nouns: ['印刷', '改ページ', '余白', '用紙', 'プレビュー'], titles: ['{app}の{noun}を{verb}コツ', '{noun}がずれるときの対処（{app}）'], sentences: ['{noun}する前にプレビューで改ページの位置を確認すると、用紙の無駄が減ります。', 'ページ設定で余白を狭くすると1枚に収まります。'] },
  { apps: ['Excel', 'Access'], nouns: ['重複', '抽出', 'フィルター', '並べ替え', '名簿'], titles: ['{noun}を{verb}手順', '{app}で{noun}を{verb}'], sentences: ['データタブの{noun}を使うと、条件に合う行だけを扱えます。', '{noun}の前に元データを別のシートにコピーしておきます。'] },
  { apps: ['Excel', 'VBA'], nouns: ['マクロ', '転記', 'ボタン', 'ループ', 'シート'], titles: ['{app}の{noun}で定型作業を{verb}', '{noun}を使って台帳を{verb}'], sentences: ['開発タブから{noun}を記録すると、同じ操作を一瞬で繰り返せます。', 'For Each ws In Worksheets で全シートの{noun}を処理します。'] },
  { apps: ['Windows'], nouns: ['フォルダー', 'ファイル', 'ショートカット', 'エクスプローラー', 'ドライブ'], titles: ['{noun}を{verb}方法', '共有{noun}の使い方'], sentences: ['{noun}を右クリックすると、クイックアクセスにピン留めできます。', 'サーバー上の{noun}は夜間にバックアップされます。'] },
  { apps: ['Outlook'], nouns: ['メール', '署名', '仕分けルール', '予定表', '添付ファイル'], titles: ['{app}の{noun}を{verb}', '{noun}の設定方法'], sentences: ['{app}の{noun}はファイルのオプションから設定します。', '誤送信を防ぐため、送信前に宛先を確認します。'] },
  { apps: ['Teams'], nouns: ['会議', 'チャネル', '画面共有', '録画', 'チャット'], titles: ['{app}で{noun}を{verb}', '{app}の{noun}のコツ'], sentences: ['{app}の{noun}では、背景をぼかしてから参加します。', '{noun}の資料はチャネルのファイルタブに置きます。'] },
  { apps: ['Word'], nouns: ['差し込み印刷', '目次', '変更履歴', 'スタイル', '段落'], titles: ['{app}の{noun}を{verb}', '{noun}で文書を{verb}'], sentences: ['{app}の{noun}は参考資料タブから使えます。', '起案文書は{noun}を統一すると読みやすくなります。'] },
  { apps: ['PowerPoint', 'パワポ'], nouns: ['スライド', 'アニメーション', 'スライドマスター', '配布資料', 'ノート'], titles: ['{app}の{noun}を{verb}', '説明会用の{noun}を{verb}'], sentences: ['{noun}は表示タブから編集します。', '配布用にPDFで保存しておくと便利です。'] },
  { apps: ['PDF', 'Acrobat'], nouns: ['結合', '分割', 'OCR', '電子印鑑', 'しおり'], titles: ['PDFの{noun}を{verb}', '{app}で{noun}する手順'], sentences: ['{app}のツールから{noun}を選びます。', 'スキャンした書類は{noun}の前に向きをそろえます。'] },
  { apps: ['RPA', 'WinActor'], nouns: ['シナリオ', '自動実行', 'エラー', 'ライブラリ', '変数'], titles: ['{app}の{noun}を{verb}', '{noun}で転記作業を{verb}'], sentences: ['{app}の{noun}は待機時間を入れると安定します。', '月に数時間の削減になりました。'] },
  { apps: ['CSV', 'Excel'], nouns: ['文字コード', '文字化け', '取り込み', '区切り', '先頭のゼロ'], titles: ['{app}の{noun}を{verb}', '{noun}が起きるときの対処'], sentences: ['Shift_JISとUTF-8の違いで{noun}が起きます。', 'データタブのテキストまたはCSVから取り込みます。'] },
  { apps: ['財務会計システム', '庶務事務システム', '文書管理システム'], nouns: ['起案', '決裁', '支出命令', '旅費', '勤務表'], titles: ['{app}で{noun}を{verb}', '{noun}の入力のコツ'], sentences: ['{app}の{noun}画面では、入力後に必ず保存を押します。', '{noun}の締切は毎月20日です。'] },
  { apps: ['Forms', '電子申請'], nouns: ['アンケート', '申込み', '受付', '回答', '集計結果'], titles: ['{app}で{noun}を{verb}', '{noun}を{app}で受け付ける'], sentences: ['{app}の{noun}はExcelでダウンロードできます。', '受付の上限を設定しておきます。'] },
  { apps: ['Edge', 'ブラウザ'], nouns: ['キャッシュ', 'お気に入り', 'IEモード', 'ダウンロード', 'タブ'], titles: ['{app}の{noun}を{verb}', '{noun}の設定'], sentences: ['{app}の設定から{noun}を変更します。', '古いシステムはIEモードで開きます。'] },
];
const VERBS = ['作る', '集計する', '自動化する', '整理する', '確認する', '共有する', '印刷する', '変換する', '削除する', '検索する', '転記する', '保存する', '修正する', '一括で変更する', '見やすくする'];
const FUNCS = ['VLOOKUP', 'XLOOKUP', 'SUMIFS', 'COUNTIFS', 'IFERROR', 'INDEX', 'MATCH', 'TEXT', 'LEFT', 'MID', 'SUBSTITUTE', 'NETWORKDAYS', 'EOMONTH', 'UNIQUE', 'FILTER', 'SORT', 'TEXTJOIN', 'ROUND', 'DATEDIF', 'IF'];
const DEPTS = ['総務課', '税務課', '人事課', '財政課', '企画課', '福祉課', '環境課', '道路課', '教育総務課', '情報政策課', '子育て支援課', '保険年金課', '観光振興課', '農政課', '危機管理課'];
const GENERAL = [
  '{dept}では様式を統一して管理しています。',
  '詳しい手順は研修資料にも載っています。不明な点は{dept}の担当まで連絡してください。',
  '作業の前に元のデータをコピーしておくと安心です。',
  '年度末は件数が増えるため、事前に準備しておきます。',
  '個人情報を含むものは、所属の規程に従って保存します。',
  'Microsoft 365 の画面で説明しています。バージョンによって画面が少し異なります。',
  '慣れると数分で終わるようになりました。同じ課の人にも共有しています。',
  '{dept}の{num}年度の事例です。',
  '参考になればいいねをお願いします。質問はコメントでどうぞ。',
  '手順は次のとおりです。画面の右上にあるボタンを押し、表示された一覧から選びます。',
];
const BLOCKS = [
  '\n\n```vba\nSub 転記()\n    Dim i As Long\n    For i = 2 To Cells(Rows.Count, 1).End(xlUp).Row\n        Cells(i, 3).Value = Cells(i, 1).Value & Cells(i, 2).Value\n    Next i\nEnd Sub\n```\n\n',
  '\n\n| 項目 | 内容 |\n| --- | --- |\n| 対象 | {noun} |\n| 担当 | {dept} |\n\n',
  '\n\n1. {app}を開く\n2. {noun}を選ぶ\n3. 保存する\n\n',
];

function fill(s: string, topic: Topic): string {
  return s.replace(/\{(app|noun|verb|func|dept|num)\}/g, (_m, k: string) =>
    k === 'app' ? pick(topic.apps) : k === 'noun' ? pick(topic.nouns) : k === 'verb' ? pick(VERBS)
      : k === 'func' ? pick(FUNCS) : k === 'dept' ? pick(DEPTS) : String(2019 + Math.floor(rand() * 8)));
}

function syntheticTip(): { title: string; body: string; tags: string[] } {
  const topic = TOPICS[Math.min(TOPICS.length - 1, Math.floor(TOPICS.length * rand() ** 1.6))];
  const title = fill(pick(topic.titles), topic);
  const parts: string[] = [];
  const n = 6 + Math.floor(rand() * 24);
  for (let i = 0; i < n; i++) {
    parts.push(fill(rand() < 0.45 ? pick(topic.sentences) : pick(GENERAL), topic));
    if (rand() < 0.1) parts.push(fill(pick(BLOCKS), topic));
    else if (rand() < 0.25) parts.push('\n\n');
  }
  const tags = new Set<string>([pick(topic.apps)]);
  if (rand() < 0.7) tags.add(pick(topic.nouns));
  if (rand() < 0.3) tags.add(pick(DEPTS));
  return { title, body: parts.join(''), tags: [...tags] };
}

// ---------- measuring ----------

function percentiles(times: number[]) {
  const s = [...times].sort((a, b) => a - b);
  const at = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))];
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99), n: s.length };
}
const ms = (x: number) => `${x.toFixed(2)} ms`;
const fmtP = (p: ReturnType<typeof percentiles>) => `p50 ${ms(p.p50)}  p95 ${ms(p.p95)}  p99 ${ms(p.p99)}  (n=${p.n})`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const out = (line = '') => process.stdout.write(`${line}\n`);

const SEARCH_MIX = [
  // two-character words
  '関数', '集計', '印刷', '置換', '結合', '抽出', '重複', '書式', '台帳', '会議',
  // katakana and variants
  'ピボット', 'フォルダー', 'エクセル', 'ｼｮｰﾄｶｯﾄ', 'テンプレート',
  // Latin, case, width
  'vlookup', 'ＸＬＯＯＫＵＰ', 'Teams', 'csv', 'RPA',
  // mixed and multi-word
  'VLOOKUP関数', 'Excel 集計', 'エクセル 印刷 範囲', '台帳 転記 VBA', 'PDF 結合', 'Outlook 署名', '勤務表 集計 自動化',
  // phrases, exclusions, prefixes
  '"差し込み印刷"', '印刷 -PDF', 'ピボ', 'xloo', '申請書 様',
  // natural questions
  'エクセルで重複を消したい', '印刷するとき見出しを全部のページに出したい', 'CSVが文字化けする',
];
// What the header box asks while someone types (debounced; Japanese arrives at each IME commit):
// Japanese words typed so far (1-6 characters), Latin words letter by letter, typos, a second word
// after a first, and words no title has.
const typed = (text: string, max = 6) => Array.from({ length: Math.min(max, Array.from(text).length) }, (_, i) => Array.from(text).slice(0, i + 1).join(''));
const SUGGEST_MIX = [
  ...typed('ピボットテーブル'), ...typed('差し込み印刷'), ...typed('文字化け'), ...typed('勤務表'), ...typed('印刷範囲'),
  ...typed('フォルダー'), ...typed('スライドマスター'), ...typed('重複'), ...typed('会議'), ...typed('申請書'),
  ...typed('excel', 5), ...typed('vlookup', 7), ...typed('teams', 5), ...typed('outlook', 7), ...typed('pdf', 3), ...typed('xlookup', 4),
  'VLOKUP', 'vlokup', 'Outlok', 'exel', 'temas', 'powerpont', 'EXCEL', 'ｴｸｾﾙ', 'エクセル', 'パワポ',
  'excel 集', 'excel 集計', 'エクセル 印', 'エクセル 印刷', 'pdf 結', 'pdf 結合', '勤務表 集', 'teams 会', 'vba マク', 'csv 文字',
  '請求書', 'あいう', 'zzz', 'qwerty',
];
/** The mix of the earlier figures (docs/search.md), kept to compare with them. */
const SUGGEST_MIX_OLD = ['e', 'ex', 'exc', 'exce', 'excel', 'ピ', 'ピボ', 'ピボット', 'vlo', 'vlok', 'VLOKUP', '集', '集計', '印刷', 'フォル', 'tea', 'teams', '差し込', 'rpa', 'パワポ'];

/**
 * Suggestions as they were served before the in-memory title index (titles through FTS5, with the
 * same typo correction and tags), kept to measure both in one run.
 */
function suggestViaFts(ctx: Context, q: string) {
  const typedText = q.trim();
  if (typedText === '') return { posts: [], tags: [] };
  const { store } = ctx.search;
  let posts: { id: number; title: string }[] = [];
  const parsed = parseQuery(q);
  const match = Array.from(normalize(q).trim()).length >= 2 ? toMatch(parsed, 'all', 'title tags') : null;
  if (match) {
    posts = store.titles(match, 8);
    const must = posts.length < 8 ? correctTypos(ctx, parsed.must) : null;
    const fixed = must ? toMatch({ must, not: parsed.not }, 'all', 'title tags') : null;
    if (fixed) {
      const seen = new Set(posts.map((p) => p.id));
      posts = [...posts, ...store.titles(fixed, 8).filter((p) => !seen.has(p.id))].slice(0, 8);
    }
  }
  return { posts, tags: suggestTags(ctx, typedText) };
}

/** A process's resident memory now and at its peak (Linux: /proc), in bytes. */
function processMemory(pid: number): { rss: number; peak: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) * 1024;
  return { rss: kb('VmRSS'), peak: kb('VmHWM') };
}

/**
 * The server under load, in its own process. By default as production runs it: the compiled
 * build under node alone (`scripts/start.mjs`, which builds first when the build is stale), so
 * its memory is the product's, without tsx's loader thread and transform caches. `--tsx-server`:
 * from the sources through tsx (this file's `--serve` mode, as rounds before this one measured).
 */
async function startServer(dbFile: string, port: number, origin: string) {
  const tsx = process.argv.includes('--tsx-server');
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const child: ChildProcess = tsx
    ? fork(fileURLToPath(import.meta.url), ['--serve', dbFile, String(port)], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })
    : spawn(process.execPath, [...(process.argv.includes('--without-server-flags') ? [] : SERVER_NODE_FLAGS), path.join(root, 'scripts', 'start.mjs')], {
      cwd: root, stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, KOTSU_DB: dbFile, KOTSU_PORT: String(port), KOTSU_HOST: '127.0.0.1', KOTSU_PUBLIC_URL: origin, KOTSU_LOG_LEVEL: 'warn', KOTSU_WEB_ROOT: '' },
    });
  const exited = new Promise<never>((_, reject) => child.once('exit', (code) => reject(new Error(`server exited with ${code}`))));
  exited.catch(() => {});
  const ready = tsx
    ? new Promise<void>((resolve) => child.once('message', () => resolve()))
    : (async () => {
      for (;;) {
        try { if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) return; } catch { /* not listening yet */ }
        await new Promise((r) => setTimeout(r, 200));
      }
    })();
  await Promise.race([ready, exited]);
  return {
    mode: tsx ? 'from the sources through tsx' : 'compiled, node dist/server/main.mjs',
    async memory(): Promise<{ rss: number; peak: number; heap: NodeJS.MemoryUsage | null }> {
      const heap = tsx ? await new Promise<NodeJS.MemoryUsage>((resolve) => { child.once('message', (m) => resolve(m as NodeJS.MemoryUsage)); child.send('memory'); }) : null;
      return { ...processMemory(child.pid!), heap };
    },
    async stop() {
      const gone = new Promise((resolve) => child.once('exit', resolve));
      if (tsx) child.send('stop'); else child.kill('SIGTERM');
      await gone;
    },
  };
}

async function serve(dbFile: string, port: number) {
  const config = loadConfig({ ...process.env, KOTSU_DB: dbFile }, { webRoot: null, logLevel: 'warn' });
  const db = openDatabase(dbFile);
  const app = await buildApp({ config, db });
  await app.listen({ port, host: '127.0.0.1' });
  process.send?.('ready');
  process.on('message', async (m) => {
    if (m === 'stop') { await app.close(); db.close(); process.exit(0); }
    // The server's memory under load (its search threads included: they share the process).
    if (m === 'memory') process.send?.(process.memoryUsage());
  });
}

/**
 * The floor over HTTP: the bare BM25 statement (lib/floor-worker.ts) for each query of the mix,
 * answered through the search's own pool (pool.ts: its thread count, its queue) from a Fastify
 * route with nothing else to do. What FTS5's own ranking allows over HTTP on this machine.
 */
async function serveFloor(dbFile: string, port: number, matchesFile: string) {
  const matches = JSON.parse(fs.readFileSync(matchesFile, 'utf8')) as string[];
  const pool = createSearchPool(dbFile, defaultPoolSize(), new URL('./lib/floor-worker.ts', import.meta.url));
  pool.warm();
  const { default: Fastify } = await import('fastify');
  const app = Fastify({ logger: false });
  app.get('/floor/:i', async (req, reply) => {
    const json = await pool.run({ q: matches[Number((req.params as { i: string }).i)] }, new Date());
    return reply.type('application/json').send(json);
  });
  await app.listen({ port, host: '127.0.0.1' });
  process.send?.('ready');
  process.on('message', async (m) => {
    if (m === 'stop') { await app.close(); await pool.close(); process.exit(0); }
  });
}

async function main() {
  let count = arg('tips', 100_000);
  const duration = arg('duration', 10);
  const from = argText('from');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kotsu-bench-'));
  const dbFile = path.join(dir, 'kotsu.db');
  out(`machine: ${os.cpus().length} cores, ${mb(os.totalmem())}, Node ${process.version}`);
  out(`database: ${dbFile}${from ? ` (copied from ${from})` : ''}`);
  if (from) fs.copyFileSync(path.join(from, 'base.db'), dbFile);

  const db = openDatabase(dbFile);
  const config = loadConfig({}, { dbPath: dbFile, webRoot: null });
  const app = await buildApp({ config, db });
  const ctx = app.ctx;

  let t0 = performance.now();
  let admin: UserRow;
  const keyOf = new Map<number, string>();
  if (from) {
    admin = ctx.users.byUsername('bench')!;
    for (const [id, key] of JSON.parse(fs.readFileSync(path.join(from, 'keys.json'), 'utf8')) as [number, string][]) keyOf.set(id, key);
    const tips = db.prepare("SELECT count(*) FROM posts WHERE status = 'published'").pluck().get() as number;
    // The kept run's own size: tip ids are drawn up to it (a kept run of 20,000 has no tip 90,000).
    count = db.prepare('SELECT max(id) FROM posts').pluck().get() as number;
    out(`tips: ${tips.toLocaleString()} from the kept database (index checked against PIPELINE_VERSION at start-up)`);
    out(`database size: ${mb(fs.statSync(dbFile).size)}`);
  } else {
    // Authors, one of them an administrator who can log in over HTTP.
    admin = ctx.users.insert({ username: 'bench', passwordHash: await hashPassword(PASSWORD, 1024), displayName: '計測', department: '情報政策課', role: 'admin' });
    const authors = [admin];
    for (let i = 0; i < 200; i++) {
      authors.push(ctx.users.insert({ username: `user${i}`, passwordHash: null, displayName: `職員${i}`, department: pick(DEPTS), role: 'member' }));
    }

    // Tips straight into the tables (rendered Markdown and tags, as createPost stores them), with
    // the test collection spread among them; the index is then built in one pass, as reindex does.
    t0 = performance.now();
    const plantEvery = Math.floor(count / TIPS.length);
    const planted: { at: number; key: string }[] = TIPS.map((tip, i) => ({ at: i * plantEvery + 7, key: tip.key }));
    const plantAt = new Map(planted.map((p, i) => [p.at, TIPS[i]]));
    const start = Date.parse('2023-04-01T00:00:00Z');
    const span = Date.parse('2026-10-01T00:00:00Z') - start;
    const link = db.prepare('INSERT OR IGNORE INTO post_tags (post_id, tag_id, position) VALUES (?, ?, ?)');
    const setStats = db.prepare('UPDATE posts SET view_count = ?, like_count = ?, created_at = ?, updated_at = ? WHERE id = ?');
    const insertBatch = db.transaction((from: number, to: number) => {
      for (let i = from; i < to; i++) {
        const tip = plantAt.get(i) ?? syntheticTip();
        const when = new Date(start + rand() * span).toISOString();
        const id = ctx.posts.insert({ authorId: pick(authors).id, title: tip.title, body: tip.body, html: renderMarkdown(tip.body) }, when);
        // Linked directly: setPostTags recounts each tag per tip, which is quadratic in bulk.
        ctx.tags.resolve(tip.tags).forEach((tag, pos) => link.run(id, tag.id, pos));
        setStats.run(zipf(3000), zipf(60), when, when, id);
        const planted = plantAt.get(i);
        if (planted) keyOf.set(id, planted.key);
      }
    });
    let bodyChars = 0;
    for (let i = 0; i < count; i += 2000) {
      insertBatch(i, Math.min(count, i + 2000));
      process.stderr.write(`\rgenerating tips: ${Math.min(count, i + 2000).toLocaleString()} / ${count.toLocaleString()}`);
    }
    process.stderr.write('\n');
    db.exec(`UPDATE tags SET post_count = (SELECT count(*) FROM post_tags pt JOIN posts p ON p.id = pt.post_id
      WHERE pt.tag_id = tags.id AND p.status = 'published')`);
    bodyChars = (db.prepare('SELECT sum(length(body)) FROM posts').pluck().get() as number);
    out(`tips: ${count.toLocaleString()} (+${TIPS.length - [...plantAt.keys()].filter((k) => k >= count).length} planted from the test collection), mean body ${Math.round(bodyChars / count)} characters; generated in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

    t0 = performance.now();
    const indexed = ctx.search.rebuild();
    const buildSeconds = (performance.now() - t0) / 1000;
    db.pragma('wal_checkpoint(TRUNCATE)');
    const ftsBytes = (db.prepare("SELECT sum(pgsize) FROM dbstat WHERE name LIKE 'search_fts%'").pluck().get() as number | null) ?? 0;
    out(`index build: ${indexed.toLocaleString()} tips in ${buildSeconds.toFixed(1)} s (${Math.round(indexed / buildSeconds).toLocaleString()} tips/s)`);
    out(`database size: ${mb(fs.statSync(dbFile).size)} (search index ${mb(ftsBytes)})`);
    if (process.argv.includes('--keep')) {
      // The state every later --from run starts from (the timed writes below come after it).
      fs.copyFileSync(dbFile, path.join(dir, 'base.db'));
      fs.writeFileSync(path.join(dir, 'keys.json'), JSON.stringify([...keyOf]));
    }
  }

  // Its tips were rendered by this renderer (or, kept, by one the search's timing does not depend
  // on): the server below is not to render them all again while it is measured (markdown/rerender.ts).
  markRendered(db);
  t0 = performance.now();
  ctx.search.suggester.warm();
  out(`typo vocabulary (MiniSearch's radix tree over ${ctx.search.suggester.size().toLocaleString()} Latin words of the index — titles, tags, bodies — and the dictionary's loanwords) built in ${((performance.now() - t0) / 1000).toFixed(2)} s`);
  // The suggestions' title index (titles.ts), as the server builds it at start-up; its heap cost is
  // the difference after a full GC (run with `node --expose-gc`, e.g. `npx tsx --expose-gc ...`).
  ctx.search.titles.reset();
  global.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  t0 = performance.now();
  ctx.search.titles.warm();
  const titlesSeconds = (performance.now() - t0) / 1000;
  global.gc?.();
  const titleStats = ctx.search.titles.stats();
  out(`suggestions' title index: ${titleStats.tips.toLocaleString()} tips, ${titleStats.keys.toLocaleString()} keys, ${titleStats.ids.toLocaleString()} ids, built in ${titlesSeconds.toFixed(2)} s; heap ${global.gc ? `+${mb(process.memoryUsage().heapUsed - heapBefore)}` : 'not measured (no --expose-gc)'}`);
  if (global.gc) global.gc();
  const mem = process.memoryUsage();
  out(`process memory: rss ${mb(mem.rss)}, heap used ${mb(mem.heapUsed)}`);

  // --http-only (with --from): skip the in-process measures, for quick A/B runs of the HTTP load.
  if (!process.argv.includes('--http-only')) {
    // A write with the index kept in step (the same transaction).
    const writes: number[] = [];
    for (let i = 0; i < 200; i++) {
      const tip = syntheticTip();
      const s = performance.now();
      createPost(ctx, admin, tip);
      writes.push(performance.now() - s);
    }
    out(`createPost (whole write, index kept in step in its transaction): ${fmtP(percentiles(writes))}`);
    const syncs: number[] = [];
    const ids200 = Array.from({ length: 200 }, () => 1 + Math.floor(rand() * count));
    for (const id of ids200) {
      const row = ctx.search.store.source(id)!;
      const s = performance.now();
      db.transaction(() => ctx.search.store.put(id, indexedDoc(row)))();
      syncs.push(performance.now() - s);
    }
    out(`  of which the search index update (re-index one tip, own transaction): ${fmtP(percentiles(syncs))}`);
    // Those 400 writes left tombstones and small segments in the index; the app merges it in the
    // background (maintenance.ts). Searches just before that, then the merge, timed slice by slice.
    for (const q of SEARCH_MIX) search(ctx, { q });
    const unmerged: number[] = [];
    for (let round = 0; round < 5; round++) for (const q of SEARCH_MIX) {
      const s = performance.now();
      search(ctx, { q });
      unmerged.push(performance.now() - s);
    }
    out(`search right after the writes, index not yet merged (${SEARCH_MIX.length} queries × 5): ${fmtP(percentiles(unmerged))}`);
    const m = ctx.search.maintenance.stats;
    const before = { ...m };
    const mergeStart = performance.now();
    await ctx.search.maintenance.settle();
    out(`background merge of the index (maintenance.ts): ${m.slices - before.slices} slices, busy ${(m.busyMs - before.busyMs).toFixed(0)} ms ` +
      `in ${((performance.now() - mergeStart) / 1000).toFixed(1)} s wall, longest slice ${m.longestSliceMs.toFixed(1)} ms; the measures below come after it`);

    // In-process latency.
    for (let i = 0; i < 3; i++) for (const q of SEARCH_MIX) search(ctx, { q }); // warm-up
    const searchTimes: number[] = [];
    const floorTimes: number[] = [];
    const rankedFloorTimes: number[] = [];
    const perQuery = new Map<string, number[]>();
    // The floor (issue 3: "a bare FTS5 MATCH on the same terms"): the expression the search sends
    // for the query (prefix completion included), ranked by FTS5's BM25 with the search's column
    // weights in its cheapest form — no join, no blend, no count, no snippet — and, for reference,
    // the same MATCH unranked (first 20 rows found). `ORDER BY rank` is not used: FTS5 serves it
    // through a sorter of its own, about 40 % slower than ORDER BY bm25(...) LIMIT, which would
    // make the floor look higher than FTS5 can do.
    const floorRanked = db.prepare('SELECT rowid FROM search_fts WHERE search_fts MATCH ? ORDER BY bm25(search_fts, 8.0, 5.0, 1.0) LIMIT 20');
    const floorBare = db.prepare('SELECT rowid FROM search_fts WHERE search_fts MATCH ? LIMIT 20');
    const words = (prefix: string, limit: number) => ctx.search.store.words(prefix, limit) ?? [];
    for (let round = 0; round < 15; round++) {
      for (const q of SEARCH_MIX) {
        let s = performance.now();
        search(ctx, { q });
        const took = performance.now() - s;
        searchTimes.push(took);
        perQuery.set(q, [...(perQuery.get(q) ?? []), took]);
        const match = toMatch(completePrefixes(parseQuery(q), words, ctx.search.store.termsFrom));
        if (!match) continue;
        s = performance.now();
        floorBare.all(match);
        floorTimes.push(performance.now() - s);
        s = performance.now();
        floorRanked.all(match);
        rankedFloorTimes.push(performance.now() - s);
      }
    }
    const sp = percentiles(searchTimes);
    const bare = percentiles(floorTimes);
    const ranked = percentiles(rankedFloorTimes);
    out('');
    out(`in-process latency over ${SEARCH_MIX.length} queries × 15 rounds:`);
    out(`  search (parse, rank with blend, total, 20 snippets, present): ${fmtP(sp)}`);
    out(`  floor: bare FTS5 MATCH ORDER BY bm25(8, 5, 1) LIMIT 20:      ${fmtP(ranked)}`);
    out(`  for reference, bare FTS5 MATCH, first 20 unranked:          ${fmtP(bare)}`);
    out(`  search p50 / floor p50 = ${(sp.p50 / ranked.p50).toFixed(2)}×  (/ unranked p50 = ${(sp.p50 / bare.p50).toFixed(1)}×)`);
    const slowest = [...perQuery].map(([q, ts]) => [q, percentiles(ts).p50] as const).sort((a, b) => b[1] - a[1]).slice(0, 5);
    out(`  slowest queries (p50): ${slowest.map(([q, t]) => `${q} ${ms(t)}`).join(', ')}`);

    // Suggest: the in-memory title index and the former FTS5 path, interleaved round by round.
    for (const mix of [SUGGEST_MIX, SUGGEST_MIX_OLD]) {
      for (const q of mix) { suggest(ctx, q); suggestViaFts(ctx, q); }
      const times: number[] = [];
      const former: number[] = [];
      const perInput = new Map<string, number[]>();
      for (let round = 0; round < 30; round++) for (const q of mix) {
        let s = performance.now();
        suggest(ctx, q);
        const took = performance.now() - s;
        times.push(took);
        perInput.set(q, [...(perInput.get(q) ?? []), took]);
        s = performance.now();
        suggestViaFts(ctx, q);
        former.push(performance.now() - s);
      }
      const name = mix === SUGGEST_MIX ? `typed as you go (${mix.length} inputs)` : `former mix (${mix.length} inputs)`;
      out(`  suggest, ${name} × 30 rounds: ${fmtP(percentiles(times))}`);
      out(`    the same through FTS5 (before the title index): ${fmtP(percentiles(former))}`);
      const slow = [...perInput].map(([q, ts]) => [q, percentiles(ts).p99] as const).sort((a, b) => b[1] - a[1]).slice(0, 5);
      out(`    slowest inputs (p99): ${slow.map(([q, t]) => `${q} ${ms(t)}`).join(', ')}`);
    }
    // Rare while typing, and still answered by FTS5 (the excluded word is looked for in bodies too).
    const excluding = ['印刷 -pdf', 'excel -vba', 'ピボ -excel', 'excel 集計 -マクロ', 'teams -会議'];
    const excludeTimes: number[] = [];
    for (let round = 0; round < 10; round++) for (const q of excluding) {
      const s = performance.now();
      suggest(ctx, q);
      excludeTimes.push(performance.now() - s);
    }
    out(`  suggest with an exclusion (${excluding.length} inputs × 10, through FTS5): ${fmtP(percentiles(excludeTimes))}`);
    const filtered: number[] = [];
    for (let round = 0; round < 5; round++) for (const q of SEARCH_MIX.slice(0, 12)) {
      const s = performance.now();
      search(ctx, { q, tag: ['Excel'], facets: true });
      filtered.push(performance.now() - s);
    }
    out(`  search with tag=Excel and tag facets: ${fmtP(percentiles(filtered))}`);

    // Quality with 100k distractors.
    const scores = runQueries(ctx, keyOf);
    // What outranks each query's first relevant tip (distractors only), to read whether those
    // are in fact relevant (template tips are often on the same subject): written to a file.
    const outranked: string[] = [];
    let above = 0;
    for (const s of scores) {
      const query = QUERIES.find((q) => q.q === s.q)!;
      if (Object.keys(query.relevant).length === 0) continue;
      const items = search(ctx, { q: s.corrected ?? s.q, limit: 10 }).items;
      const first = items.findIndex((h) => query.relevant[keyOf.get(h.id) ?? ''] !== undefined);
      const others = (first === -1 ? items : items.slice(0, first)).filter((h) => !keyOf.has(h.id));
      above += others.length;
      if (others.length) outranked.push(`Q [${s.kind}] ${s.q}\n${others.map((h) => `  above: ${h.title} — ${h.snippet.replace(/<\/?mark>/g, '').slice(0, 80)}`).join('\n')}`);
    }
    const outrankedFile = path.join(os.tmpdir(), `bench-search-outranked-${process.pid}.txt`);
    fs.writeFileSync(outrankedFile, outranked.join('\n\n'));
    out('');
    out(`search quality with the ${TIPS.length}-tip test collection planted among ${count.toLocaleString()} tips:`);
    out(table(scores));
    out(`distractors ranked above a query's first relevant tip (top 10): ${above}, listed in ${outrankedFile}`);
    out('');
    out('| query | kind | relevant found in top 10 | precision@10 |');
    out('| --- | --- | ---: | ---: |');
    for (const s of scores) {
      const query = QUERIES.find((q) => q.q === s.q)!;
      const relevant = Object.keys(query.relevant);
      const top = s.found.slice(0, 10);
      const hits = top.filter((k) => relevant.includes(k)).length;
      const precision = relevant.length === 0 ? (top.length === 0 ? 1 : 0) : top.length ? hits / top.length : 0;
      out(`| ${s.q}${s.corrected ? ` → ${s.corrected}` : ''} | ${s.kind} | ${relevant.length ? `${hits}/${relevant.length}` : (top.length ? `${top.length} found (want 0)` : 'none, as wanted')} | ${precision.toFixed(2)} |`);
    }
  }

  // The floor's expressions for the same mix (prefix completion included), for the HTTP floor below.
  const floorMatchesFile = path.join(dir, 'floor-matches.json');
  fs.writeFileSync(floorMatchesFile, JSON.stringify(SEARCH_MIX
    .map((q) => toMatch(completePrefixes(parseQuery(q), (prefix, max) => ctx.search.store.words(prefix, max) ?? [], ctx.search.store.termsFrom)))
    .filter((m): m is string => m !== null)));
  await app.close();
  db.close();

  // Over HTTP: the server in its own process, autocannon here.
  const port = 3900 + Math.floor(rand() * 500);
  const server = await startServer(dbFile, port, config.publicUrl.origin);
  const base = `http://127.0.0.1:${port}`;
  try {
    const started = await server.memory();
    const login = await fetch(`${base}/api/session`, {
      method: 'POST', headers: { 'content-type': 'application/json', origin: config.publicUrl.origin },
      body: JSON.stringify({ username: 'bench', password: PASSWORD }),
    });
    if (login.status !== 200) throw new Error(`login failed: ${login.status} ${await login.text()}`);
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
    const searchPaths = SEARCH_MIX.map((q) => `/api/search?q=${encodeURIComponent(q)}`);
    const ids = Array.from({ length: 200 }, () => 1 + Math.floor(rand() * count));
    const load = (paths: string[], connections: number) => autocannon({
      url: base, connections, duration, headers: { cookie },
      requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: paths[Math.floor(Math.random() * paths.length)] }) }],
    });
    out('');
    // The search threads answer an identical search between two commits from their cache (worker.ts);
    // this mix repeats a few dozen queries, so with the cache on it measures mostly cache hits.
    out(`search threads' cache of identical searches: ${process.env.KOTSU_SEARCH_CACHE === '0' ? 'off' : 'on'} (KOTSU_SEARCH_CACHE=0 turns it off)`);
    // A short warm-up that is not counted (JIT, each thread's first statements and typo index),
    // as bench:http and the floor below have.
    await autocannon({ url: base, connections: 10, duration: 2, headers: { cookie },
      requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: searchPaths[Math.floor(Math.random() * searchPaths.length)] }) }] });
    // Where the peak comes from: the server's rss and peak rss after each step.
    const afterWarm = await server.memory();
    out(`server rss after start-up and the warm-up: ${mb(afterWarm.rss)} (peak ${mb(afterWarm.peak)}; ${mb(started.rss)} and ${mb(started.peak)} once it answered)`);
    const alone = await load(searchPaths, 10);
    const afterAlone = await server.memory();
    out(`HTTP search alone (10 connections, ${duration} s): ${Math.round(alone.requests.average)} req/s, latency p50 ${alone.latency.p50} ms, p99 ${alone.latency.p99} ms, errors ${alone.errors + alone.non2xx}; server rss ${mb(afterAlone.rss)}, peak so far ${mb(afterAlone.peak)}`);
    const [mixed, reads] = await Promise.all([load(searchPaths, 10), load(ids.map((id) => `/api/posts/${id}`), 2)]);
    out(`HTTP with both loads: search ${Math.round(mixed.requests.average)} req/s p99 ${mixed.latency.p99} ms; GET /api/posts/:id (2 connections) ${Math.round(reads.requests.average)} req/s, p50 ${reads.latency.p50} ms, p99 ${reads.latency.p99} ms, errors ${reads.errors + reads.non2xx}`);
    const mem = await server.memory();
    // rss is the whole process: the main thread, the search threads' heaps and SQLite's memory.
    out(`server process memory after the loads (${server.mode}; main thread and ${process.env.KOTSU_SEARCH_WORKERS ?? 'default'} search threads): rss ${mb(mem.rss)}, peak rss ${mb(mem.peak)}` +
      (mem.heap ? `; main thread heap total ${mb(mem.heap.heapTotal)}, used ${mb(mem.heap.heapUsed)}, external ${mb(mem.heap.external)}` : ''));
  } finally {
    await server.stop();
  }
  try {
    // The floor over HTTP, same machine, same client, same connections.
    const floorPort = port + 1;
    const floorChild = fork(fileURLToPath(import.meta.url), ['--serve-floor', dbFile, String(floorPort), floorMatchesFile], {
      execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    await new Promise<void>((resolve, reject) => {
      floorChild.once('message', () => resolve());
      floorChild.once('exit', (code) => reject(new Error(`floor server exited with ${code}`)));
    });
    const n = (JSON.parse(fs.readFileSync(floorMatchesFile, 'utf8')) as string[]).length;
    const floorPaths = Array.from({ length: n }, (_, i) => `/floor/${i}`);
    const request = { method: 'GET' as const, setupRequest: (req: autocannon.Request) => ({ ...req, path: floorPaths[Math.floor(Math.random() * floorPaths.length)] }) };
    await autocannon({ url: `http://127.0.0.1:${floorPort}`, connections: 10, duration: 2, requests: [request] });
    const floorLoad = await autocannon({ url: `http://127.0.0.1:${floorPort}`, connections: 10, duration, requests: [request] });
    out(`HTTP floor (bare FTS5 MATCH ORDER BY bm25 LIMIT 20 in ${defaultPoolSize()} threads, no other work; 10 connections, ${duration} s): ` +
      `${Math.round(floorLoad.requests.average)} req/s, latency p50 ${floorLoad.latency.p50} ms, p99 ${floorLoad.latency.p99} ms, errors ${floorLoad.errors + floorLoad.non2xx}`);
    floorChild.send('stop');
    await new Promise((resolve) => floorChild.once('exit', resolve));
  } finally {
    if (!process.argv.includes('--keep')) fs.rmSync(dir, { recursive: true, force: true });
  }
}

const floorAt = process.argv.indexOf('--serve-floor');
const serveAt = process.argv.indexOf('--serve');
if (floorAt !== -1) {
  await serveFloor(process.argv[floorAt + 1], Number(process.argv[floorAt + 2]), process.argv[floorAt + 3]);
} else if (serveAt !== -1) {
  await serve(process.argv[serveAt + 1], Number(process.argv[serveAt + 2]));
} else {
  main().catch((err: unknown) => {
    process.stderr.write(`bench:search failed: ${(err as Error).stack ?? String(err)}\n`);
    process.exitCode = 1;
  });
}
