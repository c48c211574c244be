/**
 * Which word a tip in `partial` (all the words but one) lacks, to say so beside it: 「集計」を含まない;
 * and words named in the reader's own letters (asTypedIn, inReadersCase).
 * The tip's title, tags and text, normalized, are looked through with each required word's
 * highlighter (the word, its other spellings and synonyms, as snippets mark them): the one word
 * none of them finds is the missing one. None is named when every word is found in the text (the
 * index matched a word the highlighter does not see) or more than one is not.
 */
import { normalize } from './normalize';
import type { Term } from './query';
import { highlighter, plainText } from './snippet';

export type MissingWord = (tip: { title: string; tags: readonly string[]; html: string }) => string | null;

/** The test for the word a tip lacks among `terms`; each word's highlighter is built once, for every tip. */
export function missingWord(terms: readonly Term[]): MissingWord {
  const lacks = missingWords(terms);
  return (tip) => {
    const words = lacks(tip);
    return words.length === 1 ? words[0] : null;
  };
}

/**
 * Every word of `terms` a tip lacks (a sentence answered by any of its words: a tip may lack
 * several), named as missingWord names one; none when the tip seems to lack every word (the index
 * matched a word the highlighters do not see).
 */
export function missingWords(terms: readonly Term[]): (tip: Parameters<MissingWord>[0]) => string[] {
  const finders = terms.flatMap((t) => { const re = highlighter([t]); return re ? [{ t, re }] : []; });
  return (tip) => {
    const text = normalize(`${tip.title}\n${tip.tags.join(' ')}\n${plainText(tip.html)}`);
    const missing: Term[] = [];
    for (const { t, re } of finders) {
      re.lastIndex = 0;
      if (!re.test(text)) missing.push(t);
    }
    if (missing.length === terms.length) return [];
    return [...new Set(missing.flatMap((t) => { const w = t.typed ?? t.highlights[0]; return w ? [w] : []; }))];
  };
}

/**
 * The terms with each word named as the reader typed it: `typed` is folded (vlookup for VLOOKUP,
 * ｖｌｏｏｋｕｐ), so the query's own letters are found again — the stretch of `raw` that folds to the
 * word (a window of as many letters: width and case folding keep their number). Unchanged when none
 * does (a word the pipeline rewrote).
 */
export function asTypedIn(raw: string, terms: readonly Term[]): Term[] {
  const chars = Array.from(raw);
  return terms.map((t) => {
    if (!t.typed) return t;
    const n = Array.from(t.typed).length;
    for (let i = 0; i + n <= chars.length; i++) {
      const window = chars.slice(i, i + n).join('');
      if (window !== t.typed && normalize(window) === t.typed) return { ...t, typed: window };
      if (window === t.typed) return t;
    }
    return t;
  });
}

/**
 * The corrected query with its Latin words in the reader's case: a word kept from the query in its
 * own letters (Excel), a correction in the pattern of the word typed in its place (VLOKUP →
 * VLOOKUP, Vlokup → Vlookup, vlokup → vlookup). Words recomposed or found otherwise stay folded.
 */
export function inReadersCase(q: string, corrected: string, fixes: ReadonlyMap<string, string>): string {
  const typed = new Map<string, string>();
  for (const w of q.normalize('NFKC').match(/[A-Za-z0-9]+/g) ?? []) if (!typed.has(w.toLowerCase())) typed.set(w.toLowerCase(), w);
  const pattern = (fix: string, like: string): string => {
    if (/[A-Z]/.test(like) && !/[a-z]/.test(like)) return fix.toUpperCase();
    if (/^[A-Z][^A-Z]*$/.test(like)) return fix[0].toUpperCase() + fix.slice(1);
    return fix;
  };
  return corrected.replace(/[a-z0-9]+/g, (w) => {
    const own = typed.get(w);
    if (own) return own;
    const source = typed.get(fixes.get(w) ?? '');
    return source ? pattern(w, source) : w;
  });
}
