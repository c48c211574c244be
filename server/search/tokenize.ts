/**
 * Turns normalized text into the tokens FTS5 stores, the same way for tips and queries.
 *
 * - A run of Japanese characters (kanji, hiragana, katakana) becomes its overlapping bigrams:
 *   ピボットテーブル → ピボ ボッ ット トテ テー ーブ ブル. A query word becomes the phrase of its
 *   bigrams, which matches it anywhere inside a longer word, and a two-character word such as
 *   関数 or 印刷 is exactly one token. A run of one character is kept as a unigram.
 * - Any other run of letters, digits and marks is one word (vlookup, 2026, a1), split at every
 *   punctuation mark and at the boundary with Japanese (rpa:vlookup関数 → rpa vlookup 関数).
 *
 * Why not Intl.Segmenter words in the index: measured on the evaluation set, words miss a part
 * of a compound (ピボット inside ピボットテーブル) and the segmenter splits unknown katakana into
 * single characters (フォルダー → フ|ォ|ル|ダ|ー); bigrams find both. The segmenter is used on
 * queries only, to drop particles and endings from natural questions (see query.ts).
 */
import { normalize } from './normalize';

const CJK_CHAR = '\\p{sc=Han}\\p{sc=Hiragana}\\p{sc=Katakana}ー々〆ヵヶ';
export const CJK_RUN = new RegExp(`^[${CJK_CHAR}]+$`, 'u');
/** A token of Japanese text (a bigram or a single character): tokens are all Japanese or none. */
export const CJK_TOKEN = new RegExp(`^[${CJK_CHAR}]`, 'u');
const PIECE = new RegExp(`([${CJK_CHAR}]+)|((?:(?![${CJK_CHAR}])[\\p{L}\\p{N}\\p{M}])+)`, 'gu');
const MAX_WORD = 50;

export interface Piece {
  text: string;
  cjk: boolean;
  /** Offset in the normalized text. */
  index: number;
}

/** Runs of Japanese and of other letters/digits, in order; punctuation and spaces dropped. */
export function pieces(norm: string): Piece[] {
  const out: Piece[] = [];
  for (const m of norm.matchAll(PIECE)) {
    out.push({ text: m[0], cjk: m[1] !== undefined, index: m.index ?? 0 });
  }
  return out;
}

/**
 * Whether FTS5's tokenizer keeps `s` as one term, unchanged (migrations/0002_search.sql: unicode61,
 * token characters of the categories L*, N*, Co and M*, case folded, no diacritics removed), for the
 * scripts the pipeline indexes: Latin letters that are not upper or title case, kanji, kana and the
 * long-vowel mark, digits, and private-use characters (the spelling keys). Marks and other scripts
 * are left out: unicode61 folds some of them (U+0345 to ι), so their MATCH is counted row by row. A
 * quoted MATCH of such a string looks up that very term (store.ts tokenCount).
 */
export const isIndexTerm = (s: string): boolean =>
  /^(?:(?=[\p{sc=Latin}\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}])[\p{Ll}\p{Lo}\p{Lm}]|[\p{Nd}\p{Co}ー])+$/u.test(s);

/** The tokens of one piece: bigrams for Japanese, the word itself otherwise. */
export function pieceTokens(p: Pick<Piece, 'text' | 'cjk'>): string[] {
  if (!p.cjk) return [p.text.slice(0, MAX_WORD)];
  const chars = Array.from(p.text);
  if (chars.length === 1) return [p.text];
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i] + chars[i + 1]);
  return out;
}

/** The space-separated token text FTS5 indexes for already-normalized text. */
export function indexText(norm: string): string {
  const out: string[] = [];
  for (const p of pieces(norm)) for (const t of pieceTokens(p)) out.push(t);
  return out.join(' ');
}

/** What a tip's title and tags contribute to the index: search_fts's first two columns, search_titles, the title index. */
export function indexedTitle(row: { title: string; tags: string }): { title: string; tags: string } {
  return { title: indexText(normalize(row.title)), tags: indexText(normalize(row.tags)) };
}

/** A katakana word as written: letters, long-vowel marks and iteration marks, parts joined by middle dots. */
const DOTTED_WORD = /[\u30A1-\u30FA\u30FC-\u30FE]+(?:[・･][\u30A1-\u30FA\u30FC-\u30FE]+)*/gu;
/** A katakana word is a typo target from this many letters after normalization (ピボット → ピボツト). */
export const KATAKANA_MIN = 4;
export const KATAKANA_MAX = 40;
/** A normalized katakana word that can be a typo target (suggest.ts): KATAKANA_MIN to KATAKANA_MAX letters. */
export const katakanaKey = new RegExp(`^[\\u30A1-\\u30FA\\u30FD\\u30FE]{${KATAKANA_MIN},${KATAKANA_MAX}}$`, 'u');

/**
 * The katakana words of a tip's title or tags as written (width folded: ﾋﾟﾎﾞｯﾄ → ピボット), long
 * enough after normalization to be corrected to: the typo vocabulary's katakana (suggest.ts) is
 * the words that name tips' subjects, each kept with a spelling to show (「ピボットテーブル」).
 */
export function katakanaWords(text: string): string[] {
  const out: string[] = [];
  const take = (w: string) => { if (katakanaKey.test(normalize(w)) && !out.includes(w)) out.push(w); };
  for (const m of text.normalize('NFKC').matchAll(DOTTED_WORD)) {
    // A word written with middle dots (ピボット・テーブル) is one word to normalization, and so
    // to a query typed without them; its parts are words too.
    take(m[0]);
    if (/[・･]/u.test(m[0])) for (const part of m[0].split(/[・･]/u)) take(part);
  }
  return out;
}
