/**
 * Kanji spellings of words by their reading in hiragana, derived at build time from EDICT (EDRDG,
 * CC BY-SA 4.0) by `scripts/derive-readings.ts`: common words and words of the wiki's subjects
 * (computing, mathematics, law, finance …), best first. A word typed and left unconverted (the
 * IME's Enter pressed too soon: しゅうけい, かんすう, とりだしたい) is matched in kanji too (集計,
 * 関数, 取り出す) — query.ts, first tier, as another spelling of the same word. Checked in as
 * `data/edict-readings.json` (see `data/README.md`), read from the project's own folder at start.
 * Keys and spellings are as the search looks up and matches words (normalize.ts; a verb or
 * adjective without the kana that conjugates, as query.ts stems what is typed).
 */
import { readData } from './data-file';
import { LineTable } from './line-table';

const table = LineTable.parse(readData<string>('edict-readings.json'));

/** The kanji spellings (best first) of a normalized hiragana reading; none when the dictionary has none. */
export function kanjiOf(reading: string): string[] {
  return table.get(reading)?.split(' ') ?? [];
}

/** Whether a hiragana run is the reading of a word the table knows. */
export const isReading = (s: string): boolean => table.get(s) !== undefined;

/** Whether some reading of the table starts with `s` (a longer run from here may still be a word). */
export const startsReading = (s: string): boolean => table.hasPrefix(s);

/** The kanji spellings of every reading that starts with `prefix` (なん: 何人, 何年, 何回). */
export function spellingsOfReadingsFrom(prefix: string): string[] {
  return [...table.withPrefix(prefix)].flatMap(([, v]) => v.split(' '));
}

/** Every reading and its spellings (tests make their cases from the table itself). */
export function* readings(): IterableIterator<[string, string[]]> {
  for (const [k, v] of table.entries()) yield [k, v.split(' ')];
}
