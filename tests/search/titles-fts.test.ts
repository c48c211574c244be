import { afterEach, expect, test } from 'vitest';
import { createSearchEngine } from '../../server/search/engine';
import { createTestApp, postTip, type TestApp } from '../helpers/app';

let t: TestApp;
afterEach(async () => { await t.close(); });

// Expressions as query.ts writes them: words, a bigram phrase, a prefix-free Latin word, a tag.
const expressions = ['"集計"', '"excel" AND "印刷"', '"ピボ ボッ ット"', '"vlookup"', '"会議"', '"集計" OR "台帳"'];

/** search_titles must find exactly the tips that search_fts finds with the title/tags column filter. */
function expectTitlesInStep() {
  for (const m of expressions) {
    const viaFilter = t.db.prepare('SELECT rowid FROM search_fts WHERE search_fts MATCH ? ORDER BY rowid').pluck().all(`{title tags} : (${m})`);
    const viaTitles = t.db.prepare('SELECT rowid FROM search_titles WHERE search_titles MATCH ? ORDER BY rowid').pluck().all(m);
    expect(viaTitles, m).toEqual(viaFilter);
  }
}

test('the titles-only index follows every write: create, edit, tag change, hide, restore, delete, rebuild', async () => {
  t = await createTestApp();
  const ids: number[] = [];
  const titles = ['Excelで集計する', '印刷範囲の設定', 'ピボットテーブル入門', 'VLOOKUPの使い方', '会議録の台帳'];
  for (let i = 0; i < 10; i++) {
    const tip = await postTip(t, t.admin, { title: titles[i % 5] + i, body: `本文に集計と印刷とexcelとピボットと会議。${i}`, tags: i % 2 ? ['Excel'] : ['台帳'] });
    ids.push(tip.id);
  }
  expectTitlesInStep();
  expect(t.db.prepare('SELECT count(*) FROM search_titles').pluck().get()).toBe(10);

  expect((await t.as(t.admin, { method: 'PATCH', url: `/api/posts/${ids[0]}`, payload: { title: '会議の進め方', tags: ['印刷'] } })).statusCode).toBe(200);
  expect((await t.as(t.admin, { method: 'PATCH', url: `/api/posts/${ids[1]}`, payload: { title: 'ピボットで集計' } })).statusCode).toBe(200);
  expectTitlesInStep();

  const moderator = t.admin;
  expect((await t.as(moderator, { method: 'POST', url: `/api/posts/${ids[2]}/hide`, payload: { reason: '確認中' } })).statusCode).toBe(200);
  expectTitlesInStep();
  expect(t.db.prepare('SELECT count(*) FROM search_titles').pluck().get()).toBe(9);
  expect((await t.as(moderator, { method: 'POST', url: `/api/posts/${ids[2]}/restore` })).statusCode).toBe(200);
  expect((await t.as(t.admin, { method: 'DELETE', url: `/api/posts/${ids[3]}` })).statusCode).toBe(204);
  expectTitlesInStep();
  expect(t.db.prepare('SELECT count(*) FROM search_titles').pluck().get()).toBe(9);

  t.app.ctx.search.rebuild();
  expectTitlesInStep();
  expect(t.db.prepare('SELECT count(*) FROM search_titles').pluck().get()).toBe(9);
});

test('a database indexed before the titles-only index fills it once at start-up', async () => {
  t = await createTestApp();
  for (let i = 0; i < 6; i++) await postTip(t, t.admin, { title: `Excelで集計する${i}`, body: '会議の台帳を印刷。', tags: ['ピボット'] });
  // As a database migrated to 0010 finds it: the table empty, the index otherwise complete.
  t.db.exec("INSERT INTO search_titles (search_titles) VALUES ('delete-all'); DELETE FROM search_meta WHERE key = 'titles'");
  expect(t.db.prepare('SELECT count(*) FROM search_titles').pluck().get()).toBe(0);
  const engine = createSearchEngine(t.db, { maintenance: { enabled: false } });
  expect(t.db.prepare('SELECT count(*) FROM search_titles').pluck().get()).toBe(6);
  expect(engine.store.meta('titles')).toBe('1');
  expectTitlesInStep();
});

test('a frequent word past the cap: the first tier found through search_titles ranks as through the column filter', async () => {
  t = await createTestApp();
  for (let i = 0; i < 12; i++) {
    await postTip(t, t.admin, { title: i % 3 === 0 ? `集計のコツ${i}` : `月次報告${i}`, body: `集計の手順${i}。`.repeat(1 + (i % 4)), tags: [] });
  }
  const capped = createSearchEngine(t.db, { rebuildIfStale: false, rankCap: 4, maintenance: { enabled: false } });
  const base = { match: '"集計"', titleMatch: '{title tags} : ("集計")', tagIds: [], sort: 'relevance' as const, limit: 10, offset: 0, now: '2026-11-25T00:00:00.000Z' };
  const viaFilter = capped.store.topPage(base);
  const viaTitles = capped.store.topPage({ ...base, titleOnly: '"集計"' });
  expect(viaFilter?.total).toBe(12);
  expect(viaTitles).toEqual(viaFilter);
  // The four title matches come first.
  expect(viaTitles?.ids.slice(0, 4).sort()).toEqual(
    (t.db.prepare("SELECT id FROM posts WHERE title LIKE '集計のコツ%' ORDER BY id").pluck().all() as number[]).sort());
});
