/**
 * Derives server/search/data/wiktionary-translations.json, the search's third synonym resource
 * (issue 19, eighth round), from FreeDict's dictionaries into Japanese made by WikDict from
 * Wiktionary's translation tables (CC BY-SA 3.0): English–Japanese (Debian package
 * `dict-freedict-eng-jpn`) and, since the ninth round, the French, Italian, Polish, Swedish, Finnish and
 * Greek ones (`dict-freedict-{fra,ita,pol,swe,fin,ell}-jpn`): each language's Wiktionary has its own
 * translation tables, filled by its own contributors, so each adds senses whose Japanese words the
 * others do not list together (文章 → テキスト, 本文 from another language's "text"). Those installed
 * under /usr/share/dictd are read. Run at build time only, never by the server:
 *
 *   npx tsx scripts/derive-translations.ts [--dict <a.dict.dz,b.dict.dz>] [--sample 100]
 *
 * Method: Wiktionary lists, for each sense of an English word, its translations — "log (n) 4.
 * chronological record: ログ, 履歴, 記録"; "duplicate (n) an identical copy: デュプリケート, 写し, 複写";
 * "delete (v) to remove: 削除, 消す". The Japanese words given for one sense are words of that
 * meaning, chosen by people for that sense (not two glosses that happen to share an English word, as
 * the EDICT pivot is): each is a neighbour of the others. A sense with more than SET_MAX translations
 * is a loose one (a list of near words) and is skipped. A word keeps its NEIGHBOURS best, by the
 * senses it shares with each, a smaller set weighing more (1 / (set size − 1)).
 * Words are stored as the search looks them up and matches them (lexicon.ts): normalized, a verb or
 * adjective by its stem (写す → 写, 取り出す → 取出), a する verb by its noun (記録する → 記録).
 * `--sample N` prints N random pairs to read (precision in docs/search.md).
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { stemOf } from '../server/search/lexicon';
import { isEnglishWord, normalize } from '../server/search/normalize';
import { arg, seeded, writeLineTable } from './lib/edict';

const SET_MAX = Number(arg('--set-max') ?? 6);
const NEIGHBOURS = Number(arg('--neighbours') ?? 6);
const sample = Number(arg('--sample') ?? 0);
/** The dictionaries read: `--dict` (comma-separated), else every WikDict X–Japanese one installed. */
const LANGUAGES = ['eng', 'fra', 'ita', 'pol', 'swe', 'fin', 'ell'];
const sources = arg('--dict')?.split(',') ?? LANGUAGES.map((l) => `/usr/share/dictd/freedict-${l}-jpn.dict.dz`).filter((f) => fs.existsSync(f));
const out = path.join(import.meta.dirname, '..', 'server', 'search', 'data', 'wiktionary-translations.json');

/** A headword line: `copy //ˈkɑpi// //ˈkɒpi// <v>` (pronunciations optional), its part of speech last. */
const HEAD = /^(.+?)(?: \/.*\/)? <([a-z]+)(?:, [^>]*)?>$/u;
const JAPANESE = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}]/u;
/** A translation as the search can match it: one word of kanji and kana, no spaces or marks. */
const WORD = /^[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}ー々]{2,10}$/u;

/** The word as the search looks it up: normalized; a verb or adjective by its stem. */
function formOf(word: string, pos: string): string | null {
  let w = word;
  // A する verb is its noun (記録する → 記録), as a query's 記録したい is looked up by 記録.
  if (/\p{sc=Han}.*する$/u.test(w)) w = w.slice(0, -2);
  if (!WORD.test(w)) return null;
  const n = normalize(w).trim();
  if (n === '' || /\s/u.test(n)) return null;
  const form = pos === 'v' || pos === 'adj' ? stemOf(n) : n;
  // Hiragana alone (function words, a verb's inflection: ます, れる) says too little to match.
  return /^\p{sc=Hiragana}+$/u.test(form) ? null : form;
}

/** Each sense's translations, as matched forms. */
const sets: string[][] = [];
/**
 * Tenth round: an English headword of the English dictionary with ONE sense, and that sense's
 * translations (watermark → 透かし; stamp → 印章, 判子, 印鑑; press release → プレスリリース, 記者発表),
 * stored under the English word (lower-cased): the search looks up a word's English spelling
 * (ウォーターマーク: watermark) there. A sense of one translation has no neighbours above, so this is
 * the only place its word is linked. A headword with more senses (file: a folder, a column, a rasp;
 * name: 評判 first) says nothing of which one a loanword means, and is left out (`--english-senses N`
 * keeps headwords of up to N senses, every sense's words in order: measured in docs/search.md).
 */
const english = new Map<string, string[]>();
const ENGLISH_SENSES = Number(arg('--english-senses') ?? 1);
/** Senses per English headword, over all its parts of speech (each numbered list of Japanese words). */
const senseCount = new Map<string, number>();
let pos: string | null = null;
let headword: string | null = null;
for (const [source, line] of sources.flatMap((source) => zlib.gunzipSync(fs.readFileSync(source)).toString('utf8').split('\n').map((l) => [source, l] as const))) {
  const head = HEAD.exec(line);
  if (head) { pos = head[2]; headword = source.includes('eng-jpn') ? normalize(head[1]).trim() : null; continue; }
  if (pos === null || !JAPANESE.test(line) || /[A-Za-z]/.test(line.replace(/^\s*\d+\.\s*/, ''))) continue;
  // `4. ログ, 履歴, 記録`: a numbered sense's translations; a damaged line may run two together.
  for (const part of line.split(/\s*\d+\.\s*/u)) {
    const words = [...new Set(part.split(/[,、]\s*/u).map((w) => formOf(w.trim(), pos!)).filter((w): w is string => w !== null))];
    if (words.length >= 2) sets.push(words);
    if (headword === null || !isEnglishWord(headword) || !JAPANESE.test(part)) continue;
    senseCount.set(headword, (senseCount.get(headword) ?? 0) + 1);
    if (words.length === 0 || words.length > SET_MAX) continue;
    const list = english.get(headword) ?? english.set(headword, []).get(headword)!;
    for (const w of words) if (!list.includes(w)) list.push(w);
  }
}

const scores = new Map<string, Map<string, number>>();
for (const set of sets) {
  if (set.length > SET_MAX) continue;
  for (const w of set) {
    const m = scores.get(w) ?? scores.set(w, new Map()).get(w)!;
    for (const x of set) if (x !== w) m.set(x, (m.get(x) ?? 0) + 1 / (set.length - 1));
  }
}
const table: [string, string][] = [];
for (const [w, m] of [...scores].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
  const best = [...m].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, NEIGHBOURS).map(([x]) => x);
  table.push([w, best.join(' ')]);
}
const japaneseWords = table.length;
for (const [w, list] of english) if ((senseCount.get(w) ?? 0) <= ENGLISH_SENSES) table.push([w, list.slice(0, NEIGHBOURS).join(' ')]);
table.sort((a, b) => (a[0] < b[0] ? -1 : 1));
fs.mkdirSync(path.dirname(out), { recursive: true });
writeLineTable(out, table);
const pairs = table.reduce((n, [, v]) => n + v.split(' ').length, 0);
process.stdout.write(`dictionaries ${sources.map((f) => path.basename(f, '.dict.dz')).join(', ')}; senses with two words or more ${sets.length}, words ${japaneseWords} and English headwords ${table.length - japaneseWords}, pairs ${pairs}, ${(fs.statSync(out).size / 1024).toFixed(0)} KB → ${path.relative(process.cwd(), out)}\n`);
if (sample > 0) {
  const rand = seeded(23);
  const all = table.flatMap(([k, v]) => v.split(' ').map((x) => `${k}\t${x}`));
  for (let i = 0; i < sample && all.length > 0; i++) process.stdout.write(`${all.splice(Math.floor(rand() * all.length), 1)[0]}\n`);
}
