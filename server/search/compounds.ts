/**
 * Latin compounds typed otherwise than the tips write them: two words the tips write as one
 * (one drive → onedrive, share point → sharepoint) and one word the tips write as two (powerquery
 * → power query). `known` says whether the index (or the dictionary, as a loanword) has a word.
 * Used on a query that found nothing (or only by leaving a word out), before single words are
 * corrected (service.ts); the corrected query is checked to find something before it is offered.
 */
const LATIN = /^[a-z][a-z0-9]*$/;
/** Each part of a split at least this long (no "a" + "ccess"). */
const MIN_PART = 3;
/** Most words one typed word is cut into (power automate desktop). */
const MAX_PARTS = 3;

export function recompose(text: string, known: (word: string) => boolean): string {
  const words = text.split(/(\s+)/u);
  // words: [word, space, word, space, …]; join a Latin word with the next when the two together are a word.
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    const next = words[i + 2];
    if (LATIN.test(w) && next !== undefined && LATIN.test(next) && !known(`${w} ${next}`) && known(w + next)) {
      out.push(w + next);
      i += 2;
      continue;
    }
    out.push(w);
  }
  return out.map((w) => (LATIN.test(w) && w.length >= 2 * MIN_PART && !known(w) ? split(w, known) ?? w : w)).join('');
}

/**
 * An unknown word as two known ones, cut nearest its middle; else as three (powerautomatedesktop →
 * power automate desktop: the first part known, the rest cut in two); null if there is no such cut.
 */
function split(word: string, known: (w: string) => boolean, parts = MAX_PARTS): string | null {
  const mid = word.length / 2;
  const cuts: number[] = [];
  for (let i = MIN_PART; i <= word.length - MIN_PART; i++) cuts.push(i);
  cuts.sort((a, b) => Math.abs(a - mid) - Math.abs(b - mid));
  for (const i of cuts) {
    const a = word.slice(0, i);
    const b = word.slice(i);
    if (known(a) && known(b)) return `${a} ${b}`;
  }
  if (parts <= 2) return null;
  for (let i = MIN_PART; i <= word.length - 2 * MIN_PART; i++) {
    const a = word.slice(0, i);
    if (!known(a)) continue;
    const rest = split(word.slice(i), known, parts - 1);
    if (rest !== null) return `${a} ${rest}`;
  }
  return null;
}
