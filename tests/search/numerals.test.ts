import { afterEach, expect, test } from 'vitest';
import { parseQuery } from '../../server/search/query';
import { createTestApp, postTip, type TestApp } from '../helpers/app';

/**
 * Things counted with つ are written with a kanji numeral or a digit (一つにまとめる, 1つにまとめる;
 * 二つの表, 2つの表), and staff type either: each finds both, for every numeral of one to nine.
 */
const KANJI = '一二三四五六七八九';
let t: TestApp;
afterEach(async () => { await t.close(); });

test('a count with つ in digits or kanji finds tips that write it either way, and not the digit alone', async () => {
  t = await createTestApp();
  const ids = async (q: string) => ((await t.as(t.admin, { method: 'GET', url: `/api/search?q=${encodeURIComponent(q)}` })).json().items as { id: number }[]).map((i) => i.id).sort((a, b) => a - b);
  for (let d = 1; d <= 9; d++) {
    const k = KANJI[d - 1];
    const inKanji = await postTip(t, t.admin, { title: `${k}つの表を比べる${d}`, body: `${k}つにまとめてから照合します。`, tags: ['照合'] });
    const inDigits = await postTip(t, t.admin, { title: `${d}つの表を比べる${k}`, body: `${d}つにまとめてから照合します。`, tags: ['照合'] });
    // The digit alone elsewhere (a date, a count of something else) is no count with つ.
    const digitOnly = await postTip(t, t.admin, { title: `${d}月の表を比べる`, body: `${d}件ずつ照合します。`, tags: ['照合'] });
    for (const q of [`${d}つの表`, `${k}つの表`, `${d}つ 照合`, `${k}つにまとめる`]) {
      const found = await ids(q);
      expect(found, q).toEqual([inKanji.id, inDigits.id].sort((a, b) => a - b));
      expect(found, q).not.toContain(digitOnly.id);
    }
  }
});

test('a kanji numeral inside a word is no count (統一, 唯一), and other counters are as they were', () => {
  expect(parseQuery('統一つ ').must.map((m) => m.tokens)).not.toContainEqual(['1', 'つ']);
  expect(parseQuery('一覧 ').must.map((m) => m.tokens)).toEqual([['一覧']]);
  expect(parseQuery('3つ目 ').must.map((m) => m.tokens)).toContainEqual(['3', 'つ']);
});
