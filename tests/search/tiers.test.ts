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

/** Words no tip holds: katakana strings from a fixed seed (the class, not a sample of real words). */
const unknown = (n: number, from = 0) => Array.from({ length: n }, (_, i) => {
  const kana = 'ガギグゲゴザジズゼゾダヂヅデドバビブベボパピプペポ';
  let s = '';
  for (let k = 0, x = 7919 * (i + from + 3); k < 4; k++, x = (x * 31 + 17) % 9973) s += kana[x % kana.length];
  return s;
});

describe('a two-word query, one of whose words no tip holds in any spelling or synonym', () => {

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

describe('a sentence of four words or more that no tip answers with all its words but one', () => {
  test('the tips with any of its words answer, flagged relaxed, those with more of them first', async () => {
    const budget = await postTip(t, t.admin, { title: '予算要求の資料を作る', body: '前年度の表を複写して使います。', tags: ['財政'] });
    const roster = await postTip(t, t.admin, { title: '名簿を五十音順に並べる', body: 'ふりがなの列で並べ替えます。', tags: ['Excel'] });
    const both = await postTip(t, t.admin, { title: '予算の名簿を作る', body: '担当者の一覧です。', tags: ['財政'] });
    const other = await postTip(t, t.admin, { title: '会議室の予約', body: '庁内の予約システムから。', tags: ['総務'] });
    // Words in any order, with two, three and four words no tip holds: never two of them in one tip
    // but for `both`, so the tiers before (every word, every word but one) find nothing.
    for (let round = 0; round < 4; round++) {
      const words = [...unknown(2 + (round % 3), round * 5), '予算', '名簿'];
      const q = `${(round % 2 === 0 ? words : [...words].reverse()).join(' ')} `;
      const r = await find(q);
      expect(r.relaxed, q).toBe(true);
      expect(r.items[0]?.id, q).toBe(both.id);
      expect(new Set(r.items.map((i) => i.id)), q).toEqual(new Set([both.id, budget.id, roster.id]));
      expect(r.items.map((i) => i.id), q).not.toContain(other.id);
      // An excluded word is excluded here too.
      expect((await find(`${q} -名簿`)).items.map((i) => i.id), q).toEqual([budget.id]);
    }
  });

  test('three words are keywords: tips with only one of them each answer nothing', async () => {
    await postTip(t, t.admin, { title: '予算要求の資料を作る', body: '前年度の表を複写して使います。', tags: ['財政'] });
    await postTip(t, t.admin, { title: '名簿を五十音順に並べる', body: 'ふりがなの列で並べ替えます。', tags: ['Excel'] });
    await postTip(t, t.admin, { title: '会議室の予約', body: '庁内の予約システムから。', tags: ['総務'] });
    for (const words of [['予算', '名簿', '会議室'], ['名簿', '会議室', '予算']]) {
      for (const q of [`${words.join(' ')} `, `${[...words].reverse().join(' ')} `]) {
        expect((await find(q)).total, q).toBe(0);
      }
    }
    // The same three words and one more no tip holds: a sentence, answered by any of its words.
    expect((await find(`予算 名簿 会議室 ${unknown(1)[0]} `)).total).toBe(3);
  });
});
