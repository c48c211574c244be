import { describe, expect, test } from 'vitest';
import { evaluate } from '../../scripts/search-eval/evaluate';
import { seeded } from '../../scripts/lib/edict';
import { alternativesOf, latinLoanwords } from '../../server/search/lexicon';
import { clippedForms } from '../../server/search/clipped';
import { normalize } from '../../server/search/normalize';
import { isLoanwordPiece, isShortPiece, loanwordPieces } from '../../server/search/transliterate';
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

/** The Sudachi dictionary's own katakana loanwords (three to six letters), the parts of the compounds below. */
const dictionaryKatakana = (): string[] => latinLoanwords().map((l) => alternativesOf(l)?.same.find((w) => /^\p{sc=Katakana}{3,6}$/u.test(w)))
  .filter((w): w is string => w !== undefined);

/** 40 tips whose titles hold two of `kana` drawn at random (fixed seed), as `title` writes them, with the pairs. */
function compoundTips(kana: string[], seed: number, title: (a: string, b: string) => string) {
  const rand = seeded(seed);
  const pairs: [string, string][] = [];
  for (let i = 0; i < 40; i++) pairs.push([kana[Math.floor(rand() * kana.length)], kana[Math.floor(rand() * kana.length)]]);
  const tips = pairs.map(([a, b], i) => ({ key: `t${i}`, title: title(a, b), tags: ['手順'], body: '手順を説明します。' }));
  return { pairs, tips };
}

test('the clipped form of a title\'s compound (two of the dictionary\'s loanwords) finds that tip, corrected', async () => {
  // Compounds made from the Sudachi dictionary's own katakana loanwords, of two morae or more each,
  // and their short forms by the rule; a short form that is itself some word (a dictionary word or
  // one of the tips') is searched as itself, so those are left out of the count.
  const kana = dictionaryKatakana().filter((w) => !/[ッー]/u.test(w.slice(0, 2)));
  const { tips } = compoundTips(kana, 3, (a, b) => `${a}${b}の使い方`);
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

/**
 * Each tip's pieces typed as one word (a case skipped when `skip` says the joined word is a word of
 * its own): how many were tried, and those that did not find their tip corrected to the pieces.
 */
async function compoundsTyped(pieces: readonly (readonly string[])[], title: (p: readonly string[]) => string, skip: (p: readonly string[]) => boolean) {
  const tips = pieces.map((p, i) => ({ key: `t${i}`, title: title(p), tags: ['手順'], body: '手順を説明します。' }));
  let tried = 0;
  const missed: string[] = [];
  await evaluate({
    tips,
    queries: [],
    onApp: (ctx) => {
      pieces.forEach((p, i) => {
        const q = p.join('');
        if (skip(p)) return;
        tried++;
        const r = search(ctx, { q, limit: 10 });
        if (!r.items.some((it) => it.title === tips[i].title) || r.correctedTo?.replace(/\s+/gu, '') !== q) missed.push(`${q} → ${r.correctedTo}`);
      });
    },
  });
  return { tried, missed };
}

test('two loanwords typed as one word (プルダウンリスト) find the tip that writes them apart, corrected to the two', async () => {
  // Compounds of the Sudachi dictionary's own katakana loanwords; the tips write them with の between.
  const { pairs, tips } = compoundTips(dictionaryKatakana(), 9, (a, b) => `${a}の${b}を設定する`);
  // A joined form that is itself a word of the dictionaries or of the tips is searched as itself.
  const { tried, missed } = await compoundsTyped(pairs, ([a, b]) => `${a}の${b}を設定する`,
    (p) => { const q = normalize(p.join('')); return alternativesOf(q) !== null || tips.some((x) => normalize(x.title).includes(q)); });
  expect(tried).toBeGreaterThanOrEqual(30);
  expect(missed.length / tried, missed.join(', ')).toBeLessThan(0.1);
}, 60_000);

test('three loanwords typed as one word (ドロップダウンリスト) find the tip that writes them apart, corrected to the three', async () => {
  // Triples of the dictionary's own katakana loanwords; the tips write them with particles between.
  const kana = dictionaryKatakana();
  const rand = seeded(31);
  const pick = () => kana[Math.floor(rand() * kana.length)];
  const triples = Array.from({ length: 40 }, () => [pick(), pick(), pick()]);
  // Two of them that are one word of the dictionaries (a word itself) are another case.
  const { tried, missed } = await compoundsTyped(triples, ([a, b, c]) => `${a}の${b}と${c}を設定する`,
    ([a, b, c]) => [a + b, b + c, a + b + c].some((w) => alternativesOf(normalize(w))));
  expect(tried).toBeGreaterThanOrEqual(30);
  expect(missed.length / tried, missed.join(', ')).toBeLessThan(0.1);
}, 60_000);

test('a loanword and one of a letter and a long vowel typed as one (セミコロンキー) find the tip that writes them apart', async () => {
  // The loanword pieces of one letter, written with their long vowel (キー, ビー …), after one of the dictionary's others.
  const short = Array.from({ length: 0x30FA - 0x30A1 }, (_, i) => String.fromCharCode(0x30A1 + i)).filter(isLoanwordPiece).map((c) => `${c}ー`);
  expect(short).toContain('キー');
  const kana = dictionaryKatakana();
  const rand = seeded(37);
  const pairs = Array.from({ length: 30 }, () => [kana[Math.floor(rand() * kana.length)], short[Math.floor(rand() * short.length)]]);
  const { tried, missed } = await compoundsTyped(pairs, ([a, k]) => `${a}の${k}を押す`, (p) => alternativesOf(normalize(p.join(''))) !== null);
  expect(tried).toBeGreaterThanOrEqual(20);
  expect(missed.length / tried, missed.join(', ')).toBeLessThan(0.1);
}, 60_000);

test('a letter and a long vowel between two loanwords typed as one (タスクバーアイコン) find the tip that writes them apart', async () => {
  // The one-letter words the dictionaries know, written with their long vowel (キー, バー, ビー …:
  // transliterate.ts isShortPiece), between two of the dictionary's katakana loanwords (fixed seed).
  const short = Array.from({ length: 0x30FA - 0x30A1 }, (_, i) => String.fromCharCode(0x30A1 + i)).filter(isShortPiece).map((c) => `${c}ー`);
  expect(short).toContain('バー');
  const kana = dictionaryKatakana();
  const rand = seeded(41);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)];
  const triples = [['タスク', 'バー', 'アイコン'], ...Array.from({ length: 40 }, () => [pick(kana), pick(short), pick(kana)])];
  // A letter that is part of a known piece beside it (ツール + バー: ツールバー) is that piece, another
  // case; so is a joined form that is a word of the dictionaries.
  const { tried, missed } = await compoundsTyped(triples, ([a, k, c]) => `${a}の${k}と${c}を設定する`,
    ([a, k, c]) => [a + k, k + c, a + k + c].some((w) => isLoanwordPiece(normalize(w)) || alternativesOf(normalize(w))));
  expect(tried).toBeGreaterThanOrEqual(30);
  expect(missed.length / tried, missed.join(', ')).toBeLessThan(0.1);
}, 60_000);

test('a katakana word some tip holds whole is not cut into a letter and its neighbours', async () => {
  // Tips that write タスクバーアイコン whole, and others that hold each of its pieces.
  const tips = [
    { key: 'whole', title: 'タスクバーアイコンを整理する', tags: ['Windows'], body: 'ピン留めを外します。' },
    { key: 'apart', title: 'タスクの一覧', tags: ['手順'], body: 'バーとアイコンの説明です。' },
  ];
  await evaluate({
    tips, queries: [], onApp: (ctx) => {
      const r = search(ctx, { q: 'タスクバーアイコン', limit: 10 });
      expect(r.correctedTo ?? null).toBeNull();
      expect(r.items.map((it) => it.title)).toEqual(['タスクバーアイコンを整理する']);
    },
  });
  // Nor a word with a known piece of two letters or more where the letter would stand (ツールバー|ボタン).
  expect(loanwordPieces('ツールバーボタン')).toEqual([['ツールバー', 'ボタン']]);
  expect(loanwordPieces('マウスカーソル')).toEqual([['マウス', 'カーソル']]);
  expect(loanwordPieces('タスクバーアイコン')).toEqual([['タスク', 'バー', 'アイコン']]);
  // Written without the long vowel, the letter is no word.
  expect(loanwordPieces('タスクバアイコン')).toEqual([]);
});
