import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { createTestApp, postTip, type TestApp } from '../helpers/app';

let t: TestApp;
beforeEach(async () => { t = await createTestApp(); });
afterEach(async () => { await t.close(); });

async function find(q: string, extra = '') {
  const res = await t.as(t.admin, { method: 'GET', url: `/api/search?q=${encodeURIComponent(q)}${extra}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { total: number; items: { id: number; snippet: string; missing?: string }[]; relaxed: boolean; facets?: { name: string; count: number }[] };
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
    // Both words held by some tip, never together, the last Latin: no fallback.
    await postTip(t, t.admin, { title: 'VBAで操作の記録を残す', body: 'ログ用のモジュールを用意します。', tags: ['VBA'] });
    expect((await find('シート vba ')).total).toBe(0);
  });
});

describe('a two-word query, one of whose words no tip holds in any spelling or synonym', () => {
  /** Words no tip holds: katakana strings from a fixed seed (the class, not a sample of real words). */
  const unknown = (n: number) => Array.from({ length: n }, (_, i) => {
    const kana = 'ガギグゲゴザジズゼゾダヂヅデドバビブベボパピプペポ';
    let s = '';
    for (let k = 0, x = 7919 * (i + 3); k < 4; k++, x = (x * 31 + 17) % 9973) s += kana[x % kana.length];
    return s;
  });

  test('the other word\'s tips, flagged relaxed, in either order; both unknown: nothing', async () => {
    const sheet = await postTip(t, t.admin, { title: '各課のシートを1つの表にまとめる', body: '統合機能を使います。', tags: ['Excel'] });
    const label = await postTip(t, t.admin, { title: '宛名ラベルを差し込み印刷で作る', body: 'Wordの差し込み文書タブから。', tags: ['Word'] });
    const words = unknown(6);
    for (const w of words) expect((await find(`${w} `)).total, w).toBe(0);
    for (const w of words) {
      for (const [held, id] of [['シート', sheet.id], ['宛名', label.id], ['Word', label.id]] as const) {
        for (const q of [`${w} ${held} `, `${held} ${w} `]) {
          const r = await find(q);
          expect(r.relaxed, q).toBe(true);
          expect(r.items.map((i) => i.id), q).toEqual([id]);
          // Each tip says which word it lacks, as the reader typed it.
          expect(r.items.map((i) => i.missing), q).toEqual([w]);
        }
      }
      expect((await find(`${w} ${words[0] === w ? words[1] : words[0]} `)).total).toBe(0);
    }
  });

  test('a word no dictionary knows either (ググりたい): the other word\'s tips', async () => {
    const dup = await postTip(t, t.admin, { title: '重複した行を削除する', body: '並べ替えてから消します。', tags: ['Excel'] });
    const r = await find('ググりたい 削除 ');
    expect(r.relaxed).toBe(true);
    expect(r.items.map((i) => i.id)).toEqual([dup.id]);
    expect(r.items.map((i) => i.missing)).toEqual(['ググりたい']);
    // ダブり, the continuative of ダブる, is a noun the dictionary lists (重複): the tip has every word.
    const d = await find('ダブり 削除 ');
    expect(d.relaxed).toBe(false);
    expect(d.items.map((i) => i.id)).toEqual([dup.id]);
  });
});
