import SearchableMap from 'minisearch/SearchableMap';
import { afterEach, expect, test, vi } from 'vitest';
import { latinLoanwords } from '../../server/search/lexicon';
import { createSuggester, editDistance, unlikeSounds } from '../../server/search/suggest';

// The typo lookup walks the word tree only as deep as an accepted correction can be
// (suggest.ts `correct`, fourth round), and finds what a scan of every word finds.

afterEach(() => { vi.restoreAllMocks(); });

const source = (words: string[], docs: Record<string, number> = {}) => ({
  words: () => words,
  docs: (w: string) => docs[w] ?? (words.includes(w) ? 1 : 0),
});

test('the tree is walked to two edits when a word one edit away is there, to three only when not', () => {
  const walk = vi.spyOn(SearchableMap.prototype, 'fuzzyGet');
  const s = createSuggester(source(['powerpoint', 'powershell', 'sharepoint']));
  expect(s.correct('powerpont')).toBe('powerpoint');
  expect(walk.mock.calls.map((c) => c[1])).toEqual([2]);
  walk.mockClear();
  // One swap (two Levenshtein edits) is found in the first walk too.
  expect(s.correct('powrepoint')).toBe('powerpoint');
  expect(walk.mock.calls.map((c) => c[1])).toEqual([2]);
  walk.mockClear();
  // Two swaps: nothing one swap-aware edit away, so the walk goes on to three edits.
  s.correct('pwoerponit');
  expect(walk.mock.calls.map((c) => c[1])).toEqual([2, 3]);
  walk.mockClear();
  // A word the index has is corrected by one edit at most: never walked past two.
  const known = createSuggester(source(['outlook', 'outlok'], { outlook: 40, outlok: 1 }));
  expect(known.correct('outlok')).toBe('outlook');
  expect(walk.mock.calls.map((c) => c[1])).toEqual([2]);
  walk.mockClear();
  // Four letters: one edit, as before (excel is one of the dictionary's loanwords).
  expect(s.correct('exel')).toBe('excel');
  expect(walk.mock.calls.map((c) => c[1])).toEqual([1]);
});

test('corrections equal those of a scan of every word with the same rules', () => {
  const words = ['vlookup', 'hlookup', 'xlookup', 'iferror', 'sumifs', 'sumproduct', 'powerpoint', 'powershell', 'outlook',
    'onedrive', 'sharepoint', 'teams', 'template', 'password', 'hyperlink', 'printer', 'filter', 'msgbox', 'access', 'excel'];
  const docs: Record<string, number> = Object.fromEntries(words.map((w, i) => [w, 1 + ((i * 7) % 11)]));
  const s = createSuggester(source(words, docs));
  const all = [...new Set([...words, ...latinLoanwords()])];
  const loan = new Set(latinLoanwords().filter((w) => !words.includes(w)));
  const scan = (word: string): string | null => {
    if (loan.has(word)) return null;
    const own = words.includes(word) ? docs[word] : -1;
    const limit = own >= 0 ? 1 : Math.max(1, Math.round(word.length / 4));
    // The walk's bound before this round: Levenshtein about 0.4 of the word, at most 3.
    const lev = Math.min(3, Math.round(word.length * (word.length >= 5 ? 0.4 : 0.25)));
    let best: { w: string; d: number; u: number; n: number } | null = null;
    for (const w of all) {
      if (w === word || Math.abs(w.length - word.length) > lev || levenshtein(word, w) > lev) continue;
      const d = editDistance(word, w);
      if (d > limit || (best && d > best.d)) continue;
      // Then the sounds Japanese does not tell apart (b/v, l/r) before the others, then the tips holding it.
      const u = unlikeSounds(word, w);
      if (best && d === best.d && u > best.u) continue;
      const n = docs[w] ?? 0;
      if (own >= 0 && n <= 2 * own) continue;
      if (!best || d < best.d || u < best.u || n > best.n) best = { w, d, u, n };
    }
    return best?.w ?? null;
  };
  // Typos made by rule from each word: a swap, a dropped, doubled or replaced letter, two of them.
  let seed = 7;
  const rand = (n: number) => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; };
  const typo = (w: string) => {
    const i = rand(w.length - 1);
    const k = rand(4);
    return k === 0 ? w.slice(0, i) + w[i + 1] + w[i] + w.slice(i + 2) : k === 1 ? w.slice(0, i) + w.slice(i + 1)
      : k === 2 ? w.slice(0, i) + w[i] + w.slice(i) : w.slice(0, i) + 'aeiou'[rand(5)] + w.slice(i + 1);
  };
  let checked = 0;
  for (const w of words) for (let r = 0; r < 12; r++) {
    const t = r < 6 ? typo(w) : typo(typo(w));
    if (!/^[a-z][a-z0-9]{3,39}$/.test(t)) continue;
    const want = scan(t);
    const got = s.correct(t);
    // Ties between words equally close and equally held may go either way; the distance may not.
    if (got !== want) expect([t, got && editDistance(t, got), got && docs[got]]).toEqual([t, want && editDistance(t, want), want && docs[want]]);
    checked++;
  }
  expect(checked).toBeGreaterThan(150);
});

function levenshtein(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length];
}

test('sounds one kana writes break a tie (pibot → pivot, not picot); a letter left out is no such slip (powr → power, the tips\' word, not poor)', () => {
  const loans = new Set(latinLoanwords());
  expect(loans.has('pivot') && loans.has('picot') && loans.has('poor')).toBe(true);
  const s = createSuggester(source(['power', 'automate', 'table']));
  expect(s.correct('pibot')).toBe('pivot');
  expect(s.correct('powr')).toBe('power');
});
