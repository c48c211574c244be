import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { openDatabase } from '../../server/db/database';
import { completePrefixes, completeSynonyms, MAX_COMPLETIONS, parseQuery, toMatch, type ParsedQuery } from '../../server/search/query';
import { createSearchStore, type SearchFilter } from '../../server/search/store';
import { createTestApp, postTip, type TestApp } from '../helpers/app';

// What the search sends to FTS5 costs what FTS5 walks: these check that the cheaper expressions
// (fourth round, docs/search.md) match exactly what the costlier ones matched.

let t: TestApp | null = null;
afterEach(async () => { await t?.close(); t = null; });

const rows = (app: TestApp, match: string) => app.db.prepare('SELECT rowid FROM search_fts WHERE search_fts MATCH ? ORDER BY rowid')
  .pluck().all(match) as number[];
const complete = (app: TestApp, q: ParsedQuery) => completeSynonyms(completePrefixes(q,
  (p, n) => app.app.ctx.search.store.words(p, n) ?? [], app.app.ctx.search.store.termsFrom), app.app.ctx.search.store.termsFrom);

test('a one-kanji prefix standing for few terms of the index becomes those terms, finding the same tips', async () => {
  t = await createTestApp();
  const a = await postTip(t, t.admin, { title: '申請書の様式', body: '様式第1号を使います。', tags: [] });
  const b = await postTip(t, t.admin, { title: '申請書の書き方', body: '記入例の様子を見てください。', tags: [] });
  await postTip(t, t.admin, { title: '会議の資料', body: '様式とは関係のない話。', tags: [] });
  const q = parseQuery('申請書 様');
  expect(toMatch(q)).toBe('"申請 請書" AND "様"*');
  const done = complete(t, q);
  // 様 starts two terms of the index: 様式 and 様子 (bigrams), in the index's order.
  expect(toMatch(done)).toBe('"申請 請書" AND ("様子" OR "様式")');
  expect(rows(t, toMatch(done)!)).toEqual(rows(t, toMatch(q)!));
  expect(rows(t, toMatch(done)!)).toEqual([a.id, b.id]);

  // A word of the index added later is among the terms at once (this connection's own write).
  const c = await postTip(t, t.admin, { title: '申請書の様態', body: '', tags: [] });
  expect(toMatch(complete(t, q))).toBe('"申請 請書" AND ("様子" OR "様式" OR "様態")');
  const res = await t.as(t.admin, { method: 'GET', url: `/api/search?q=${encodeURIComponent('申請書 様')}&exact=true` });
  expect((res.json().items as { id: number }[]).map((i) => i.id).sort((x, y) => x - y)).toEqual([a.id, b.id, c.id]);
});

test('a one-kanji prefix standing for more terms than the limit keeps its star', async () => {
  t = await createTestApp();
  const kana = 'あいうえおかきくけこさしすせそ';
  for (let i = 0; i <= MAX_COMPLETIONS; i++) await postTip(t, t.admin, { title: `台帳${i}`, body: `栞${kana[i]}の話。`, tags: [] });
  const q = parseQuery('台帳 栞');
  expect(toMatch(complete(t, q))).toBe('"台帳" AND "栞"*');
  expect(rows(t, toMatch(complete(t, q))!)).toHaveLength(MAX_COMPLETIONS + 1);
});

test("the wide tier's one-kanji synonyms become the terms they stand for", async () => {
  t = await createTestApp();
  await postTip(t, t.admin, { title: '重複した行を消去する', body: '一度に消去します。', tags: [] });
  const q = { ...parseQuery('重複 削除 '), wide: true };
  // 削除's one-kanji synonym 消 (消す) is a prefix in the wide tier …
  expect(toMatch(q)).toContain('"消"*');
  const done = { ...complete(t, q), wide: true };
  // … standing here for the one term of the index that starts with it.
  expect(toMatch(done)).not.toContain('"消"*');
  expect(toMatch(done)).toContain('"消去"');
  expect(rows(t, toMatch(done)!)).toEqual(rows(t, toMatch(q)!));
  expect(rows(t, toMatch(done)!)).toHaveLength(1);
});

test("terms listed, counted and held on a reading connection follow another connection's commits", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kotsu-terms-'));
  const file = path.join(dir, 'k.db');
  const writer = openDatabase(file);
  const reader = openDatabase(file, { readonly: true });
  try {
    const w = createSearchStore(writer);
    const r = createSearchStore(reader);
    writer.transaction(() => w.put(1, { title: '様式', tags: '', body: '' }))();
    expect(r.termsFrom('様', 9)).toEqual(['様式']);
    writer.transaction(() => w.put(2, { title: '様子', tags: '', body: '' }))();
    expect(r.termsFrom('様', 9)).toEqual(['様子', '様式']);
    // Counts of tips per term (kept between calls) follow the same way, and the writer's own.
    expect([r.docsOf('様式'), w.docsOf('様式')]).toEqual([1, 1]);
    writer.transaction(() => w.put(3, { title: '様式 式の の例', tags: '', body: '' }))();
    expect([r.docsOf('様式'), w.docsOf('様式')]).toEqual([2, 2]);
    w.remove(1);
    expect([r.docsOf('様式'), w.docsOf('様式')]).toEqual([1, 1]);
    // Whether a phrase is held (the wide tier's synonyms, keepHeld), the same way.
    expect([r.holds('"コピ"'), w.holds('"コピ"')]).toEqual([false, false]);
    writer.transaction(() => w.put(4, { title: 'コピ', tags: '', body: '' }))();
    expect([r.holds('"コピ"'), w.holds('"コピ"')]).toEqual([true, true]);
    w.remove(4);
    expect([r.holds('"コピ"'), w.holds('"コピ"')]).toEqual([false, false]);
  } finally {
    reader.close();
    writer.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('the whole-query phrase is matched in the first tier only', () => {
  const q = parseQuery('エクセルで重複を消したい');
  const whole = 'で重 重複 複を を消 消し した たい';
  expect(toMatch(q)).toContain(whole);
  expect(toMatch({ ...q, wide: true })).not.toContain(whole);
  const three = parseQuery('台帳から転記してグラフ');
  expect(three.must.length).toBeGreaterThanOrEqual(3);
  expect(toMatch(three)).toContain('"台帳 帳か から'.slice(1));
  expect(toMatch(three, 'relaxed')).not.toContain('帳か から');
  // Intent words still rank everywhere.
  expect(toMatch({ ...parseQuery('マクロ 重複 方法 '), wide: true })).toMatch(/AND \(.*OR.*\)$/u);
});

test('the wide tier leaves the first tier out by id; after an empty first tier, titles answer its probe', async () => {
  t = await createTestApp();
  const only = await postTip(t, t.admin, { title: '重複した行を消去する', body: '一度に消去します。', tags: [] });
  const both = await postTip(t, t.admin, { title: '名簿の重複を削除', body: '削除します。', tags: [] });
  const store = t.app.ctx.search.store;
  const seen: SearchFilter[] = [];
  const topPage = store.topPage;
  store.topPage = (f) => { seen.push({ ...f }); return topPage(f); };
  try {
    const find = async (q: string) => (await t!.as(t!.admin, { method: 'GET', url: `/api/search?q=${encodeURIComponent(q)}` })).json();
    // First tier has one tip: the wide tier leaves it out by id, not by NOT (first tier) …
    const r1 = await find('重複 削除 ');
    expect(r1.items.map((i: { id: number }) => i.id)).toEqual([both.id, only.id]);
    expect(r1.total).toBe(2);
    expect(seen[1].match).not.toContain(' NOT ');
    expect(seen[1].exclude).toEqual([both.id]);
    expect(seen[1].titleOnly).toBeNull();
    // … and counts, pages and ranks the wide tier without it.
    const wide = t.app.ctx.search.store.topPage(seen[1]);
    expect(wide).toEqual({ ids: [only.id], total: 1 });
    expect(t.app.ctx.search.store.page({ ...seen[1], sort: 'new' })).toEqual({ ids: [only.id], total: 1 });
    // First tier empty (nothing has 抹消): nothing to leave out.
    seen.length = 0;
    const r2 = await find('重複 抹消 ');
    expect(r2.items.map((i: { id: number }) => i.id).sort()).toEqual([only.id, both.id].sort());
    expect(seen[0].match).toBe(toMatch(parseQuery('重複 抹消 ')));
    expect(seen[1].match).not.toContain(' NOT ');
    expect(seen[1].titleOnly).toBe(seen[1].match);
  } finally {
    store.topPage = topPage;
  }
});
