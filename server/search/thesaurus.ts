/**
 * The search's second synonym resource (issue 19, third round): neighbours of common Japanese words
 * derived at build time from EDICT (EDRDG, CC BY-SA 4.0) by `scripts/derive-thesaurus.ts` — two
 * words are neighbours when the main sense of each is glossed with the same specific English word
 * (削除 "deletion" / 消す "to delete", 回転 "rotation" / 回す "to rotate"). Checked in as
 * `data/edict-thesaurus.json` (see `data/README.md`), read from the project's own folder at start.
 * Words are stored as the search matches them (normalize.ts, a verb by its stem), so a query word
 * (or its stem) is looked up directly. Used only in the wide tier: query.ts appends these after the Sudachi dictionary's synonyms
 * (lexicon.ts) and caps the whole at MAX_WIDE.
 */
import { readData } from './data-file';
import { LineTable } from './line-table';

/**
 * The file is one JSON string of `word\tneighbours` lines sorted by word, read from disk at start
 * (data-file.ts): one string in each isolate, read in place (line-table.ts). As an object literal of
 * 55,000 properties in the bundle it cost the compiled server ~90 MB of rss (main thread and each
 * search thread).
 */
const table = LineTable.parse(readData<string>('edict-thesaurus.json'));

/**
 * The derived neighbours (best first) of a query word as typed and normalized: the word itself, or
 * the longest of its beginnings that is a key. A verb is keyed without the kana that conjugates
 * (見つける → 見つけ, 回す → 回), so 見つけたい finds 見つける's neighbours and not 見る's.
 */
export function neighboursOf(word: string): string[] {
  const chars = Array.from(word);
  for (let n = chars.length; n >= 1; n--) {
    const key = chars.slice(0, n).join('');
    const found = table.get(key);
    if (found !== undefined) return found.split(' ');
    // Only the conjugating kana at the end are cut; a noun is looked up whole.
    if (!/\p{sc=Hiragana}/u.test(chars[n - 1])) break;
  }
  return [];
}
