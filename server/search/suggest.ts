/**
 * Typo tolerance: MiniSearch held in memory over the vocabulary of Latin words in the titles and
 * tags of published tips (vlookup, outlook, sumifs…), with fuzzy matching, so a mistyped word
 * (VLOKUP, Outlok) can be replaced by the word the tips use. Suggestions then look the corrected
 * words up in the title index (titles.ts), and didYouMean runs them through the full-text index.
 *
 * Why words and not whole titles: MiniSearch scores every document a term matches, and at
 * 100,000 tips a common word matches tens of thousands of titles (tens of milliseconds a
 * keystroke); the vocabulary is a few thousand words, so a fuzzy lookup stays far below a
 * millisecond. Titles themselves are matched by the title index (titles.ts).
 *
 * It follows writes lazily: a tip write only marks the tip dirty (inside the write's
 * transaction) and the next read adds the words of the dirty tips as they are in the database
 * then, so a write that rolls back adds nothing. Words are never removed: a word that no
 * published tip uses any more only costs a correction that then finds nothing and is dropped.
 */
import MiniSearch from 'minisearch';
import { latinLoanwords } from './lexicon';
import { normalize } from './normalize';
import { pieces } from './tokenize';

export interface SuggestSource { id: number; title: string; tags: string; popularity: number }

interface Word { id: string; count: number }

const isLatinWord = (term: string) => /^[a-z][a-z0-9]{2,39}$/.test(term);
export const correctable = (term: string) => /^[a-z][a-z0-9]{3,39}$/.test(term);

function latinWords(doc: Pick<SuggestSource, 'title' | 'tags'>): string[] {
  return pieces(normalize(`${doc.title} ${doc.tags}`)).filter((p) => !p.cjk && isLatinWord(p.text)).map((p) => p.text);
}

/** Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours. */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

export function createSuggester(load: {
  all: () => Iterable<SuggestSource>;
  one: (id: number) => SuggestSource | null;
}) {
  const dirty = new Set<number>();
  const counts = new Map<string, number>();
  let index: MiniSearch<Word> | null = null;

  const make = () => new MiniSearch<Word>({
    fields: ['id'],
    storeFields: ['count'],
    tokenize: (text) => [text],
    processTerm: (term) => term,
  });

  function addWords(words: string[]) {
    for (const w of words) {
      const n = counts.get(w);
      counts.set(w, (n ?? 0) + 1);
      if (n === undefined) index?.add({ id: w, count: 1 });
    }
  }

  function ready(): MiniSearch<Word> {
    if (!index) {
      counts.clear();
      for (const doc of load.all()) for (const w of latinWords(doc)) counts.set(w, (counts.get(w) ?? 0) + 1);
      // The Latin spellings of loanwords the dictionary knows (pivot for ピボット, printer for
      // プリンター), so a mistyped one is corrected to a word the tips write in katakana.
      for (const w of latinLoanwords()) if (!counts.has(w)) counts.set(w, 0);
      index = make();
      index.addAll([...counts].map(([id, count]) => ({ id, count })));
      dirty.clear();
    }
    for (const id of dirty) {
      const doc = load.one(id);
      if (doc) addWords(latinWords(doc));
    }
    dirty.clear();
    return index;
  }

  return {
    /** Called inside a tip write's transaction; the change is read on the next lookup. */
    touch(id: number) { if (index) dirty.add(id); },
    /** Builds the vocabulary now (at start-up) rather than on the first keystroke. */
    warm() { ready(); },
    reset() { index = null; dirty.clear(); },
    /** Whether titles or tags use this word as it is. */
    known(word: string): boolean { ready(); return counts.has(word); },
    /**
     * The closest word of titles and tags to a mistyped one (edit distance up to about a
     * quarter of its length), the more frequent on a tie; null if there is none or it is known.
     */
    correct(word: string): string | null {
      if (!correctable(word)) return null;
      const idx = ready();
      if (counts.has(word)) return null;
      // Candidates within two edits (MiniSearch's Levenshtein), then the closest by edit distance
      // counting a swap of two neighbours as one edit (pivto → pivot, not pistol), the more
      // frequent on a tie; at most a quarter of the word's letters (at least one).
      const results = idx.search(word, { prefix: false, fuzzy: word.length >= 5 ? 0.4 : 0.25, maxFuzzy: 3 });
      const limit = Math.max(1, Math.round(word.length / 4));
      let best: { w: string; d: number; n: number } | null = null;
      for (const r of results) {
        const w = String(r.id);
        const d = editDistance(word, w);
        const n = counts.get(w) ?? 0;
        if (d > limit) continue;
        if (!best || d < best.d || (d === best.d && n > best.n)) best = { w, d, n };
      }
      return best ? best.w : null;
    },
    size: () => { ready(); return counts.size; },
  };
}

export type Suggester = ReturnType<typeof createSuggester>;
