/**
 * Suggestions while typing: MiniSearch held in memory over the titles and tags of published
 * tips, with the same normalization and tokens as the full-text index, the last word matched as
 * a prefix and Latin words of four or more letters matched fuzzily (VLOKUP → VLOOKUP).
 *
 * It follows writes lazily: a tip write only marks the tip dirty (inside the write's
 * transaction), and the next read re-reads the dirty tips from the database. A write that rolls
 * back therefore never leaves the memory index ahead of the database, and every suggestion is
 * checked against the database before it leaves (a hidden tip is never suggested).
 */
import MiniSearch, { type SearchResult } from 'minisearch';
import { normalize } from './normalize';
import { pieces, pieceTokens } from './tokenize';

export interface SuggestDoc { id: number; title: string; tags: string; popularity: number }

const tokenize = (text: string) => pieces(normalize(text)).flatMap(pieceTokens);
const isLatinWord = (term: string) => /^[a-z][a-z0-9]{3,}$/.test(term);

export function createSuggester(load: {
  all: () => Iterable<SuggestDoc>;
  one: (id: number) => SuggestDoc | null;
}) {
  const dirty = new Set<number>();
  let index: MiniSearch<SuggestDoc> | null = null;

  const make = () => new MiniSearch<SuggestDoc>({
    fields: ['title', 'tags'],
    storeFields: ['popularity'],
    tokenize,
    processTerm: (term) => term,
    searchOptions: {
      boost: { title: 2 },
      combineWith: 'AND',
      prefix: (_term, i, terms) => i === terms.length - 1,
      fuzzy: (term) => (isLatinWord(term) ? 0.2 : false),
      maxFuzzy: 2,
      boostDocument: (_id, _term, stored) => 1 + Math.min(0.3, Math.log1p(Number(stored?.popularity ?? 0)) / 25),
    },
  });

  function ready(): MiniSearch<SuggestDoc> {
    if (!index) {
      index = make();
      index.addAll([...load.all()]);
      dirty.clear();
    }
    for (const id of dirty) {
      if (index.has(id)) index.discard(id);
      const doc = load.one(id);
      if (doc) index.add(doc);
    }
    dirty.clear();
    return index;
  }

  return {
    /** Called inside a tip write's transaction; the change is applied on the next read. */
    touch(id: number) { if (index) dirty.add(id); },
    /** Builds the memory index now (at start-up) rather than on the first keystroke. */
    warm() { ready(); },
    reset() { index = null; dirty.clear(); },
    search(q: string, limit: number): SearchResult[] {
      if (tokenize(q).length === 0) return [];
      return ready().search(q).slice(0, limit);
    },
    /** The closest indexed Latin word to a mistyped one, if any (for didYouMean). */
    correct(word: string): string | null {
      if (!isLatinWord(word)) return null;
      const results = ready().search(word, {
        prefix: false, fuzzy: 0.34, maxFuzzy: 3, combineWith: 'OR',
      }).slice(0, 20);
      const votes = new Map<string, number>();
      for (const r of results) {
        for (const term of r.terms) if (term !== word && /^[a-z]/.test(term)) votes.set(term, (votes.get(term) ?? 0) + r.score);
      }
      let best: string | null = null;
      let bestScore = 0;
      for (const [term, score] of votes) if (score > bestScore) { best = term; bestScore = score; }
      return best;
    },
    size: () => ready().documentCount,
  };
}

export type Suggester = ReturnType<typeof createSuggester>;
