/**
 * One word written several ways (the dictionary's "same" lists, lexicon.ts: ピボット / pivot,
 * エクセル / excel, 問い合わせ / 問合せ) folded to one **spelling key** at index time, so a query
 * word needs no OR of its spellings (issue 19 part 6: エクセル OR excel walked the doclist of
 * `excel`, ~49,000 of 100,000 tips, and of エクセル's three bigrams, for every such query).
 *
 * For a word w with other spellings, let S(w) be w and its other spellings. Its key is a token
 * named by S(w) alone (a private-use mark and the number of the set among all sets, sorted, in base 36), so two words share a key
 * exactly when their sets are equal. Indexing: wherever a word x of the dictionary occurs in a
 * column's tokens (as the phrase of its tokens, so inside compounds too: ピボット in
 * ピボットテーブル, as the query's phrase of bigrams matched), the keys of every word of S(x) are
 * appended to that column, once per occurrence (BM25 then counts them as it counted the
 * spellings' phrases). Query: the word matches its key. A tip has key(S(w)) iff it has some x
 * with key(S(y)) = key(S(w)) for a y in S(x), i.e. S(y) = S(w) ∋ x: exactly the tips having one
 * of w's spellings — what `w OR its spellings` matched, in one doclist.
 *
 * Keys are appended after the column's text, so phrases of the text are untouched; they start
 * with U+E000, which FTS5 indexes (its tokenizer keeps category Co) and which no typed text ever
 * yields (tokenize.ts keeps letters, digits and marks only), so no query matches a key by accident;
 * they are not words of `search_vocab` (prefix completion, typo vocabulary).
 *
 * The keys depend on the dictionary and on the rules of normalize.ts: `spellingDigest()` names
 * them, and the index is rebuilt at start-up when it changes (engine.ts).
 */
import { createHash } from 'node:crypto';
import { derivedText, sourceHash, spellingLists } from './lexicon';
import { LineTable } from './line-table';
import { pieces, pieceTokens } from './tokenize';

/** The first character of every spelling key (private use: indexed by FTS5, never typed). */
export const KEY_MARK = '\uE000';
export const isSpellingKey = (token: string): boolean => token.charCodeAt(0) === 0xE000;


interface Folding {
  /** A word's key number (the word normalized, 2 characters or more, with other spellings). */
  keyOf: Map<string, number>;
  digest: string;
  /** The words of each set (the index side builds its matcher from them). */
  setOf: Map<string, string[]>;
}

/**
 * What a query needs: each word's key (its number in base 36) and the keys' digest. Derived once
 * per install and kept beside the dictionary's table (lexicon.ts `derivedText`: the digest on the
 * first line, then a line table, line-table.ts), so a search thread reads a file instead of
 * building every set: building them left ~16 MB of garbage that grew each thread's heap for good.
 */
let keys: { table: LineTable; digest: string } | null = null;
/**
 * Per first token, the dictionary's words starting with it, each as `<their other tokens>\u0001<keys>`
 * (one string an entry: this table lives in the threads that index only).
 */
let byFirst: Map<string, string[]> | null = null;
const chars = (w: string) => Array.from(w).length;
const tokensOf = (w: string) => pieces(w).flatMap(pieceTokens);
const keyName = (n: number) => KEY_MARK + n.toString(36);

function build(): Folding {
  const setOf = new Map<string, string[]>();
  for (const [w, same] of spellingLists()) {
    if (chars(w) < 2) continue;
    const set = [...new Set([w, ...same.filter((s) => chars(s) >= 2)])].sort();
    if (set.length >= 2) setOf.set(w, set);
  }
  // Keys numbered in the order of their sets' names: the same dictionary gives the same keys.
  const names = new Map<string, string>();
  for (const [w, set] of setOf) names.set(w, set.join('\u0001'));
  const numberOf = new Map<string, number>();
  for (const name of [...new Set(names.values())].sort()) numberOf.set(name, numberOf.size);
  const keyOf = new Map<string, number>();
  for (const [w, name] of names) keyOf.set(w, numberOf.get(name)!);
  const digest = createHash('sha1').update([...numberOf.keys()].join('\n')).digest('hex').slice(0, 10);
  return { keyOf, digest, setOf };
}

function keyText(f: Folding): string {
  return `${f.digest}\n${LineTable.format([...f.keyOf].map(([w, n]) => [w, n.toString(36)]))}`;
}

function readKeys(text: string): { table: LineTable; digest: string } {
  const nl = text.indexOf('\n');
  if (nl <= 0) throw new Error('spelling keys: no digest line');
  return { digest: text.slice(0, nl), table: LineTable.parse(text.slice(nl + 1)) };
}

function ready(): { table: LineTable; digest: string } {
  if (keys) return keys;
  try {
    // Named by the code that makes it (build, keyText): changed code never reads an old table.
    keys = readKeys(derivedText(`spelling-keys-${sourceHash(build.toString(), keyText.toString())}`, () => keyText(build())));
  } catch {
    keys = readKeys(keyText(build())); // a damaged cache file: built again
  }
  return keys;
}

function matcher(): Map<string, string[]> {
  if (byFirst) return byFirst;
  const f = build();
  const map = new Map<string, string[]>();
  for (const [w, set] of f.setOf) {
    const tokens = tokensOf(w);
    if (tokens.length === 0) continue;
    const keys = [...new Set(set.map((y) => f.keyOf.get(y)).filter((k): k is number => k !== undefined))].map(keyName);
    let list = map.get(tokens[0]);
    if (!list) map.set(tokens[0], list = []);
    list.push(`${tokens.slice(1).join(' ')}\u0001${keys.join(' ')}`);
  }
  return (byFirst = map);
}

/** Reads the query side's table now (start-up) rather than on the first query; `indexing`: builds the index side's matcher too. */
export function warmSpellings(indexing = false): void {
  ready();
  if (indexing) matcher();
}

/** Names the keys (dictionary and rules): part of the index's pipeline stamp. */
export function spellingDigest(): string { return ready().digest; }

/** The spelling key of a normalized word (or stem), or null when it has no other spellings. */
export function spellingKey(word: string): string | null {
  const n = ready().table.get(word);
  return n === undefined ? null : KEY_MARK + n;
}

/**
 * A column's token text (tokenize.ts `indexText`) with the spelling keys of the dictionary words
 * it holds appended, once per occurrence (the same key once per position).
 */
export function foldSpellings(tokenText: string): string {
  if (tokenText === '') return tokenText;
  const first = matcher();
  const tokens = tokenText.split(' ');
  const added: string[] = [];
  const here = new Set<string>();
  for (let i = 0; i < tokens.length; i++) {
    const list = first.get(tokens[i]);
    if (!list) continue;
    here.clear();
    for (const entry of list) {
      const sep = entry.indexOf('\u0001');
      const keys = entry.slice(sep + 1).split(' ');
      if (sep > 0) {
        const rest = entry.slice(0, sep).split(' ');
        if (i + rest.length >= tokens.length) continue;
        let ok = true;
        for (let j = 0; j < rest.length; j++) if (tokens[i + 1 + j] !== rest[j]) { ok = false; break; }
        if (!ok) continue;
      }
      for (const k of keys) here.add(k);
    }
    for (const k of here) added.push(k);
  }
  return added.length === 0 ? tokenText : `${tokenText} ${added.join(' ')}`;
}
