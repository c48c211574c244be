/**
 * Words that mean the same, from the Sudachi synonym dictionary (WorksApplications, Apache-2.0,
 * npm `sudachi-synonyms-dictionary`: 26,000 groups, 70,000 headwords, maintained with SudachiDict).
 * A group holds one meaning; inside it, headwords with the same vocabulary number are one word
 * written differently (異表記, loanword spellings, the Latin original: ピボット / pivot, サーバー /
 * サーバ / server, 問い合わせ / 問合せ), the others are synonyms (抽出 / 抜き出す, 削除 / 消す).
 *
 * The index holds the text as written (after the rules of normalize.ts); a query word is matched
 * as itself OR its dictionary words (query.ts), so every spelling and synonym the dictionary knows
 * is found without rewriting tips. Headwords are normalized as everything else is; a verb or
 * adjective (用言) is matched on its stem, the headword without its trailing kana (抜き出す →
 * 抜出), as the query's own words are. Entries the dictionary marks "never expand" (flag 2) are
 * left out, and those marked "not a trigger" (flag 1) are only ever targets.
 *
 * The package's JSON (14 MB, 2-3 s to read and sort out) is turned once into a compact table of
 * the normalized words that have alternatives, cached beside the worker bundles in
 * node_modules/.cache (keyed by the package's version and LEXICON_VERSION); each thread then
 * reads that table on first use, as one sorted text (line-table.ts; figures in docs/search.md).
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { LineTable } from './line-table';
import { normalize } from './normalize';

interface Item { taigenYogen: string; expandControl: number; vocabularyNumber?: number; midashi: string }
interface Group { id: string; items: Item[] }

/** The form a headword is matched by: normalized, a 用言 without its trailing kana. */
export function stemOf(word: string): string {
  const m = /^(.*\p{sc=Han})\p{sc=Hiragana}+$/u.exec(word);
  return m ? m[1] : word;
}

export interface Alternatives {
  /** The same word written otherwise (spelling variants, the Latin original or its katakana). */
  same: string[];
  /** Words of the same meaning. */
  synonyms: string[];
}

/** Bump when what is derived from the dictionary changes (stems, flags, format). 2: a line table (line-table.ts). */
export const LEXICON_VERSION = '2';
/**
 * Text exercising every rule of normalize.ts: its normalized form is part of the cache's name,
 * so a change of the rules derives the table again without anyone remembering to bump a version.
 */
const RULE_PROBE = 'Ａ\u200BＢｃ ｶﾞ ヴァヴィヴヴェヴォ ァィゥェォッャュョヮヵヶヂヅ ユーザー ピボット・テーブル 取り込み 差し込み印刷 課の名前 抜き出す';
const SAME = '\u0001';
const SYN = '\u0002';

/** Per normalized word: its other spellings, SYN, its synonyms, joined (one string per word). */
let table: LineTable | null = null;

/**
 * Every headword that has other words, from the package's groups. Flag 1 ("not a trigger") is
 * read as a trigger too: for search, 抜き出す must find 抽出 as 抽出 finds 抜き出す (the flag
 * exists for text generation, where one direction reads oddly); flag 2 entries are left out.
 */
export function derive(groups: Group[]): Record<string, string> {
  const out = new Map<string, { same: string[]; synonyms: string[] }>();
  for (const g of groups) {
    const items = g.items.filter((i) => i.expandControl !== 2).map((i) => {
      const norm = normalize(i.midashi).trim();
      return { form: i.taigenYogen === '用言' ? stemOf(norm) : norm, vocab: i.vocabularyNumber ?? 0 };
    }).filter((i) => i.form !== '' && !/\s/u.test(i.form));
    for (const from of items) {
      let alt = out.get(from.form);
      if (!alt) out.set(from.form, alt = { same: [], synonyms: [] });
      for (const to of items) {
        if (to.form === from.form) continue;
        const list = to.vocab === from.vocab ? alt.same : alt.synonyms;
        if (!list.includes(to.form)) list.push(to.form);
      }
    }
  }
  const flat: Record<string, string> = {};
  for (const [k, v] of out) {
    if (v.same.length > 0 || v.synonyms.length > 0) flat[k] = `${v.same.join(SAME)}${SYN}${v.synonyms.join(SAME)}`;
  }
  return flat;
}

/** Where tables derived from the dictionary are kept, and the part of their names that says what they were derived from. */
function cacheOf(): { dir: string; source: string } {
  const require = createRequire(import.meta.url);
  const dir = path.dirname(require.resolve('sudachi-synonyms-dictionary'));
  const version = (JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { version: string }).version;
  // The rules of normalize.ts (as they fold the probe) and derive()'s own code name what the table
  // was made by: a change of either derives it again, with no version to remember to bump.
  const rules = sourceHash(normalize(RULE_PROBE), derive.toString());
  return { dir: path.join(dir, '..', '.cache', 'kotsu-lexicon'), source: `sudachi-${version}-${LEXICON_VERSION}-${rules}` };
}

/** A short name for what made a derived text (code, rules): part of its cache file's name. */
export const sourceHash = (...parts: string[]): string => createHash('sha1').update(parts.join('\u0000')).digest('hex').slice(0, 10);

/**
 * A text derived from the dictionary (and the rules of normalize.ts), read from the cache when it
 * is there, else made by `make` and written for the next thread or start. `name` says what the
 * text is and its own format's version.
 */
export function derivedText(name: string, make: () => string): string {
  const { dir, source } = cacheOf();
  const file = path.join(dir, `${source}-${name}.tsv`);
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    const text = make();
    try {
      fs.mkdirSync(dir, { recursive: true });
      // Written whole then renamed: a thread reading at the same time sees all of it or nothing.
      const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}`;
      fs.writeFileSync(tmp, text);
      fs.renameSync(tmp, file);
      sweep(dir, file);
    } catch { /* a read-only install: derived again next time */ }
    return text;
  }
}

/** Tables derived by code or rules since changed, untouched for a day: removed when a new one is written. */
function sweep(dir: string, keep: string): void {
  const dayAgo = Date.now() - 86_400_000;
  for (const f of fs.readdirSync(dir)) {
    const full = path.join(dir, f);
    try { if (full !== keep && fs.statSync(full).mtimeMs < dayAgo) fs.rmSync(full); } catch { /* another process swept it */ }
  }
}

function load(): LineTable {
  const fresh = () => {
    const require = createRequire(import.meta.url);
    const file = path.join(path.dirname(require.resolve('sudachi-synonyms-dictionary')), 'sudachi-synonyms-dictionary.json');
    return LineTable.format(Object.entries(derive(JSON.parse(fs.readFileSync(file, 'utf8')) as Group[])));
  };
  try {
    return LineTable.parse(derivedText('table', fresh));
  } catch {
    return LineTable.parse(fresh()); // a damaged cache file: derived again
  }
}

/** Reads the table now (start-up), not on the first query. */
export function warmLexicon(): void { table ??= load(); }

/** The dictionary's other words for a normalized word (or stem), or null. */
export function alternativesOf(word: string): Alternatives | null {
  table ??= load();
  const v = table.get(word);
  if (v === undefined) return null;
  const [same, synonyms] = v.split(SYN);
  return { same: same ? same.split(SAME) : [], synonyms: synonyms ? synonyms.split(SAME) : [] };
}

/** The table's Latin loanwords, found once per process (a pass over the whole table). */
let loanwords: readonly string[] | null = null;

/**
 * Latin words the dictionary pairs with a katakana spelling (pivot ↔ ピボット): typo targets.
 * Read once per process (the table never changes): every app's suggester starts from them.
 */
export function latinLoanwords(): readonly string[] {
  loanwords ??= findLatinLoanwords();
  return loanwords;
}

function findLatinLoanwords(): string[] {
  table ??= load();
  const out: string[] = [];
  for (const [k, v] of table.entries()) {
    if (!/^[a-z][a-z0-9]{3,39}$/.test(k)) continue;
    const same = v.split(SYN)[0];
    if (same && same.split(SAME).some((w) => /^\p{sc=Katakana}+$/u.test(w))) out.push(k);
  }
  return out;
}

/** Every word with other spellings, and those spellings (the "same" lists): spellings.ts folds them. */
export function* spellingLists(): Iterable<[string, string[]]> {
  table ??= load();
  for (const [k, v] of table.entries()) {
    const same = v.split(SYN)[0];
    if (same) yield [k, same.split(SAME)];
  }
}
