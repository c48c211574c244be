import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportMarkdown, fileNameFor } from '../../server/transfer/export';
import { readMarkdownFile } from '../../server/transfer/front-matter';
import { importMarkdown, type ImportReport } from '../../server/transfer/import';
import { parseDate, toImportFields } from '../../server/transfer/mapping';
import { PNG } from '../authoring/fixtures';
import { createTestApp, type TestApp, type TestUser } from '../helpers/app';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const dirs: string[] = [];
const tempDir = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'kotsu-md-'));
  dirs.push(d);
  return d;
};
afterAll(() => { for (const d of dirs) fs.rmSync(d, { recursive: true, force: true }); });

function write(root: string, rel: string, content: string | Buffer) {
  const p = path.join(root, rel);
  fs.mkdirSync(path.dirname(p), { recursive: true });
  fs.writeFileSync(p, content);
}

/** An app whose clock the importer can set, as the CLI's is. */
async function clockedApp() {
  let backdate: Date | null = null;
  const t = await createTestApp({ now: () => backdate ?? new Date() });
  return { t, backdate: (at: Date | null) => { backdate = at; } };
}

const byFile = (r: ImportReport, file: string) => r.files.find((f) => f.file === file)!;

describe('front matter and field mapping', () => {
  it('reads esa and Qiita CLI files, and a file without front matter', () => {
    const esa = readMarkdownFile('\uFEFF---\r\ntitle: "差し込み印刷の手順"\r\ncategory: 総務/文書\r\ntags: Word, 差し込み印刷\r\ncreated_at: 2019-04-01 09:30:00 +0900\r\nupdated_at: 2020-01-02 10:00:00 +0900\r\npublished: true\r\nnumber: 12\r\n---\r\n本文です。\r\n');
    const f = toImportFields(esa, 'x.md', { categoryTags: true });
    expect(f).toMatchObject({ title: '差し込み印刷の手順', tags: ['Word', '差し込み印刷', '総務', '文書'], draft: false });
    expect(f.createdAt?.toISOString()).toBe('2019-04-01T00:30:00.000Z');
    expect(f.updatedAt?.toISOString()).toBe('2020-01-02T01:00:00.000Z');
    expect(f.body).toBe('本文です。\r\n');

    const qiita = toImportFields(readMarkdownFile("---\ntitle: VBAで転記\ntags:\n  - VBA\n  - Excel\nprivate: true\nupdated_at: '2023-06-01T12:00:00+09:00'\nid: null\n---\n# 見出し\n"), 'q.md');
    expect(qiita).toMatchObject({ title: 'VBAで転記', tags: ['VBA', 'Excel'], draft: true, createdAt: null });

    const bare = toImportFields(readMarkdownFile('# RPAの始め方\n\n最初に…'), 'notes/a.md');
    expect(bare).toMatchObject({ title: 'RPAの始め方', body: '最初に…', tags: [], author: null });
  });

  it('reads dates as written in each shape, and refuses what is not a date', () => {
    expect((parseDate('2024-05-06') as Date).toISOString()).toBe('2024-05-05T15:00:00.000Z');
    expect((parseDate('2024-05-06 08:00') as Date).toISOString()).toBe('2024-05-05T23:00:00.000Z');
    expect((parseDate('2024-05-06T08:00:00Z') as Date).toISOString()).toBe('2024-05-06T08:00:00.000Z');
    expect(parseDate('昨日')).toBe('invalid');
    expect(parseDate(20240506)).toBe('invalid');
    expect(parseDate(undefined)).toBeNull();
  });

  it('refuses front matter that is not a mapping', () => {
    expect(() => readMarkdownFile('---\n- a\n- b\n---\nbody')).toThrow(/mapping/);
  });
});

describe('npm run import:markdown', () => {
  let t: TestApp;
  let backdate: (at: Date | null) => void;
  let alice: TestUser;
  beforeEach(async () => {
    ({ t, backdate } = await clockedApp());
    alice = await t.user('alice', { department: '税務課' });
  });
  afterEach(() => t.close());

  function folder(): string {
    const root = tempDir();
    write(root, '総務/mail-merge.md', '---\ntitle: 差し込み印刷で通知文を作る\ntags: [Word, 差し込み印刷]\nauthor: alice\ncreated_at: 2021-04-01 09:00:00 +0900\nupdated_at: 2022-05-01 09:00:00 +0900\n---\nExcelの名簿から通知文を作ります。\n\n![画面](<../images/画面 1.png>)\n\n```md\n![not an image](nothere.png)\n```\n');
    write(root, 'images/画面 1.png', PNG);
    write(root, 'no-author.md', '---\ntitle: 作者のないメモ\n---\n本文\n');
    write(root, 'stranger.md', '---\ntitle: 知らない人\nauthor: nobody-here\n---\n本文\n');
    write(root, 'sjis.md', iconv.encode('---\ntitle: シフトJIS\nauthor: alice\n---\n本文です\n', 'Shift_JIS'));
    write(root, 'broken.md', '---\ntitle: [unclosed\n---\n本文\n');
    write(root, 'empty.md', '---\ntitle: 空\nauthor: alice\n---\n\n');
    write(root, 'outside.md', '---\ntitle: 外の画像\nauthor: alice\ntags: "a, , ' + 'x'.repeat(41) + ', b, c, d, e, f, g, h, i, j, k"\n---\n![x](../../etc/passwd.png) ![y](https://example.com/a.png)\n');
    write(root, '総務/zz-dup.md', '---\ntitle: 差し込み印刷で通知文を作る\nauthor: alice\n---\nもう一度\n');
    write(root, '.git/ignored.md', '---\ntitle: ignored\nauthor: alice\n---\nx\n');
    return root;
  }

  it('imports what it can, dated and tagged as the files say, images included, and says why it skipped the rest', async () => {
    const root = folder();
    const progress: number[] = [];
    const r = await importMarkdown(t.app.ctx, { root, backdate, onProgress: (done) => progress.push(done) });
    expect(r.files).toHaveLength(8);
    expect(progress).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(r.imported).toBe(2);
    expect(byFile(r, 'no-author.md').reason).toMatch(/no author/);
    expect(byFile(r, 'stranger.md').reason).toMatch(/nobody-here.*no account/);
    expect(byFile(r, 'sjis.md').reason).toMatch(/UTF-8/);
    expect(byFile(r, 'broken.md').reason).toMatch(/front matter/);
    expect(byFile(r, 'empty.md').reason).toMatch(/empty/);
    expect(byFile(r, '総務/zz-dup.md').reason).toMatch(/already has a tip/);

    const merge = byFile(r, '総務/mail-merge.md');
    const tip = (await t.as(alice, { method: 'GET', url: `/api/posts/${merge.postId}` })).json();
    expect(tip).toMatchObject({ title: '差し込み印刷で通知文を作る', tags: ['Word', '差し込み印刷'], author: { username: 'alice' } });
    expect(tip.createdAt).toBe('2021-04-01T00:00:00.000Z');
    expect(tip.updatedAt).toBe('2022-05-01T00:00:00.000Z');
    const src = /!\[画面\]\((\/api\/images\/[0-9a-f]{64}\.png)\)/.exec(tip.body)?.[1];
    expect(src).toBeDefined();
    expect(tip.body).toContain('![not an image](nothere.png)');
    const img = await t.as(alice, { method: 'GET', url: src! });
    expect(img.statusCode).toBe(200);
    expect(img.rawPayload.equals(PNG)).toBe(true);

    const outside = byFile(r, 'outside.md');
    expect(outside.status).toBe('imported');
    expect(outside.warnings.join('\n')).toMatch(/outside the imported folder/);
    expect(outside.warnings.join('\n')).toMatch(/another server/);
    expect(outside.warnings.join('\n')).toMatch(/dropped: tags: each tag/);
    expect(outside.warnings.join('\n')).toMatch(/"k" dropped: 10 tags at most/);
    const o = (await t.as(alice, { method: 'GET', url: `/api/posts/${outside.postId}` })).json();
    expect(o.tags).toHaveLength(10);
    expect(o.body).toContain('](../../etc/passwd.png)');

    // The search index heard of the imported tip as of one posted over HTTP.
    const found = (await t.as(alice, { method: 'GET', url: `/api/search?q=${encodeURIComponent('差し込み印刷')}` })).json();
    expect(found.items.map((i: { id: number }) => i.id)).toContain(merge.postId);
  });

  it('a dry run reports the same outcomes and writes nothing', async () => {
    const root = folder();
    const count = () => t.db.prepare('SELECT (SELECT count(*) FROM posts) + (SELECT count(*) FROM images)').pluck().get();
    const before = count();
    const dry = await importMarkdown(t.app.ctx, { root, backdate, dryRun: true });
    expect(count()).toBe(before);
    expect(dry.files.filter((f) => f.status === 'would import').map((f) => f.file)).toEqual(['outside.md', '総務/mail-merge.md']);
    expect(dry.images).toBe(1);
    const real = await importMarkdown(t.app.ctx, { root, backdate });
    expect(real.files.map((f) => f.reason)).toEqual(dry.files.map((f) => f.reason));
  });

  it('--author takes the files with no author or an unknown one, and must exist', async () => {
    const root = tempDir();
    write(root, 'a.md', '---\ntitle: 一\n---\n本文\n');
    write(root, 'b.md', '---\ntitle: 二\nuser: { screen_name: ghost }\n---\n本文\n');
    const r = await importMarkdown(t.app.ctx, { root, backdate, defaultAuthor: 'alice' });
    expect(r.imported).toBe(2);
    expect(byFile(r, 'b.md').warnings[0]).toMatch(/"ghost" has no account: imported as alice/);
    await expect(importMarkdown(t.app.ctx, { root, backdate, defaultAuthor: 'nobody' })).rejects.toThrow(/no such account/);
  });

  it('a draft in the source stays a draft, visible to its author only', async () => {
    const root = tempDir();
    write(root, 'wip.md', '---\ntitle: 書きかけ\nauthor: alice\nwip: true\n---\n本文\n');
    const r = await importMarkdown(t.app.ctx, { root, backdate });
    const id = r.files[0]!.postId;
    expect((await t.as(alice, { method: 'GET', url: `/api/posts/${id}` })).json().status).toBe('draft');
    expect((await t.as(t.admin, { method: 'GET', url: `/api/posts/${id}` })).statusCode).toBe(404);
  });
});

describe('npm run export:markdown and back', () => {
  it('a round trip keeps title, tags, body, author and dates; drafts and hidden tips stay home', async () => {
    const times = [new Date('2023-04-03T01:02:03.000Z'), new Date('2023-04-05T05:00:00.000Z')];
    let now = times[0]!;
    const src = await createTestApp({ now: () => now });
    const alice = await src.user('alice');
    const bob = await src.user('bob');
    const { markdown } = (await src.as(alice, { method: 'POST', url: '/api/images', headers: { 'content-type': 'image/png' }, payload: PNG })).json();
    const body = `# 手順\n\n1. 開く\n2. 貼る\n\n${markdown}\n\n| 列 | 値 |\n| --- | --- |\n| a | 1 |\n\nhttps://kotsu.example/api/images/${'a'.repeat(64)}.png はそのまま\n`;
    const a = (await src.as(alice, { method: 'POST', url: '/api/posts', payload: { title: 'PDFを結合する: 手順/注意 "重要"', body, tags: ['PDF', '結合'], minutesSavedPerUse: 15 } })).json();
    now = times[1]!;
    await src.as(alice, { method: 'PATCH', url: `/api/posts/${a.id}`, payload: { tags: ['PDF', '結合', 'Acrobat'] } });
    const b = (await src.as(bob, { method: 'POST', url: '/api/posts', payload: { title: 'ショートカット一覧', body: 'Ctrl+Shift+L でフィルター', tags: [] } })).json();
    await src.as(bob, { method: 'POST', url: '/api/posts', payload: { title: '下書き', body: 'まだ', tags: [], status: 'draft' } });
    const hidden = (await src.as(bob, { method: 'POST', url: '/api/posts', payload: { title: '隠された', body: 'x', tags: [] } })).json();
    await src.as(src.admin, { method: 'POST', url: `/api/posts/${hidden.id}/hide`, payload: { reason: 'test' } });
    const originals = await Promise.all([a.id, b.id].map(async (id) => (await src.as(alice, { method: 'GET', url: `/api/posts/${id}` })).json()));

    const dir = path.join(tempDir(), 'out');
    const report = await exportMarkdown(src.app.ctx, dir);
    expect(report).toMatchObject({ tips: 2, images: 1 });
    expect(fs.readdirSync(dir).sort()).toEqual([fileNameFor(a.id, originals[0].title), fileNameFor(b.id, 'ショートカット一覧'), 'images'].sort());
    expect(fileNameFor(a.id, originals[0].title)).toBe(`${a.id}-PDFを結合する_手順_注意_重要.md`);
    const exported = fs.readFileSync(path.join(dir, fileNameFor(a.id, originals[0].title)), 'utf8');
    expect(exported).toMatch(/\]\(images\/[0-9a-f]{64}\.png\)/);
    expect(exported).toContain(`https://kotsu.example/api/images/${'a'.repeat(64)}.png`);
    await expect(exportMarkdown(src.app.ctx, dir)).rejects.toThrow(/not empty/);
    await src.close();

    const { t, backdate } = await clockedApp();
    const alice2 = await t.user('alice');
    await t.user('bob');
    const r = await importMarkdown(t.app.ctx, { root: dir, backdate });
    expect(r.skipped).toBe(0);
    for (const orig of originals) {
      const id = r.files.find((f) => f.title === orig.title)!.postId;
      const back = (await t.as(alice2, { method: 'GET', url: `/api/posts/${id}` })).json();
      for (const k of ['title', 'tags', 'body', 'createdAt', 'updatedAt', 'minutesSavedPerUse'] as const) expect(back[k], k).toEqual(orig[k]);
      expect(back.author.username).toBe(orig.author.username);
    }
    await t.close();
  });
});

describe('the command line', () => {
  it('import prints progress and the skipped files; export refuses a folder that is not empty; bad usage exits 2', () => {
    const dbDir = tempDir();
    const env = { ...process.env, KOTSU_DB: path.join(dbDir, 'k.db'), KOTSU_RENDER_WORKERS: '0', KOTSU_SEARCH_WORKER: '0' };
    const run = (script: string, args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts', script), ...args], { env, encoding: 'utf8', cwd: ROOT });
    const root = tempDir();
    write(root, 'a.md', '---\ntitle: 一\n---\n本文\n');
    const dry = run('import-markdown.ts', [root, '--dry-run']);
    expect(dry.status, dry.stderr).toBe(0);
    expect(dry.stdout).toContain('[1/1] - a.md: skipped, no author in the file (give --author)');
    expect(dry.stdout).toContain('dry run: would import 0 of 1 files');
    expect(run('import-markdown.ts', []).status).toBe(2);
    expect(run('import-markdown.ts', [root, '--nope']).status).toBe(2);
    const exp = run('export-markdown.ts', [root]);
    expect(exp.status).toBe(1);
    expect(exp.stderr).toMatch(/not empty/);
  }, 180_000);
});
