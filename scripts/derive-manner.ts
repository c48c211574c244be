/**
 * Derives `server/search/data/edict-manner.json` from EDICT (EDRDG, CC BY-SA 4.0; Debian package
 * `edict`): the words that say HOW something is done when a query puts them before its verb —
 * na-adjectives before に (簡単に, 正確に, 効率的に), i-adjectives in their く form (素早く, 細かく) and
 * adverbs of three letters or more written with に (一気に, 一斉に; not 既に, 特に: see below).
 * "VLOOKUPを簡単に使いたい" asks for VLOOKUP; a tip that does not write 簡単 still answers it. The
 * search ranks such a word and does not require it (query.ts). Build time only; the server reads
 * the checked-in file (server/search/manner.ts).
 *
 * An entry counts when it is marked common (P), its headword begins with a kanji, and its first
 * sense's parts of speech say so: adj-na (not adj-no alone: 自動, 同時 are nouns that tips are
 * about), adj-i, or adv for a headword of three letters or more ending in に (one kanji and に, as
 * 既に, 特に, 常に, is left out). Keys are as the search looks the typed stretch up (normalize.ts):
 * a na-adjective whole (簡単), an i-adjective without its い (素早), an adverb without its に (一気);
 * values say which ending marks the manner: `に` or `く`.
 *
 *   npx tsx scripts/derive-manner.ts [--edict /usr/share/edict/edict] [--sample N]
 */
import fs from 'node:fs';
import path from 'node:path';
import { normalize } from '../server/search/normalize';
import { arg, edictText, seeded, writeLineTable } from './lib/edict';

const sample = Number(arg('--sample') ?? 0);
const out = path.join(import.meta.dirname, '..', 'server', 'search', 'data', 'edict-manner.json');

const table = new Map<string, string>();
for (const line of edictText().split('\n')) {
  const m = /^(\S+) (?:\[[^\]]+\] )?\/(.*)\/$/u.exec(line);
  if (!m || !m[2].split('/').includes('(P)')) continue;
  const [, head] = m;
  if (!/^\p{sc=Han}/u.test(head)) continue;
  const pos = /^\(([^)]*)\)/.exec(m[2])?.[1].split(',') ?? [];
  let key: string | null = null;
  let ending = '';
  if (pos.includes('adj-na')) { key = head; ending = 'に'; }
  else if (pos.includes('adj-i') && head.endsWith('い')) { key = head.slice(0, -1); ending = 'く'; }
  else if (pos.includes('adv') && head.endsWith('に') && head.length >= 3) { key = head.slice(0, -1); ending = 'に'; }
  if (key === null) continue;
  const k = normalize(key).trim();
  // A word, not an expression (無くてはならない): kanji and at most two kana of its own.
  if (!/^\p{sc=Han}+\p{sc=Hiragana}{0,2}$/u.test(k)) continue;
  const was = table.get(k);
  table.set(k, was === undefined || was === ending ? ending : [...new Set([...was, ending])].sort().join(''));
}
fs.mkdirSync(path.dirname(out), { recursive: true });
writeLineTable(out, table);
process.stdout.write(`words ${table.size} (に ${[...table.values()].filter((v) => v.includes('に')).length}, く ${[...table.values()].filter((v) => v.includes('く')).length}), ${(fs.statSync(out).size / 1024).toFixed(0)} KB → ${path.relative(process.cwd(), out)}\n`);
if (sample > 0) {
  const rand = seeded(23);
  const all = [...table];
  for (let i = 0; i < sample && all.length > 0; i++) {
    const [k, v] = all.splice(Math.floor(rand() * all.length), 1)[0];
    process.stdout.write(`${k}\t${v}\n`);
  }
}
