import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { isManner, mannerIn, mannerWords } from '../../server/search/manner';
import { parseQuery } from '../../server/search/query';
import { createTestApp, postTip, searchIds, type TestApp } from '../helpers/app';

/**
 * Words of manner (manner.ts: 簡単に, 素早く, 一気に, from EDICT's parts of speech) rank and are not
 * required: "VLOOKUPを簡単に使いたい" found nothing when no tip wrote 簡単. Cases are made from the
 * table itself, not listed by hand; the hand-written ones are the words' edges.
 */
const words = [...mannerWords()];
const mustOf = (q: string) => parseQuery(q).must.map((t) => t.typed);
const shouldOf = (q: string) => (parseQuery(q).should ?? []).flatMap((t) => t.highlights);

describe('the table', () => {
  test('is EDICT\'s: over a thousand words, each with the ending its part of speech takes', () => {
    expect(words.length).toBeGreaterThan(1000);
    for (const [word, endings] of words) expect(endings, word).toMatch(/^(に|く|くに)$/u);
    // A na-adjective (簡単), an i-adjective without its い (素早), an adverb without its に (一気).
    expect(new Map(words).get('簡単')).toBe('に');
    expect(new Map(words).get('素早')).toBe('く');
    expect(new Map(words).get('一気')).toBe('に');
    // Nouns that take の are not words of manner: tips are about them (自動保存, 同時編集).
    for (const noun of ['自動', '一括', '縦', '別']) expect(new Map(words).get(noun), noun).toBeUndefined();
  });
});

describe('a word of manner in a run as typed', () => {
  // Every word of the table that a query could type as is: it begins with a kanji.
  const cases = words.filter(([w]) => /^\p{sc=Han}/u.test(w)).flatMap(([w, endings]) => Array.from(endings).map((e) => [w, e] as const));

  test('every word of the table, before a verb, after a particle, is cut out with its ending', () => {
    expect(cases.length).toBeGreaterThan(1000);
    const wrong = cases.filter(([w, e]) => JSON.stringify(mannerIn(`表を${w}${e}並べ替える`)) !== JSON.stringify(['表を', w + e, '並べ替える']));
    expect(wrong.slice(0, 10)).toEqual([]);
  });

  test('not before する or なる: the word is then the result asked for (黄色にしたい, 大きくなる)', () => {
    const wrong = cases.filter(([w, e]) => ['したい', 'する', 'します', 'なる', 'なった', 'させる'].some((v) => mannerIn(`${w}${e}${v}`) !== null));
    expect(wrong.slice(0, 10)).toEqual([]);
  });

  test('not the end of a longer compound, not a case particle after a noun', () => {
    // 常 is no word of manner of its own inside 非常 (非常 is, whole).
    expect(mannerIn('非常に遅い')).toEqual(['', '非常に', '遅い']);
    expect(mannerIn('シートに貼り付けたい')).toBeNull();
    expect(mannerIn('別シートに転記')).toBeNull();
    expect(isManner('簡単に')).toBe(true);
    expect(isManner('簡単')).toBe(false);
    expect(isManner('簡単に使う')).toBe(false);
  });
});

describe('in a query', () => {
  test('a word of manner ranks and is not required; the words around it are', () => {
    expect(mustOf('VLOOKUPを簡単に使いたい')).toEqual(['vlookup', '使い']);
    expect(shouldOf('VLOOKUPを簡単に使いたい')).toContain('簡単');
    expect(mustOf('ピボットテーブルを素早く作りたい')).toEqual(['ピボットテーブル', '作り']);
    // Typed apart, with its ending: the same.
    expect(mustOf('エクセル 簡単に 集計')).toEqual(['エクセル', '集計']);
    // The result asked for stays required; so does a word typed alone.
    expect(mustOf('セルを黄色にしたい')).toEqual(['セル', '黄色']);
    expect(parseQuery('簡単に').must.map((t) => t.highlights[0])).toEqual(['簡単']);
  });

  test('before する or なる, in the query too, the word is required: cut from したい by the segmenter, or typed apart', () => {
    // The class: every word of the table written in kanji (its ending aside), glued to the verb,
    // after a space, after a full-width space. (Words with kana of their own, 物足りなく, 数少なく,
    // are cut otherwise by the segmenter, manner or not.)
    const cases = words.filter(([w]) => /^\p{sc=Han}+$/u.test(w)).flatMap(([w, endings]) => Array.from(endings).map((e) => [w, e] as const));
    expect(cases.length).toBeGreaterThan(1000);
    const wrong: string[] = [];
    for (const [w, e] of cases) {
      for (const v of ['したい', 'なる']) {
        for (const gap of ['', ' ', '\u3000']) {
          const q = `セルを${w}${e}${gap}${v}`;
          const first = Array.from(w)[0];
          if (!parseQuery(q).must.some((t) => (t.typed ?? '').startsWith(first))) wrong.push(q);
        }
      }
    }
    expect(wrong.slice(0, 10)).toEqual([]);
    // Before another verb, typed apart too, it is manner still.
    expect(mustOf('セルを大きく 表示')).toEqual(['セル', '表示']);
  });

  let t: TestApp;
  beforeEach(async () => { t = await createTestApp(); });
  afterEach(async () => { await t.close(); });

  test('finds the tips that do not write it, those that do first', async () => {
    const plain = await postTip(t, t.admin, { title: 'VLOOKUPで別シートの所属名を引く', body: '=VLOOKUP(A2,名簿!A:D,3,FALSE) のように使います。', tags: ['Excel'] });
    const easy = await postTip(t, t.admin, { title: 'VLOOKUPを簡単に使うコツ', body: '範囲に名前を付けると数式が短くなります。', tags: ['Excel'] });
    await postTip(t, t.admin, { title: '簡単に使える文書テンプレート', body: '課の様式を集めました。', tags: [] });
    const found = await searchIds(t, 'VLOOKUPを簡単に使いたい');
    expect(found.slice(0, 2)).toEqual([easy.id, plain.id]);
    expect(found).toHaveLength(2);
    expect(await searchIds(t, 'ピボットテーブルを素早く作りたい')).toEqual([]);
    const pivot = await postTip(t, t.admin, { title: 'ピボットテーブルを作る', body: '挿入タブから範囲を選びます。', tags: ['Excel'] });
    expect(await searchIds(t, 'ピボットテーブルを素早く作りたい')).toEqual([pivot.id]);
  });
});
