/**
 * Derives `server/search/data/edict-readings.json` from EDICT (EDRDG, CC BY-SA 4.0; Debian package
 * `edict`): the kanji spellings of common words by their reading in hiragana, so that a word typed
 * and left unconverted (the IME's Enter pressed before its conversion: しゅうけい, ならべかえ,
 * とりだす) finds the tips that write it in kanji (集計, 並べ替え, 取り出す). Build time only; the
 * server reads the checked-in file (server/search/readings.ts).
 *
 * An entry counts when its headword has a kanji, its reading is given, and it is marked common (P),
 * or a sense is marked with a field of the wiki's subjects (DOMAINS: computing, mathematics, law,
 * finance, economics, business, engineering, statistics): 関数 (math) and 並べ替え (comp) are not
 * marked common, or the Sudachi synonym dictionary has the word (起案, 押印). Every entry would be
 * 186,000 readings, most of them words nobody types here.
 * Keys and spellings are as the search looks words up and matches them (normalize.ts): a noun whole
 * (集計 by しゅうけい); a verb or adjective without the kana that conjugates, on both sides
 * (取り出す → 取出 by とりだ, 並べ替える → 並替 by ならべかえ), as query.ts stems what is typed.
 * A key has three letters or more (two-letter readings are every other word: かく, きる), and a
 * spelling two characters or more (one kanji would match as a prefix anywhere). A reading shared by
 * several words (しんせい: 申請, 新制, 新星, 神聖 …) keeps PER_READING: common ones first, then those
 * more of EDICT's headwords are built on (申請 is in 申請書, 許可申請 …: how much a word is used,
 * as the dictionary shows it; EDICT has no frequencies); the query's other words choose among them.
 *
 *   npx tsx scripts/derive-readings.ts [--edict /usr/share/edict/edict] [--sample N]
 */
import fs from 'node:fs';
import path from 'node:path';
import { alternativesOf } from '../server/search/lexicon';
import { normalize } from '../server/search/normalize';
import { arg, edictText, seeded, writeLineTable } from './lib/edict';

const sample = Number(arg('--sample') ?? 0);
const PER_READING = 4;
const MIN_KEY = 3;
const out = path.join(import.meta.dirname, '..', 'server', 'search', 'data', 'edict-readings.json');

const HIRAGANA = /^[\p{sc=Hiragana}ー]+$/u;
/** Parts of speech that conjugate: godan/ichidan/irregular verbs and i-adjectives. */
const CONJUGATES = /^(v1|v5|vk|vz|vs-i|vs-s|adj-i)/;
/** EDICT's field tags of the subjects tips are about. */
const DOMAINS = /\((comp|math|law|finc|econ|bus|engr|stat)\)/;

/** Per key: its spellings, each with whether the word is common (those come first). */
const table = new Map<string, [string, boolean][]>();
const text = edictText();
for (const line of text.split('\n')) {
  const m = /^(\S+) \[([^\]]+)\] \/(.*)\/$/u.exec(line);
  if (!m) continue;
  const common = m[3].split('/').includes('(P)');
  // Or a word of the Sudachi synonym dictionary (lexicon.ts), which lists the words of everyday and
  // office Japanese EDICT does not mark common: 起案, 押印, 年休, 超勤.
  if (!common && !DOMAINS.test(m[3]) && alternativesOf(normalize(m[1])) === null) continue;
  const [, head, reading] = m;
  // A headword that starts in kana is an expression around a kanji (に就いて), not a word typed.
  if (!/^\p{sc=Han}/u.test(head) || !HIRAGANA.test(reading)) continue;
  // The first sense's parts of speech: the leading "(n,vs)" or "(v5s,vt)". Nouns, verbs and
  // adjectives only: adverbs, conjunctions and expressions (何故か, 就いて) are what queries are
  // made of around the words, and tips write them in kana as often as not.
  const pos = /^\(([^)]*)\)/.exec(m[3])?.[1].split(',') ?? [];
  if (!pos.some((p) => /^(n|vs|v[15kzr]|adj-(i|na|no))/.test(p)) || pos.some((p) => /^(exp|adv|conj|int|prt|aux|pn)$/.test(p))) continue;
  const conj = pos.some((p) => CONJUGATES.test(p)) && /\p{sc=Hiragana}$/u.test(head);
  const key = normalize(conj ? reading.slice(0, -1) : reading);
  const spelling = normalize(conj ? head.slice(0, -1) : head).trim();
  if (Array.from(key).length < MIN_KEY || Array.from(spelling).length < 2 || /\s/u.test(spelling) || spelling === key) continue;
  const list = table.get(key) ?? table.set(key, []).get(key)!;
  if (!list.some(([s]) => s === spelling)) list.push([spelling, common]);
}
// How many headwords hold each spelling (compounds built on it), as normalized.
const heads = [...new Set(text.split('\n').map((l) => normalize(/^(\S+)/u.exec(l)?.[1] ?? '')))];
const uses = new Map<string, number>();
for (const list of table.values()) for (const [s] of list) uses.set(s, 0);
for (const h of heads) {
  const chars = Array.from(h);
  const seen = new Set<string>();
  for (let i = 0; i < chars.length; i++) for (let j = i + 2; j <= chars.length; j++) {
    const sub = chars.slice(i, j).join('');
    if (uses.has(sub) && !seen.has(sub)) { seen.add(sub); uses.set(sub, uses.get(sub)! + 1); }
  }
}
const best = (list: [string, boolean][]) => [...list].sort((a, b) => Number(b[1]) - Number(a[1]) || uses.get(b[0])! - uses.get(a[0])!).slice(0, PER_READING).map(([s]) => s);
fs.mkdirSync(path.dirname(out), { recursive: true });
writeLineTable(out, [...table].map(([k, v]): [string, string] => [k, best(v).join(' ')]));
process.stdout.write(`readings ${table.size}, spellings ${[...table.values()].reduce((n, v) => n + Math.min(v.length, PER_READING), 0)}, ${(fs.statSync(out).size / 1024).toFixed(0)} KB → ${path.relative(process.cwd(), out)}\n`);
if (sample > 0) {
  const rand = seeded(19);
  const all = [...table];
  for (let i = 0; i < sample && all.length > 0; i++) {
    const [k, v] = all.splice(Math.floor(rand() * all.length), 1)[0];
    process.stdout.write(`${k}\t${best(v).join(' ')}\n`);
  }
}
