/**
 * Katakana spellings of English words, derived at build time from EDICT (EDRDG, CC BY-SA 4.0) by
 * `scripts/derive-loanwords.ts`: a katakana headword glossed by one English word that it sounds
 * like (offline → オフライン, merge → マージ, schedule → スケジュール; see the script for the sound
 * check and docs/search.md for its measured precision). Checked in as `data/edict-loanwords.json`
 * (see `data/README.md`), read from the project's own folder at start. The Sudachi synonym dictionary
 * (lexicon.ts) pairs Latin words with katakana too, but only some (it has pivot/ピボット, not
 * offline/オフライン): this is the second resource for the same kind of spelling, for the words
 * Sudachi lacks (the table holds only those) — the katakana is the word itself (query.ts, first
 * tier). Its English words are not typo targets (rare ones took corrections from common ones).
 */
import { readData } from './data-file';
import { normalize } from './normalize';

const table = readData<{ katakana: Record<string, string> }>('edict-loanwords.json').katakana;

/** The katakana spellings (as EDICT writes them, best first) of a lower-case English word. */
export function katakanaOf(latin: string): string[] {
  return Object.hasOwn(table, latin) ? table[latin].split(' ') : [];
}

/** Every English word of the table (tests read them to make cases from the table, not from a list). */
export function englishLoanwords(): string[] {
  return Object.keys(table);
}

/** The table's katakana, normalized: ~12,000 normalizations (~50–100 ms), so built before the first search (warmLoanwords). */
let spellings: Set<string> | null = null;

/** Builds the normalized spellings now: each thread calls this at start, as it warms the lexicon. */
export function warmLoanwords(): void {
  spellings ??= new Set(Object.values(table).flatMap((v) => v.split(' ')).map(normalize));
}

/** Whether a normalized katakana word is the spelling of one of the table's loanwords (スケジュル, マジ). */
export function isLoanwordKatakana(katakana: string): boolean {
  warmLoanwords();
  return spellings!.has(katakana);
}
