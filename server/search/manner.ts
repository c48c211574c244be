/**
 * Words of manner (issue 19, eleventh round): how something is done, said before the verb —
 * 簡単に, 正確に, 効率的に (a na-adjective and に), 素早く, 細かく (an i-adjective's く form), 一気に (an
 * adverb). "VLOOKUPを簡単に使いたい" asks for VLOOKUP; a tip that never writes 簡単 still answers it,
 * so query.ts ranks such a word and does not require it, as it does intent words. The words come from
 * EDICT's parts of speech (common entries only), derived at build time by `scripts/derive-manner.ts`
 * into `data/edict-manner.json` (see `data/README.md`), read from the project's own folder at start.
 */
import { readData } from './data-file';
import { LineTable } from './line-table';
import { normalize } from './normalize';

const table = LineTable.parse(readData<string>('edict-manner.json'));

/** The longest stretch of a word before its ending that the dictionary has (簡単 of 簡単に). */
const LONGEST = 6;
/**
 * What follows a word and に or く that makes it the result, not the manner (黄色にする, 大きくなる,
 * 見やすく変える is still manner: only する and なる, in their forms, and the particle just after).
 */
const RESULT = /^(?:し|す|さ|せ|な)/u;

/**
 * The first word of manner in a run as typed: [before, the word with its ending, after], or null.
 * It begins with a kanji, after the run's start or a letter that is not one (a word of its own,
 * not the end of a longer compound: 非常に is 非常, not 常), is followed by the ending its part of
 * speech takes, and that ending is not followed by する or なる (黄色にしたい asks for yellow).
 */
export function mannerIn(run: string): [string, string, string] | null {
  const chars = Array.from(run);
  for (let k = 1; k < chars.length; k++) {
    const ending = chars[k];
    if (ending !== 'に' && ending !== 'く') continue;
    const after = chars.slice(k + 1).join('');
    if (RESULT.test(after)) continue;
    for (let j = Math.max(0, k - LONGEST); j < k; j++) {
      if (!/\p{sc=Han}/u.test(chars[j]) || (j > 0 && /\p{sc=Han}/u.test(chars[j - 1]))) continue;
      const word = chars.slice(j, k).join('');
      if (table.get(normalize(word))?.includes(ending)) return [chars.slice(0, j).join(''), word + ending, after];
    }
  }
  return null;
}

/**
 * Whether a span is one word of manner with its ending, nothing else (簡単に, 素早く), given what the
 * query has after it (`next`: the rest of its run and beyond, spaces included): not before する or
 * なる, there either — the segmenter cuts 大きく from したい in 文字を大きくしたい, and a reader types
 * 透明に したい apart; both ask for the result.
 */
export function isManner(span: string, next = ''): boolean {
  const found = mannerIn(span);
  return found !== null && found[0] === '' && found[2] === '' && !RESULT.test(next.replace(/^[\s\u3000]+/u, ''));
}

/** Every word of the table and the endings it takes (tests make their cases from the table itself). */
export function* mannerWords(): IterableIterator<[string, string]> {
  yield* table.entries();
}
