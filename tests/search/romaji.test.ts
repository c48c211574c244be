import { describe, expect, test } from 'vitest';
import { toRomaji } from 'wanakana';
import { evaluate } from '../../scripts/search-eval/evaluate';
import { TIPS } from '../../scripts/search-eval/collection';
import { latinLoanwords } from '../../server/search/lexicon';
import { normalize } from '../../server/search/normalize';
import { romajiToKatakana } from '../../server/search/romaji';
import { search } from '../../server/search/service';
import { unlikeSounds } from '../../server/search/suggest';
import { katakanaWords } from '../../server/search/tokenize';

/**
 * Romaji typed with the input method off (romaji.ts, service.ts fromRomaji) and the typist's b/v, l/r
 * (suggest.ts unlikeSounds). The cases are the development collection's own katakana title words,
 * spelled in romaji by another library (npm wanakana), not written here.
 */
const words = [...new Set(TIPS.flatMap((t) => katakanaWords(t.title)))].filter((w) => normalize(w).length >= 4);

describe('romajiToKatakana', () => {
  test('reads back the katakana of the collection\'s title words from their romaji (wanakana\'s)', () => {
    expect(words.length).toBeGreaterThanOrEqual(15);
    const wrong = words.filter((w) => normalize(romajiToKatakana(toRomaji(w)) ?? '') !== normalize(w));
    expect(wrong.length / words.length, wrong.map((w) => `${w}: ${toRomaji(w)} → ${romajiToKatakana(toRomaji(w))}`).join(', ')).toBeLessThan(0.1);
  });

  test('the input method\'s own spellings (si, tu, hu, sya, nn) and a hyphen for the long vowel', () => {
    expect(romajiToKatakana('yu-za-fo-mu')).toBe('ユーザーフォーム');
    expect(romajiToKatakana('teeburu')).toBe('テーブル');
    expect(romajiToKatakana('syukei')).toBe('シュケイ');
    expect(romajiToKatakana('kannsuu')).toBe(romajiToKatakana('kansuu'));
    expect(romajiToKatakana('pibotto')).toBe('ピボット');
    // Not romaji: a cluster no syllable has, or a consonant left over.
    expect(romajiToKatakana('vlookup')).toBeNull();
    expect(romajiToKatakana('excel')).toBeNull();
  });
});

test('a title word typed in romaji (without its long-vowel marks) finds its tip, corrected', async () => {
  let tried = 0;
  const missed: string[] = [];
  await evaluate({
    queries: [],
    onApp: (ctx) => {
      for (const w of words) {
        const typed = toRomaji(w).replace(/-/g, '');
        if (typed.length < 5) continue;
        tried++;
        const r = search(ctx, { q: typed, limit: 10 });
        // Corrected to the word, or to the English the dictionary pairs with it (uindou → window: ウィンドウ's tips).
        if (!r.correctedTo || !r.items.some((it) => normalize(it.title).includes(normalize(w)))) missed.push(`${typed} → ${r.correctedTo}`);
      }
    },
  });
  expect(tried).toBeGreaterThanOrEqual(15);
  expect(missed.length / tried, missed.join(', ')).toBeLessThan(0.1);
}, 60_000);

test('b for v and r for l (sounds one kana writes) win a tie of typo candidates', () => {
  expect(unlikeSounds('pibot', 'pivot')).toBe(0);
  expect(unlikeSounds('pibot', 'picot')).toBe(1);
  // A letter left out is no slip of sound: powr is as near power as poor (the tips' word wins the tie).
  expect(unlikeSounds('powr', 'power')).toBe(unlikeSounds('powr', 'poor'));
  // Two neighbours swapped are one slip, as the edit distance counts them (tabel: table as near as label).
  expect(unlikeSounds('tabel', 'table')).toBe(1);
  expect(unlikeSounds('tabel', 'label')).toBe(1);
  expect(unlikeSounds('chrat', 'chart')).toBe(1);
  // The dictionary's loanwords with a v or an l, typed with b or r: the word itself is never behind
  // another candidate one edit away for that reason (a sample read in order).
  const loans = latinLoanwords().filter((w) => /[vl]/.test(w)).slice(0, 200);
  for (const w of loans) {
    const typo = w.replace(/v/g, 'b').replace(/l/g, 'r');
    expect(unlikeSounds(typo, w), w).toBe(0);
  }
});
