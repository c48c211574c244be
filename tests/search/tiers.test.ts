import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { createTestApp, postTip, type TestApp } from '../helpers/app';

let t: TestApp;
beforeEach(async () => { t = await createTestApp(); });
afterEach(async () => { await t.close(); });

async function find(q: string, extra = '') {
  const res = await t.as(t.admin, { method: 'GET', url: `/api/search?q=${encodeURIComponent(q)}${extra}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { total: number; items: { id: number; snippet: string }[]; relaxed: boolean; facets?: { name: string; count: number }[] };
}

describe('synonyms in a wide tier (service.ts)', () => {
  async function seed() {
    // b says it with a synonym (消去, through 削除's one-kanji synonym 消), and says 重複 more often.
    const a = await postTip(t, t.admin, { title: '名簿の重複データを削除する', body: 'データタブから操作します。', tags: ['Excel'] });
    const b = await postTip(t, t.admin, { title: '重複した行を消去する', body: '重複、重複、重複した行を一度に消去します。', tags: ['Excel'] });
    const c = await postTip(t, t.admin, { title: '印刷範囲の設定', body: '重複とは関係のない話です。', tags: ['印刷'] });
    return { a: a.id as number, b: b.id as number, c: c.id as number };
  }

  test('tips found only through a synonym come after every tip with the word as typed', async () => {
    const s = await seed();
    const r = await find('重複 削除 ');
    expect(r.items.map((i) => i.id)).toEqual([s.a, s.b]);
    expect(r.total).toBe(2);
    expect(r.relaxed).toBe(false);
  });

  test('pages run across the tiers, and facets count both', async () => {
    const s = await seed();
    expect((await find('重複 削除 ', '&limit=1')).items.map((i) => i.id)).toEqual([s.a]);
    const second = await find('重複 削除 ', '&limit=1&offset=1&facets=true');
    expect(second.items.map((i) => i.id)).toEqual([s.b]);
    expect(second.total).toBe(2);
    expect(second.facets).toContainEqual({ name: 'Excel', count: 2 });
  });

  test('sorted by date, synonym matches are simply among the matches', async () => {
    const s = await seed();
    const r = await find('重複 削除 ', '&sort=new');
    expect(r.items.map((i) => i.id)).toEqual([s.b, s.a]);
  });
});

describe('a two-word query whose last word the tips phrase otherwise', () => {
  test('falls back to the first word, flagged relaxed; not when the last word is Latin', async () => {
    const a = await postTip(t, t.admin, { title: '各課のシートを1つの表にまとめる', body: '統合機能を使います。', tags: ['Excel'] });
    const r = await find('シートを合体 ');
    expect(r.relaxed).toBe(true);
    expect(r.items.map((i) => i.id)).toEqual([a.id]);
    expect((await find('シート kubernetes ')).total).toBe(0);
    expect((await find('ドローン 合体 ')).total).toBe(0);
  });
});
