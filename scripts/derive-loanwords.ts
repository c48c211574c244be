/**
 * Derives `server/search/data/edict-loanwords.json` from EDICT (EDRDG, CC BY-SA 4.0; Debian package
 * `edict`): English words and the katakana loanwords that spell them (offline → オフライン, merge →
 * マージ, signature → シグネチャ), for the Latin words the Sudachi synonym dictionary does not have
 * (those it has are left out). Build time only; the server reads the checked-in JSON.
 *
 * An entry is a pair when its headword is katakana only (a loanword), a sense of it is glossed by
 * one English word of four letters or more (hyphens dropped: off-line → offline), and the
 * katakana, romanized (wanakana), sounds like that word: their consonant skeletons — vowels
 * dropped, letters the katakana cannot tell apart merged (l/r, b/v, s/sh/th/z, t/ch/ts, f/ph, k/c/q,
 * g/j), the English r that katakana writes as a long vowel dropped — share at least MIN_SIMILARITY
 * of the longer one in order (longest common subsequence).
 * So サイン is a pair with sign but not with autograph, and マンション not with condominium. Senses
 * marked archaic, obsolete, slang, vulgar, rare or jocular are left out.
 *
 * Usage: npx tsx scripts/derive-loanwords.ts [--edict /usr/share/edict/edict] [--min 0.6]
 *        [--sample N]   prints N pairs drawn with a fixed seed, to read their precision by hand
 *        [--rejected N] prints N pairs refused by the sound check (what it keeps out)
 */
import fs from 'node:fs';
import path from 'node:path';
import { arg, edictText, seeded } from './lib/edict';
import { similarity } from './lib/loanword-sound';
import { alternativesOf } from '../server/search/lexicon';

const MIN_SIMILARITY = Number(arg('--min') ?? 0.6);
const MIN_LETTERS = 4;
/** Katakana spellings kept per English word (EDICT lists a few: サーバー, サーバ). */
const PER_WORD = 3;
const out = path.join(import.meta.dirname, '..', 'server', 'search', 'data', 'edict-loanwords.json');

const SKIP_SENSE = new Set(['arch', 'obs', 'obsc', 'sl', 'vulg', 'X', 'rare', 'derog', 'joc', 'male-sl', 'net-sl', 'poet']);
const KATAKANA_HEAD = /^[\u30A1-\u30FA\u30FC・]+$/u;

interface Pair { english: string; katakana: string; common: boolean; score: number }

function pairsOf(line: string): { kept: Pair[]; refused: Pair[] } {
  const none = { kept: [], refused: [] };
  const m = /^(\S+)(?: \[[^\]]+\])? \/(.*)\/$/u.exec(line);
  if (!m || !KATAKANA_HEAD.test(m[1])) return none;
  const katakana = m[1];
  const fields = m[2].split('/');
  const common = fields.includes('(P)');
  const kept: Pair[] = [];
  const refused: Pair[] = [];
  let skip = false;
  for (const raw of fields) {
    if (raw === '(P)' || raw === '' || raw.startsWith('EntL')) continue;
    let f = raw;
    let g: RegExpExecArray | null;
    const misc: string[] = [];
    let newSense = false;
    while ((g = /^\(([^)]*)\)\s*/u.exec(f))) {
      f = f.slice(g[0].length);
      if (/^\d+$/.test(g[1]) || /^[a-z0-9,-]+$/.test(g[1])) newSense = true;
      misc.push(...g[1].split(','));
    }
    if (newSense) skip = false;
    if (misc.some((t) => SKIP_SENSE.has(t))) skip = true;
    if (skip) continue;
    // One English word (a note in brackets after it is dropped): off-line → offline; and the
    // English source EDICT names in a note (キャンセル: "cancellation (eng: cancel)").
    const words = [f.replace(/\([^)]*\)/g, ''), ...[...f.matchAll(/\(eng: ([^)]*)\)/g)].map((n) => n[1])];
    for (const w of words) {
      const word = w.trim().toLowerCase().replace(/-/g, '');
      if (!new RegExp(`^[a-z]{${MIN_LETTERS},}$`).test(word)) continue;
      const pair = { english: word, katakana, common, score: similarity(word, katakana) };
      (pair.score >= MIN_SIMILARITY ? kept : refused).push(pair);
    }
  }
  return { kept, refused };
}

function main() {
  const text = edictText();
  const byWord = new Map<string, Pair[]>();
  const refused: Pair[] = [];
  for (const line of text.split('\n')) {
    const p = pairsOf(line);
    for (const pair of p.kept) {
      const list = byWord.get(pair.english) ?? [];
      if (!list.some((x) => x.katakana === pair.katakana)) list.push(pair);
      byWord.set(pair.english, list);
    }
    refused.push(...p.refused);
  }
  // Common (P) entries first, then the closer sound, then EDICT's order; a few per word.
  const table: Record<string, string> = {};
  // Only the words the Sudachi dictionary does not have: the search looks EDICT up for those
  // alone (query.ts), so the rest would only be held in every search thread's memory.
  let known = 0;
  for (const word of [...byWord.keys()].sort()) {
    if (alternativesOf(word)) { known++; continue; }
    const list = byWord.get(word)!.map((p, i) => ({ ...p, i }))
      .sort((a, b) => Number(b.common) - Number(a.common) || b.score - a.score || a.i - b.i);
    table[word] = list.slice(0, PER_WORD).map((p) => p.katakana).join(' ');
  }
  const pairs = Object.values(table).reduce((n, v) => n + v.split(' ').length, 0);
  const rand = seeded(20261207);
  const sample = Number(arg('--sample') ?? 0);
  if (sample > 0) {
    const words = Object.keys(table);
    for (let i = 0; i < sample; i++) { const w = words[Math.floor(rand() * words.length)]; console.log(`${w}\t${table[w]}`); }
    return;
  }
  const rejected = Number(arg('--rejected') ?? 0);
  if (rejected > 0) {
    for (let i = 0; i < rejected; i++) { const p = refused[Math.floor(rand() * refused.length)]; console.log(`${p.english}\t${p.katakana}\t${p.score.toFixed(2)}`); }
    return;
  }
  // Under one key: English words at the top level would become named exports of the JSON module
  // (esbuild), and some are reserved words (package, interface).
  fs.writeFileSync(out, `${JSON.stringify({ katakana: table })}\n`);
  console.log(`${Object.keys(table).length} English words, ${pairs} pairs (refused by the sound check: ${refused.length}; left out as the Sudachi dictionary's: ${known}) → ${path.relative(process.cwd(), out)} (${(fs.statSync(out).size / 1024).toFixed(0)} KB)`);
}

main();
