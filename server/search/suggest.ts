/**
 * Typo tolerance: MiniSearch's radix tree (SearchableMap) held in memory over the Latin words of
 * the search index — titles, tags and bodies: the word list `search_vocab` that prefix completion uses (store.ts), so one
 * list of the index's words serves both — plus the Latin spellings of the loanwords the
 * dictionary knows (pivot for ピボット), with fuzzy matching, so a mistyped word (VLOKUP, Outlok,
 * IFEROR written only in bodies, calender for a tip that says カレンダー) can be replaced by a
 * word the tips use; and the katakana words of titles and tags (ピボットテーブル), so a romaji typo
 * through the IME (ピポットテーブル) can be replaced by the title's word (katakanaCandidates). Suggestions then look the corrected words up in the title index
 * (titles.ts), and searches run the corrected query through the full-text index (service.ts).
 *
 * Why words and not whole titles: MiniSearch scores every document a term matches, and at
 * 100,000 tips a common word matches tens of thousands of titles; the vocabulary is words, so a
 * fuzzy lookup stays far below a millisecond. A tie between candidates goes to the word more
 * tips hold (FTS5's own counts, looked up for the few candidates only).
 *
 * It follows writes: words new to the index are handed over by the store as tips are indexed
 * (`fresh`, on the connection that writes), and a connection that only reads (the search
 * threads) reads the word list again when another connection has committed since, at most once
 * every REFRESH_MS. Words are never removed: a word no published tip uses any more only costs a
 * correction that then finds nothing and is dropped.
 */
import SearchableMap from 'minisearch/SearchableMap';
import { clippedForms } from './clipped';
import { latinLoanwords } from './lexicon';
import { normalize } from './normalize';
import { katakanaKey } from './tokenize';

/** A reading connection looks for words committed by the writer at most this often. */
export const REFRESH_MS = 10_000;

/** A tip's title and tags with its popularity (the title index's source, titles.ts). */
export interface SuggestSource { id: number; title: string; tags: string; popularity: number }

export const correctable = (term: string) => /^[a-z][a-z0-9]{3,39}$/.test(term);

/** Levenshtein edits a lookup allows: 0.4 of a word of 5 letters or more, 0.25 of a shorter one, rounded, at most 3 (MiniSearch's `fuzzy` and `maxFuzzy` as they were set). */
export const maxEdits = (word: string) => Math.min(3, Math.round(word.length * (word.length >= 5 ? 0.4 : 0.25)));

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

/** Sounds Japanese writes with one kana (バ for ba and va, ラ for ra and la): a typist's likely slips. */
const ALIKE = new Set(['bv', 'vb', 'lr', 'rl']);

/**
 * The edits between two words that are not a pair of ALIKE sounds: for words of one length, the
 * letters at which they differ otherwise (pibot/pivot 0, pibot/picot 1); for other lengths, their
 * edit distance (an inserted or dropped letter is no slip of sound: powr/power is as close as powr/poor).
 */
export function unlikeSounds(a: string, b: string): number {
  if (a.length !== b.length) return editDistance(a, b);
  let n = 0;
  for (let i = 0; i < a.length; i++) {
    if (a[i] === b[i] || ALIKE.has(a[i] + b[i])) continue;
    n++;
    // Two neighbours swapped are one slip, as editDistance counts them (tabel/table 1, as tabel/label).
    if (i + 1 < a.length && a[i] === b[i + 1] && a[i + 1] === b[i]) i++;
  }
  return n;
}

/**
 * A Latin word as a Japanese ear hears it: the sounds katakana writes alike merged (th → s as in
 * ス, v → b, l → r, ph → f, ck → k). Two spellings of one sound count as no edit (uipas: uipath).
 */
export function heardAs(word: string): string {
  return word.replace(/th/g, 's').replace(/ph/g, 'f').replace(/ck/g, 'k').replace(/v/g, 'b').replace(/l/g, 'r');
}

export interface VocabularySource {
  /** Every Latin word of the index (search_vocab). */
  words: () => Iterable<string>;
  /** The katakana words of titles and tags as written (search_vocab): ピボットテーブル. */
  katakana?: () => Iterable<string>;
  /** Words added to the index on this connection since the last call (drained); null: too many, read `words` again. */
  fresh?: () => string[] | null;
  /** Changes when another connection commits (PRAGMA data_version). */
  version?: () => number;
  /** Tips holding a word (ties between candidates). */
  docs: (word: string) => number;
}

export function createSuggester(load: VocabularySource, opts: { now?: () => number } = {}) {
  const now = opts.now ?? Date.now;
  // Every word of the vocabulary, with where it comes from: a Latin word of the index (true), one
  // of the dictionary's loanwords the index does not have as they are (false), or a katakana word
  // of a title or tag, keyed by its normalized form, with a spelling to show (ピボツトテブル →
  // ピボットテーブル). The tree is the one list: membership and kind are read from it, not from
  // sets beside it.
  let index: SearchableMap<boolean | string> | null = null;
  let version = -1;
  let refreshed = 0;
  // Tips per word (a lookup reads the word's doclist: ~6 ms for a word in half the tips at
  // 100,000), kept for REFRESH_MS: they only break ties.
  const docCounts = new Map<string, number>();
  let countedAt = 0;
  const docs = (w: string) => {
    if (now() - countedAt >= REFRESH_MS) { docCounts.clear(); countedAt = now(); }
    let n = docCounts.get(w);
    if (n === undefined) docCounts.set(w, n = load.docs(w));
    return n;
  };

  // The radix tree alone, not a MiniSearch index of one-word documents: the same fuzzy lookup
  // (MiniSearch's search calls it) without a document table, field lengths and per-term postings,
  // 2.6 MB instead of 11.4 MB for the 11,807 words of the bench's 100,000 tips, in every search
  // thread (docs/search.md, Serving: memory).
  // Katakana spellings already taken: a refresh reads every word again (below), and normalizing
  // each katakana word every time cost ~50 ms per thread at 20,000 words.
  const katakanaSeen = new Set<string>();
  // The clipped forms of those words (clipped.ts: スクリーンショット → スクシヨ), each to the words it clips, as written.
  const clips = new Map<string, string[]>();
  function put(tree: SearchableMap<boolean | string>, w: string) {
    if (correctable(w)) {
      if (!tree.has(w)) tree.set(w, true);
      return;
    }
    const c = w.charCodeAt(0);
    if (c < 0x30a0 || c > 0x30ff || katakanaSeen.has(w)) return;
    katakanaSeen.add(w);
    const key = normalize(w);
    if (katakanaKey.test(key) && !tree.has(key)) tree.set(key, w);
    for (const c of clippedForms(w)) {
      const list = clips.get(c) ?? clips.set(c, []).get(c)!;
      if (list.length < 3 && !list.includes(w)) list.push(w);
    }
  }
  function add(w: string) {
    if (index) put(index, w);
  }
  const allWords = function* () {
    yield* load.words();
    if (load.katakana) yield* load.katakana();
  };

  function ready(): SearchableMap<boolean | string> {
    if (!index) {
      const tree = new SearchableMap<boolean | string>();
      for (const w of allWords()) put(tree, w);
      load.fresh?.();
      for (const w of latinLoanwords()) if (!tree.has(w)) tree.set(w, false);
      index = tree;
      version = load.version?.() ?? -1;
      refreshed = now();
      return index;
    }
    const fresh = load.fresh ? load.fresh() : [];
    if (fresh === null) for (const w of allWords()) add(w);
    else for (const w of fresh) add(w);
    if (load.version && now() - refreshed >= REFRESH_MS) {
      refreshed = now();
      const v = load.version();
      if (v !== version) {
        version = v;
        for (const w of allWords()) add(w);
      }
    }
    return index;
  }

  /**
   * The closest words, best first (`correct` is the first): those tied at the fewest edits, the
   * word more tips hold first. A loanword the tips write only in katakana has no count of its own
   * (slicr: slice, slicer, slick — the tips say スライサー), so the caller tries them in order.
   */
  function corrections(word: string): string[] {
    if (!correctable(word)) return [];
    const idx = ready();
    const kind = idx.get(word);
    if (kind === false) return [];
    const own = kind === true ? docs(word) : -1;
    // At most `limit` edits counting a swap of two neighbours as one (pivto → pivot, not pistol).
    const limit = own >= 0 ? 1 : Math.max(1, Math.round(word.length / 4));
    // Candidates from the radix tree within as many Levenshtein edits as that can take (a swap
    // is two), and never more than `maxEdits`. The tree is walked to two edits first: every word
    // one swap-aware edit away is within them, and a word found only at three edits is two or
    // more away, so it cannot beat one found there (powerpont: a walk to three edits cost ~1 ms
    // of the keystroke's 2–4 ms; powerpoint is one edit away).
    const maxLev = Math.min(2 * limit, maxEdits(word));
    if (maxLev < 1) return [];
    const heard = heardAs(word);
    const within = (lev: number) => {
      const out: { w: string; d: number }[] = [];
      for (const w of idx.fuzzyGet(word, lev).keys()) {
        if (w === word) continue;
        // Edits as typed, or as heard (the sounds one kana writes merged on both sides).
        const d = Math.min(editDistance(word, w), editDistance(heard, heardAs(w)));
        if (d <= limit) out.push({ w, d });
      }
      return out;
    };
    let found = within(Math.min(2, maxLev));
    if (maxLev > 2 && !found.some((f) => f.d <= 1)) found = within(maxLev);
    if (found.length === 0) return [];
    // The fewest edits; then the word more tips hold, counted only for those (a count reads the
    // word's doclist), the first found on a tie.
    const d = Math.min(...found.map((f) => f.d));
    // On a tie, the candidate whose letters differ only where Japanese does not tell sounds apart
    // (b/v, l/r: pibot is pivot, not picot) before the others.
    const closest = found.filter((f) => f.d === d).map((f) => ({ ...f, u: unlikeSounds(word, f.w) }));
    const least = Math.min(...closest.map((f) => f.u));
    const tied = closest.filter((f) => f.u === least);
    if (own < 0 && tied.length === 1) return [tied[0].w];
    // Held by as many tips (loanwords the tips write in katakana: none), the likelier typo first:
    // letters swapped or one changed, not one left out or added (tabel: table, not tabe), and the
    // first letter kept (tabel: table, not label; sheat: sheet, not seat) — else the order found.
    const likely = (w: string) => (w.length === word.length ? 0 : 1) + (w[0] === word[0] ? 0 : 1);
    const counted = tied.map((f, i) => ({ w: f.w, n: docs(f.w), i, l: likely(f.w) })).filter((f) => own < 0 || f.n > 2 * own);
    return counted.sort((a, b) => b.n - a.n || a.l - b.l || a.i - b.i).map((f) => f.w);
  }

  return {
    /** Kept for the engine's write events: new words arrive through `fresh`. */
    touch(_id: number) { /* words come from the store */ },
    /** Builds the vocabulary now (at start-up) rather than on the first keystroke. */
    warm() { ready(); },
    reset() { index = null; katakanaSeen.clear(); clips.clear(); },
    /** Whether the index (or the dictionary, as a loanword) has this word as it is (a katakana word: normalized). */
    known(word: string): boolean { return ready().has(word); },
    /** Whether the word is one of the dictionary's loanwords the index does not have as it is (pivot). */
    isLoanword(word: string): boolean { return ready().get(word) === false; },
    /**
     * The closest word of the index (or the dictionary's loanwords) to a mistyped one: edit
     * distance up to about a quarter of its length, the word more tips hold on a tie; null if
     * there is none. A loanword is never corrected; a word the index has only when candidates
     * at one edit are held by more than twice as many tips (a typo written in a tip or two).
     */
    correct(word: string): string | null {
      return corrections(word)[0] ?? null;
    },
    corrections,
    /**
     * The katakana words of titles and tags closest to a normalized katakana word no title or tag
     * has (ピポツトテブル, ピボトテブル: a romaji typo through the IME), as written there
     * (ピボットテーブル), best first, at most `max`; none when the word is one. One edit (insertion,
     * deletion, substitution, swap of neighbours) for a word of up to seven letters after
     * normalization, two from eight; ranked by edits, then nearness in length, then order. Whether
     * the tips hold the word itself (in a body), or still hold a candidate, is the caller's question.
     */
    katakanaCandidates(word: string, max = 3): string[] {
      if (!katakanaKey.test(word)) return [];
      const idx = ready();
      if (idx.has(word)) return [];
      const limit = word.length >= 8 ? 2 : 1;
      // Levenshtein counts a swap of neighbours as two edits: the tree is walked that far, then
      // each candidate measured with swaps as one — to two edits first, and to three (a swap and
      // one more edit) only when nothing one edit away was found, as `correct` does.
      const within = (lev: number) => {
        const out: { surface: string; d: number; gap: number; key: string }[] = [];
        for (const [key, [value]] of idx.fuzzyGet(word, lev)) {
          if (typeof value !== 'string') continue;
          const d = editDistance(word, key);
          if (d <= limit) out.push({ surface: value, d, gap: Math.abs(key.length - word.length), key });
        }
        return out;
      };
      let found = within(Math.min(2, 2 * limit));
      if (limit > 1 && !found.some((f) => f.d <= 1)) found = within(3);
      return found
        .sort((a, b) => a.d - b.d || a.gap - b.gap || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))
        .slice(0, max)
        .map((f) => f.surface);
    },
    /** The katakana word of a title or tag as written there (ユーザーフォーム) for its normalized form, or null. */
    katakanaSurface(key: string): string | null {
      const v = ready().get(key);
      return typeof v === 'string' ? v : null;
    },
    /**
     * The katakana words of titles and tags that a normalized word clips (スクシヨ → スクリーンショット,
     * clipped.ts), as written there; none when the word is one of them.
     */
    unclipped(word: string): string[] {
      const idx = ready();
      return idx.has(word) ? [] : clips.get(word) ?? [];
    },
    size: () => ready().size,
  };
}

export type Suggester = ReturnType<typeof createSuggester>;
