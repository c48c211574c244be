/**
 * Katakana spellings of English words, derived at build time from EDICT (EDRDG, CC BY-SA 4.0) by
 * `scripts/derive-loanwords.ts`: a katakana headword glossed by one English word that it sounds
 * like (offline → オフライン, merge → マージ, schedule → スケジュール; see the script for the sound
 * check and docs/search.md for its measured precision). Checked in as `data/edict-loanwords.json`
 * (see `data/README.md`); nothing is read from outside at run time. The Sudachi synonym dictionary
 * (lexicon.ts) pairs Latin words with katakana too, but only some (it has pivot/ピボット, not
 * offline/オフライン): this is the second resource for the same kind of spelling, used the same way —
 * the katakana is the word itself (query.ts, first tier) and its English a typo target (suggest.ts).
 */
import data from './data/edict-loanwords.json';

const table = (data as { katakana: Record<string, string> }).katakana;

/** The katakana spellings (as EDICT writes them, best first) of a lower-case English word. */
export function katakanaOf(latin: string): string[] {
  return Object.hasOwn(table, latin) ? table[latin].split(' ') : [];
}

/** Every English word with a katakana spelling (typo targets beside the Sudachi loanwords). */
export function englishLoanwords(): string[] {
  return Object.keys(table);
}
