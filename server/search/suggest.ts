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
import { normalize } from './normalize';
import { pieces } from './tokenize';

export interface SuggestSource { id: number; title: string; tags: string; popularity: number }

interface Word { id: string; count: number }

const isLatinWord = (term: string) => /^[a-z][a-z0-9]{2,39}$/.test(term);
export const correctable = (term: string) => /^[a-z][a-z0-9]{3,39}$/.test(term);

function latinWords(doc: Pick<SuggestSource, 'title' | 'tags'>): string[] {
  return pieces(normalize(`${doc.title} ${doc.tags}`)).filter((p) => !p.cjk && isLatinWord(p.text)).map((p) => p.text);
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
      const results = idx.search(word, {
        prefix: false, fuzzy: 0.25, maxFuzzy: 3,
        boostDocument: (_id, _term, stored) => 1 + Math.log1p(Number(stored?.count ?? 0)) / 10,
      });
      return results.length ? String(results[0].id) : null;
    },
    size: () => { ready(); return counts.size; },
  };
}

export type Suggester = ReturnType<typeof createSuggester>;
