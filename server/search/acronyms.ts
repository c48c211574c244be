/**
 * Acronyms of the names tips write in full (PAD: Power Automate for desktop, RPA: Robotic Process
 * Automation): found in the tips' own titles, so an organization's names need no list. A query word
 * of ACRONYM letters that no tip holds is looked for as the initials of adjacent Latin words of a
 * title (`nearExpression`, answered by the titles' full-text table), a name's function words
 * skipped (for, of, the …: a closed class of English grammar); the name as the titles write it most
 * often is the expansion (service.ts offers it as a correction, as typos are).
 */

/**
 * What may be an acronym: three to five Latin letters. Two are too many things (PC: Power Center in
 * a title, where the tips say パソコン).
 */
export const ACRONYM = /^[a-z]{3,5}$/;
/** English function words a name's initials skip (Power Automate for desktop: PAD). */
const SKIPPED = new Set(['a', 'an', 'the', 'of', 'for', 'and', 'to', 'in', 'on', 'at', 'by', 'with', 'from']);
/** A Latin word of a title, and the space after it (only spaces may part a name's words). */
const WORD = /[A-Za-z][A-Za-z0-9]*/g;

/**
 * An FTS5 expression for titles with words starting with the letters near one another (one word
 * between each two: a function word), in any order; titles are verified by `expansionIn`.
 */
export function nearExpression(acronym: string): string | null {
  if (!ACRONYM.test(acronym)) return null;
  return `NEAR(${[...acronym].map((c) => `${c}*`).join(' ')}, ${acronym.length - 1})`;
}

/**
 * The expressions to read titles by: the letters' words adjacent and in order (a phrase of
 * prefixes: Power Automate Desktop), and near one another (Power Automate for desktop). The newest
 * titles the near one finds may all be others whose words merely start with the letters, in any
 * order (Data Analysis Platform for PAD): the phrase's titles are read too, so that they do not
 * crowd out a name written with its words together.
 */
export function acronymExpressions(acronym: string): string[] {
  const near = nearExpression(acronym);
  return near === null ? [] : [[...acronym].map((c) => `${c}*`).join(' + '), near];
}

/**
 * The words of `title` whose initials spell `acronym` (function words skipped, never first or last),
 * adjacent and parted by spaces only, as the title writes them; null when there are none.
 */
export function expansionIn(acronym: string, title: string): string | null {
  const text = title.normalize('NFKC');
  const words = [...text.matchAll(WORD)].map((m) => ({ w: m[0].toLowerCase(), at: m.index, end: m.index + m[0].length }));
  /**
   * The index of the word that ends the name, when words from `j` on spell the acronym from letter
   * `k`. Each (j, k) answered once: a title of function words (a a a … a、b) has paths without number.
   */
  const known = new Map<number, number | null>();
  const spell = (j: number, k: number): number | null => {
    const key = j * acronym.length + k;
    const seen = known.get(key);
    if (seen !== undefined) return seen;
    const end = spellFrom(j, k);
    known.set(key, end);
    return end;
  };
  const spellFrom = (j: number, k: number): number | null => {
    if (j >= words.length || (k > 0 && !/^ +$/.test(text.slice(words[j - 1].end, words[j].at)))) return null;
    if (words[j].w[0] === acronym[k]) {
      if (k === acronym.length - 1) return j;
      const end = spell(j + 1, k + 1);
      if (end !== null) return end;
    }
    // A function word inside the name (Power Automate for desktop), not its first word.
    return k > 0 && SKIPPED.has(words[j].w) ? spell(j + 1, k) : null;
  };
  for (let i = 0; i < words.length; i++) {
    const end = spell(i, 0);
    if (end !== null && end > i) return text.slice(words[i].at, words[end].end);
  }
  return null;
}

/** The expansion most of the titles write (the first of them on a tie); null when none does. */
export function commonExpansion(acronym: string, titles: readonly string[]): string | null {
  const counts = new Map<string, { n: number; first: number; written: string }>();
  titles.forEach((title, i) => {
    const e = expansionIn(acronym, title);
    if (e === null) return;
    const key = e.toLowerCase();
    const c = counts.get(key);
    if (c) c.n++;
    else counts.set(key, { n: 1, first: i, written: e });
  });
  let best: { n: number; first: number; written: string } | null = null;
  for (const c of counts.values()) if (!best || c.n > best.n || (c.n === best.n && c.first < best.first)) best = c;
  return best?.written ?? null;
}
