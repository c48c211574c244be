import { describe, expect, test } from 'vitest';
import { evaluate } from '../../scripts/search-eval/evaluate';
import { seeded } from '../../scripts/lib/edict';
import { alternativesOf, latinLoanwords } from '../../server/search/lexicon';
import { clippedForms } from '../../server/search/clipped';
import { normalize } from '../../server/search/normalize';
import { search } from '../../server/search/service';

/**
 * Clipped katakana compounds (clipped.ts): the short forms Japanese makes of loanword compounds, by
 * the language's rule (each part's first two morae; the last part's first mora), found for the
 * long form a title writes (service.ts didYouMean, suggest.ts unclipped).
 */
describe('clippedForms', () => {
  test.each([
    ['スクリーンショット', 'スクショ'],
    ['パーソナルコンピューター', 'パソコン'],
    ['デジタルカメラ', 'デジカメ'],
    ['パワーポイント', 'パワポ'],
    ['リモートコントロール', 'リモコン'],
  ])('%s clips to %s (morae: a small kana belongs to its mora, a long-vowel mark and ッ do not count)', (long, short) => {
    expect(clippedForms(long)).toContain(normalize(short));
  });

  test('a word that is not two known pieces, or is too short, has none', () => {
    expect(clippedForms('ヌヌヌヌヌヌ')).toEqual([]);
    expect(clippedForms('テスト')).toEqual([]);
    expect(clippedForms('漢字です')).toEqual([]);
  });
});

test('the clipped form of a title\'s compound (two of the dictionary\'s loanwords) finds that tip, corrected', async () => {
  // Compounds made from the Sudachi dictionary's own katakana loanwords, of two morae or more each,
  // and their short forms by the rule; a short form that is itself some word (a dictionary word or
  // one of the tips') is searched as itself, so those are left out of the count.
  const kana = latinLoanwords().map((l) => alternativesOf(l)?.same.find((w) => /^\p{sc=Katakana}{3,6}$/u.test(w)))
    .filter((w): w is string => w !== undefined && !/[ッー]/u.test(w.slice(0, 2)));
  const rand = seeded(3);
  const tips: { key: string; title: string; tags: string[]; body: string }[] = [];
  for (let i = 0; i < 40; i++) {
    const a = kana[Math.floor(rand() * kana.length)];
    const b = kana[Math.floor(rand() * kana.length)];
    tips.push({ key: `t${i}`, title: `${a}${b}の使い方`, tags: ['手順'], body: '手順を説明します。' });
  }
  let tried = 0;
  const missed: string[] = [];
  await evaluate({
    tips,
    queries: [],
    onApp: (ctx) => {
      tips.forEach((tip) => {
        const word = tip.title.replace('の使い方', '');
        const clip = clippedForms(word).find((c) => c.length === 4);
        if (!clip || alternativesOf(clip) || tips.some((x) => normalize(x.title).includes(clip))) return;
        tried++;
        const r = search(ctx, { q: clip, limit: 10 });
        if (!r.items.some((it) => it.title === tip.title) || !r.correctedTo) missed.push(`${clip} → ${word}`);
      });
    },
  });
  expect(tried).toBeGreaterThanOrEqual(15);
  expect(missed.length / tried, missed.join(', ')).toBeLessThan(0.1);
}, 60_000);

test('two loanwords typed as one word (プルダウンリスト) find the tip that writes them apart, corrected to the two', async () => {
  // Compounds of the Sudachi dictionary's own katakana loanwords; the tips write them with の between.
  const kana = latinLoanwords().map((l) => alternativesOf(l)?.same.find((w) => /^\p{sc=Katakana}{3,6}$/u.test(w)))
    .filter((w): w is string => w !== undefined);
  const rand = seeded(9);
  const tips: { key: string; title: string; tags: string[]; body: string }[] = [];
  const pairs: [string, string][] = [];
  for (let i = 0; i < 40; i++) {
    const a = kana[Math.floor(rand() * kana.length)];
    const b = kana[Math.floor(rand() * kana.length)];
    pairs.push([a, b]);
    tips.push({ key: `t${i}`, title: `${a}の${b}を設定する`, tags: ['手順'], body: '手順を説明します。' });
  }
  let tried = 0;
  const missed: string[] = [];
  await evaluate({
    tips,
    queries: [],
    onApp: (ctx) => {
      pairs.forEach(([a, b], i) => {
        const q = `${a}${b}`;
        // A joined form that is itself a word of the dictionaries or of the tips is searched as itself.
        if (alternativesOf(normalize(q)) || tips.some((x) => normalize(x.title).includes(normalize(q)))) return;
        tried++;
        const r = search(ctx, { q, limit: 10 });
        if (!r.items.some((it) => it.title === tips[i].title) || r.correctedTo?.replace(/\s+/gu, '') !== q) missed.push(`${q} → ${r.correctedTo}`);
      });
    },
  });
  expect(tried).toBeGreaterThanOrEqual(30);
  expect(missed.length / tried, missed.join(', ')).toBeLessThan(0.1);
}, 60_000);
