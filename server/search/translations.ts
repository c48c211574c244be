/**
 * The search's third synonym resource (issue 19, eighth round): words given as Japanese translations
 * of one sense of an English word in Wiktionary (via WikDict and FreeDict's English–Japanese
 * dictionary, CC BY-SA 3.0) — "log: chronological record" → ログ, 履歴, 記録. Derived at build time by
 * `scripts/derive-translations.ts` into `data/wiktionary-translations.json` (see `data/README.md`),
 * read from the project's own folder at start. Words are stored as the search looks them up and
 * matches them (normalize.ts, a verb or adjective by its stem, as lexicon.ts stores Sudachi's).
 * English headwords of one sense are keys too (tenth round), with that sense's Japanese words.
 */
import { readData } from './data-file';
import { LineTable } from './line-table';

const table = LineTable.parse(readData<string>('wiktionary-translations.json'));

/**
 * The other translations of the senses a normalized word (or stem) translates, best first; for an
 * English word of one sense in Wiktionary (lower-case: watermark), its Japanese translations (透かし).
 */
export function translationsOf(word: string): string[] {
  const found = table.get(word);
  return found === undefined ? [] : found.split(' ');
}
