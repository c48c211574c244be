import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_AWARD } from '../../scripts/demo/activity';
import { DEMO_TIPS, DEMO_USERS, TAG } from '../../scripts/demo/tips';
import { DEMO_PASSWORD, FIRST_RUN_ADMIN, seedDemo, type SeedReport } from '../../scripts/seed-demo';
import { buildApp } from '../../server/app';
import { loadConfig, type Config } from '../../server/config';
import { openDatabase } from '../../server/db/database';
import { createPost } from '../../server/posts/service';
import { createAccount } from '../../server/users/service';
import { createContext } from '../../server/context';
import { normalizeTag } from '../../server/tags/normalize';
import { login } from '../helpers/app';
import { hasMessage } from '../../web/src/i18n/catalogue';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const CODE_FENCE = /^```(excel|vba|powershell|sql)\s*$/m;

interface Summary { id: number; title: string; tags: string[]; author: { username: string; department: string }; viewCount: number; likeCount: number }

const tempDirs: string[] = [];
function tempDb(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kotsu-seed-'));
  tempDirs.push(dir);
  return path.join(dir, 'kotsu.db');
}
afterAll(() => { for (const d of tempDirs) fs.rmSync(d, { recursive: true, force: true }); });

const configFor = (dbPath: string, env: Record<string, string> = {}): Config =>
  loadConfig(env, { dbPath, webRoot: null, scryptCost: 1024, writeLimitPerMinute: 1_000_000, loginMaxPerAddress: 1_000_000 });

/** Opens the file, seeds it and closes it again, as `npm run seed:demo` does. */
async function seedFile(dbPath: string, env: Record<string, string> = {}): Promise<{ report: SeedReport; lines: string[] }> {
  const db = openDatabase(dbPath);
  const lines: string[] = [];
  try {
    return { report: await seedDemo({ config: configFor(dbPath, env), db, log: (l) => lines.push(l) }), lines };
  } finally {
    db.close();
  }
}

/** A server on the seeded file, and a demo member signed in with the demo password. */
async function serve(dbPath: string) {
  const db = openDatabase(dbPath);
  const app: FastifyInstance = await buildApp({ config: configFor(dbPath), db });
  const cookie = await login(app, 'demo-tanaka', DEMO_PASSWORD);
  const get = async (url: string) => {
    const res = await app.inject({ method: 'GET', url, headers: { cookie } });
    expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
    return res.json();
  };
  const allTips = async (): Promise<Summary[]> => {
    const items: Summary[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: Summary[]; nextCursor: string | null } =
        await get(`/api/posts?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      items.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    return items;
  };
  return { app, get, allTips, async close() { await app.close(); db.close(); } };
}

describe('demo data (scripts/demo/tips.ts)', () => {
  it('is about 30 tips from several departments and authors, each with 3–5 known tags and a unique title per author', () => {
    expect(DEMO_TIPS.length).toBeGreaterThanOrEqual(28);
    expect(DEMO_TIPS.length).toBeLessThanOrEqual(36);
    const byName = new Map(DEMO_USERS.map((u) => [u.username, u]));
    expect(new Set(DEMO_TIPS.map((t) => byName.get(t.author)!.department)).size).toBeGreaterThanOrEqual(6);
    expect(new Set(DEMO_TIPS.map((t) => t.author)).size).toBeGreaterThanOrEqual(6);
    const known = new Set<string>(Object.values(TAG));
    for (const tip of DEMO_TIPS) {
      expect(tip.tags.length, tip.title).toBeGreaterThanOrEqual(3);
      expect(tip.tags.length, tip.title).toBeLessThanOrEqual(5);
      for (const tag of tip.tags) expect(known.has(tag), `${tip.title}: ${tag}`).toBe(true);
      expect(tip.body.startsWith('\n'), tip.title).toBe(false);
      expect(tip.body, tip.title).toMatch(/^#{2,3} /m);
    }
    expect(new Set(DEMO_TIPS.map((t) => `${t.author}|${t.title}`)).size).toBe(DEMO_TIPS.length);
    // One spelling per tag: no two names in the vocabulary fold to the same tag.
    expect(new Set(Object.values(TAG).map(normalizeTag)).size).toBe(Object.values(TAG).length);
  });

  it('has code blocks in at least a third of the tips, some tables, and keeps backslashes and fences as written', () => {
    const withCode = DEMO_TIPS.filter((t) => CODE_FENCE.test(t.body));
    expect(withCode.length * 3).toBeGreaterThanOrEqual(DEMO_TIPS.length);
    for (const lang of ['excel', 'vba', 'powershell', 'sql']) {
      expect(DEMO_TIPS.some((t) => t.body.includes(`\`\`\`${lang}\n`)), lang).toBe(true);
    }
    expect(DEMO_TIPS.filter((t) => /^\| --- \|/m.test(t.body)).length).toBeGreaterThanOrEqual(8);
    const vba = DEMO_TIPS.find((t) => t.title.includes('シートごとに'))!;
    expect(vba.body).toContain('ThisWorkbook.Path & "\\PDF\\"');
    expect(DEMO_TIPS.some((t) => t.body.includes('\\`'))).toBe(false);
  });
});

describe('npm run seed:demo', () => {
  const dbPath = tempDb();
  let first: { report: SeedReport; lines: string[] };
  let second: { report: SeedReport; lines: string[] };
  let server: Awaited<ReturnType<typeof serve>>;
  let before: Summary[];
  let afterFirst: Record<string, number>;
  let afterSecond: Record<string, number>;
  /** Rows of every kind the seed writes, counted in the file. */
  const countRows = () => {
    const db = openDatabase(dbPath);
    try {
      const n = (table: string) => (db.prepare(`SELECT COUNT(*) FROM ${table}`).pluck().get() as number);
      return Object.fromEntries(['users', 'posts', 'comments', 'tip_requests', 'tip_request_answers', 'adoptions', 'award_rounds',
        'award_nominations', 'award_scores', 'post_views', 'post_view_daily', 'notifications'].map((t) => [t, n(t)]));
    } finally {
      db.close();
    }
  };

  beforeAll(async () => {
    first = await seedFile(dbPath);
    afterFirst = countRows();
    server = await serve(dbPath);
    before = await server.allTips();
    await server.close();
    second = await seedFile(dbPath);
    afterSecond = countRows();
    server = await serve(dbPath);
  }, 180_000);
  afterAll(async () => { await server?.close(); });

  it('creates the demo accounts and every tip once, makes one administrator on an empty database, and says what it did', () => {
    expect(first.report.usersCreated).toEqual(DEMO_USERS.map((u) => u.username));
    expect(first.report.tipsCreated).toBe(DEMO_TIPS.length);
    expect(first.report.tipsExisting).toBe(0);
    expect(first.report.admin).toBe(FIRST_RUN_ADMIN);
    expect(first.report.departments.length).toBeGreaterThanOrEqual(6);
    expect(first.report.views).toBeGreaterThan(DEMO_TIPS.length);
    expect(first.report.likes).toBeGreaterThan(10);
    expect(first.report.bookmarks).toBeGreaterThan(0);
    expect(first.lines.filter((l) => l.startsWith('  + [')).length).toBe(DEMO_TIPS.length);
    expect(first.lines).toContain('  + demo-sato (佐藤 健一, 総務課, moderator)');
  });

  it('records its accounts in the audit trail with fields the audit page has words for, in both languages', () => {
    const db = openDatabase(dbPath);
    try {
      const details = (db.prepare("SELECT detail FROM audit_log WHERE action = 'user.create'").pluck().all() as string[]).map((d) => JSON.parse(d) as Record<string, unknown>);
      expect(details.length).toBe(first.report.usersCreated.length);
      const keys = new Set(details.flatMap((d) => Object.keys(d)));
      expect([...keys].filter((k) => !hasMessage(`auditField.${k}`))).toEqual([]);
      expect(details[0]).toMatchObject({ source: 'seed:demo' });
    } finally {
      db.close();
    }
  });

  it('adds nothing when run a second time', async () => {
    expect(second.report).toMatchObject({
      usersCreated: [], tipsCreated: 0, tipsExisting: DEMO_TIPS.length, views: 0, likes: 0, bookmarks: 0, admin: null,
      activity: { comments: 0, requests: 0, adoptions: 0, awardRound: null, nominations: 0, scores: 0, pastViews: 0 },
    });
    expect(afterSecond).toEqual(afterFirst);
    expect(second.report.usersExisting).toHaveLength(DEMO_USERS.length);
    const after = await server.allTips();
    expect(after).toHaveLength(DEMO_TIPS.length);
    const counts = (tips: Summary[]) => tips.map((t) => [t.id, t.viewCount, t.likeCount]).sort((a, b) => a[0] - b[0]);
    expect(counts(after)).toEqual(counts(before));
  });

  it('publishes the tips under their authors and departments, spread over past days', async () => {
    const tips = await server.allTips();
    const byName = new Map(DEMO_USERS.map((u) => [u.username, u]));
    for (const demo of DEMO_TIPS) {
      const tip = tips.find((t) => t.title === demo.title);
      expect(tip, demo.title).toBeDefined();
      expect(tip!.author.username).toBe(demo.author);
      expect(tip!.author.department).toBe(byName.get(demo.author)!.department);
      expect(tip!.tags).toEqual(demo.tags);
    }
    const dates = (await server.get('/api/posts?limit=100')).items.map((t: { createdAt: string }) => t.createdAt.slice(0, 10));
    expect(new Set(dates).size).toBeGreaterThan(20);
    const me = await server.get('/api/me');
    expect(me).toMatchObject({ username: 'demo-tanaka', department: '土木整備課', role: 'member' });
    expect((await server.app.inject({ method: 'GET', url: '/api/setup' })).json().needed).toBe(false);
  });

  it('renders the Markdown: highlighted code blocks and tables', async () => {
    const tips = await server.allTips();
    const html = async (title: string) => {
      const id = tips.find((t) => t.title === title)!.id;
      return (await server.get(`/api/posts/${id}`)).html as string;
    };
    const vba = await html('VBA：シートごとに別々のPDFで書き出すマクロ');
    expect(vba).toMatch(/<pre[^>]*><code class="hljs language-vba"/);
    expect(vba).toContain('<span class="hljs-keyword">Sub</span>');
    const sql = await html('Access：不一致クエリで「台帳にあるのに点検記録がない」橋梁を洗い出す');
    expect(sql).toContain('language-sql');
    expect(sql).toContain('<span class="hljs-keyword">SELECT</span>');
    const ps = await html('PowerShell：ファイル名の先頭に日付を付けて一括で名前を変える');
    expect(ps).toContain('language-powershell');
    expect(ps).toContain('\\\\fileserver\\共有\\総務課');
    const table = await html('XLOOKUPでVLOOKUPの「列番号ずれ」と「左の列が引けない」を解消する');
    expect(table).toContain('<table>');
    expect(table).toContain('language-excel');
    let withCode = 0;
    for (const t of tips) if ((await server.get(`/api/posts/${t.id}`)).html.includes('<pre')) withCode += 1;
    expect(withCode * 3).toBeGreaterThanOrEqual(tips.length);
  });

  it('groups tags: one tag per spelling, with the counts the data implies, found whatever the case', async () => {
    const { items } = await server.get('/api/tags?limit=100') as { items: { name: string; count: number }[] };
    const expected = new Map<string, number>();
    for (const t of DEMO_TIPS) for (const tag of t.tags) expected.set(tag, (expected.get(tag) ?? 0) + 1);
    expect(new Map(items.map((i) => [i.name, i.count]))).toEqual(expected);
    expect(expected.get(TAG.excel)).toBeGreaterThanOrEqual(10);
    const excel = await server.get('/api/posts?tag=excel&limit=100');
    expect(excel.items).toHaveLength(expected.get(TAG.excel)!);
    const pa = await server.get(`/api/posts?tag=${encodeURIComponent('power automate')}&limit=100`);
    expect(pa.items).toHaveLength(expected.get(TAG.powerAutomate)!);
  });

  it('fills the popularity lists with views and likes between demo accounts (never their own tips)', async () => {
    const week = await server.get('/api/rankings?period=week&limit=10');
    expect(week.items.length).toBe(10);
    expect(week.items[0].views).toBeGreaterThan(week.items[9].views);
    const popular = await server.get('/api/posts?sort=popular&limit=5');
    expect(popular.items[0].viewCount).toBeGreaterThanOrEqual(5);
    const tips = await server.allTips();
    const liked = tips.filter((t) => t.likeCount > 0);
    expect(liked.length).toBeGreaterThan(DEMO_TIPS.length / 3);
    // 10 demo accounts: at most 9 readers besides the author, each at most once a day.
    for (const t of tips) expect((await server.get(`/api/posts/${t.id}`)).uniqueViewers ?? 0).toBeLessThanOrEqual(DEMO_USERS.length - 1);
    const stats = await server.get('/api/me/stats');
    expect(stats.totals.tips).toBe(DEMO_TIPS.filter((t) => t.author === 'demo-tanaka').length);
  });

  it('adds comments with replies, 教えて requests open, answered and solved, and 使ってみた reports', async () => {
    expect(first.report.activity.comments).toBeGreaterThanOrEqual(5);
    const tips = await server.allTips();
    const withComments = [];
    for (const t of tips) {
      const c = await server.get(`/api/posts/${t.id}/comments`);
      if (c.items.length) withComments.push(c.items);
    }
    expect(withComments.length).toBeGreaterThanOrEqual(3);
    expect(withComments.flat().some((c: { parentId: number | null }) => c.parentId !== null)).toBe(true);

    const open = await server.get('/api/requests?status=open&limit=50');
    const solved = await server.get('/api/requests?status=solved&limit=50');
    expect(solved.items.length).toBeGreaterThanOrEqual(1);
    expect(open.items.length).toBeGreaterThanOrEqual(2);
    const answered = [];
    for (const r of open.items) if ((await server.get(`/api/requests/${r.id}`)).answers.length) answered.push(r);
    expect(answered.length).toBeGreaterThanOrEqual(1);
    expect(open.items.length - answered.length).toBeGreaterThanOrEqual(1);

    expect(first.report.activity.adoptions).toBeGreaterThanOrEqual(5);
    const xlookup = tips.find((t) => t.title.startsWith('XLOOKUPで'))!;
    const adoptions = await server.get(`/api/posts/${xlookup.id}/adoptions`);
    expect(adoptions.adoptions).toBeGreaterThanOrEqual(2);
    // Reported in the one unit (uses per month × minutes per use), as the web form sends it.
    for (const r of adoptions.recent) {
      expect(r.usesPerMonth).toBeGreaterThan(0);
      expect(r.minutesSavedPerMonth).toBe(r.usesPerMonth * r.minutesSavedPerUse);
    }
  });

  it('adds a finished DX award round: nominations, scores (never a judge\'s own tip) and published results by category', async () => {
    expect(first.report.activity.awardRound).not.toBeNull();
    const rounds = await server.get('/api/awards');
    const round = rounds.items.find((r: { title: string }) => r.title === first.report.activity.awardRound);
    expect(round.phase).toBe('published');
    expect(round.nominationCount).toBeGreaterThanOrEqual(4);
    const results = await server.get(`/api/awards/${round.id}/results`);
    expect(results.categories.length).toBe(2);
    expect(results.shown).toBe('ranking');
    for (const c of results.categories) expect(c.items.some((i: { nomination: { prize: string | null } }) => i.nomination.prize), c.category).toBe(true);
    expect(results.items.every((i: { score: number | null }) => i.score !== null)).toBe(true);
    // Every judge scores every nomination but the tips they wrote themselves.
    const authorOf = (title: string) => DEMO_TIPS.find((t) => t.title === title)!.author;
    const own = DEMO_AWARD.nominations.filter((n) => DEMO_AWARD.judges.includes(authorOf(n.tip))).length;
    expect(own).toBeGreaterThan(0);
    expect(first.report.activity.scores).toBe(DEMO_AWARD.judges.length * DEMO_AWARD.nominations.length - own);
  });

  it('spreads views over the past months', async () => {
    expect(first.report.activity.pastViews).toBeGreaterThan(DEMO_TIPS.length * 3);
    const db = openDatabase(dbPath, { readonly: true });
    try {
      const months = db.prepare('SELECT COUNT(DISTINCT substr(day, 1, 7)) FROM post_view_daily').pluck().get() as number;
      expect(months).toBeGreaterThanOrEqual(4);
    } finally {
      db.close();
    }
    const month = await server.get('/api/rankings?period=month&limit=10');
    expect(month.items.length).toBe(10);
  });

  it('indexes the tips for search: 関数 finds every function tip, 墨消し and xlookup find theirs', async () => {
    const fn = await server.get(`/api/search?q=${encodeURIComponent('関数')}&limit=50`);
    const fnTitles = fn.items.map((i: { title: string }) => i.title);
    const tagged = DEMO_TIPS.filter((t) => t.tags.includes(TAG.fn));
    expect(fn.total).toBeGreaterThanOrEqual(tagged.length);
    for (const t of tagged) expect(fnTitles).toContain(t.title);
    const redact = await server.get(`/api/search?q=${encodeURIComponent('墨消し')}`);
    expect(redact.items[0].title).toBe('PDFの墨消し：黒い四角を重ねただけでは消えていません');
    const xlookup = await server.get('/api/search?q=xlookup');
    expect(xlookup.items.map((i: { title: string }) => i.title)).toContain('XLOOKUPでVLOOKUPの「列番号ずれ」と「左の列が引けない」を解消する');
  });
});

describe('seeding a database that is already in use', () => {
  it('leaves existing accounts and same-titled tips alone and makes no administrator', async () => {
    const dbPath = tempDb();
    const db = openDatabase(dbPath);
    const config = configFor(dbPath);
    const ctx = createContext(db, config);
    ctx.search.follow(ctx.postEvents);
    await createAccount(ctx, { username: 'admin', password: 'the first real password', displayName: '管理者' }, { firstAdmin: true });
    const existing = await createAccount(ctx, { username: 'demo-kato', password: 'her own password 1', displayName: '加藤 恵（本人）', department: '税務課' });
    const katoTitle = DEMO_TIPS.find((t) => t.author === 'demo-kato')!.title;
    const own = createPost(ctx, existing, { title: katoTitle, body: '自分で書いた版', tags: ['Excel'] });
    db.close();

    const { report } = await seedFile(dbPath);
    expect(report.admin).toBeNull();
    expect(report.usersExisting).toEqual(['demo-kato']);
    expect(report.usersCreated).toHaveLength(DEMO_USERS.length - 1);
    expect(report.tipsCreated).toBe(DEMO_TIPS.length - 1);
    expect(report.tipsExisting).toBe(1);

    const server = await serve(dbPath);
    try {
      const res = await server.app.inject({ method: 'POST', url: '/api/session', payload: { username: 'demo-kato', password: 'her own password 1' } });
      expect(res.statusCode).toBe(200);
      expect(res.json().user.displayName).toBe('加藤 恵（本人）');
      const watanabe = await server.app.inject({ method: 'POST', url: '/api/session', payload: { username: FIRST_RUN_ADMIN, password: DEMO_PASSWORD } });
      expect(watanabe.json().user.role).toBe('member');
      const katoTips = await server.get('/api/posts?author=demo-kato&limit=100');
      expect(katoTips.items.every((t: Summary) => t.author.username === 'demo-kato' && t.author.department === '税務課')).toBe(true);
      expect(katoTips.items[0].author.id).toBe(existing.id);
      const sameTitle = katoTips.items.filter((t: Summary) => t.title === katoTitle);
      expect(sameTitle.map((t: Summary) => t.id)).toEqual([own.id]);
      expect((await server.get(`/api/posts/${own.id}`)).body).toBe('自分で書いた版');
    } finally {
      await server.close();
    }
  }, 120_000);

  it('refuses proxy sign-on mode, where demo accounts could not sign in', async () => {
    const dbPath = tempDb();
    await expect(seedFile(dbPath, { KOTSU_AUTH: 'proxy' })).rejects.toThrow(/KOTSU_AUTH=local/);
    const db = openDatabase(dbPath);
    try {
      expect(createContext(db, configFor(dbPath)).users.count()).toBe(0);
    } finally {
      db.close();
    }
  });
});

describe('the command line', () => {
  const run = (args: string[], env: Record<string, string> = {}) => spawnSync(process.execPath,
    ['--import', 'tsx', path.join(ROOT, 'scripts', 'seed-demo.ts'), ...args],
    { cwd: ROOT, encoding: 'utf8', env: { ...process.env, KOTSU_SCRYPT_COST: '1024', ...env }, timeout: 120_000 });

  it('seeds the file given with --db, prints a summary, the password and the warning, and exits 0', () => {
    const dbPath = tempDb();
    const res = run(['--db', dbPath], { KOTSU_DB: path.join(path.dirname(dbPath), 'not-this.db') });
    expect(res.stderr).not.toMatch(/failed/);
    expect(res.status).toBe(0);
    expect(res.stdout).toContain(`seed:demo → ${dbPath}`);
    expect(res.stdout).toContain(`tips:     ${DEMO_TIPS.length} created, 0 already there`);
    expect(res.stdout).toContain(DEMO_PASSWORD);
    expect(res.stdout).toMatch(/WARNING: demo accounts are for trying Kotsu only/);
    expect(fs.existsSync(dbPath)).toBe(true);
    expect(fs.existsSync(path.join(path.dirname(dbPath), 'not-this.db'))).toBe(false);
  }, 120_000);

  it('exits 2 with the usage on an unknown option, and 1 on a bad configuration', () => {
    const bad = run(['--bogus']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('usage: npm run seed:demo');
    const proxy = run(['--db', tempDb()], { KOTSU_AUTH: 'nonsense' });
    expect(proxy.status).toBe(1);
    expect(proxy.stderr).toMatch(/seed:demo failed: KOTSU_AUTH/);
  }, 60_000);
});
