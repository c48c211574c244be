/**
 * Latin spellings a katakana word may stand for (issue 19, ninth round): staff type product and
 * function names as they say them — ワインアクター for WinActor, ブイルックアップ (or ぶいるっくあっぷ)
 * for VLOOKUP, チームズ for Teams, ユーアイパス for UiPath — while tips write them in Latin letters.
 * No table of product names: the word is cut into katakana pieces that the dictionaries pair with an
 * English word (the Sudachi synonym dictionary's loanword spellings, lexicon.ts: ワイン / wine,
 * アクター / actor; EDICT's, loanwords.ts: ルックアップ / lookup), the names of the Latin letters (the
 * alphabet: ブイ v, エックス x, ユー u, アイ i) and a plural ズ/ス (s), and the pieces' English is
 * joined: wineactor, vlookup, teams, uipath. Those are guesses at a sound, not words: the caller
 * (service.ts) keeps one only when the index holds it, as it is or as the closest word a typo
 * correction finds (wineactor → winactor, suggest.ts), and the query that finds tips is shown as
 * corrected. Pieces and the word are compared normalized (normalize.ts: long-vowel marks dropped,
 * small kana folded), so ワインアクター, ウィンアクター and ういんあくたー meet the same pieces.
 */
import { derivedText, sourceHash, spellingLists } from './lexicon';
import { LineTable } from './line-table';
import { englishLoanwords, katakanaOf } from './loanwords';
import { normalize, normalizeWithMap, toKatakana } from './normalize';
import { translationsOf } from './translations';

/** How the Latin letters are read in katakana (the alphabet, as Japanese says it). */
const LETTERS: Record<string, string> = {
  a: 'エー エイ', b: 'ビー', c: 'シー', d: 'ディー デー', e: 'イー', f: 'エフ', g: 'ジー', h: 'エイチ エッチ', i: 'アイ',
  j: 'ジェー ジェイ', k: 'ケー ケイ', l: 'エル', m: 'エム', n: 'エヌ', o: 'オー', p: 'ピー', q: 'キュー', r: 'アール',
  s: 'エス', t: 'ティー', u: 'ユー', v: 'ブイ ヴィー ヴイ', w: 'ダブリュー', x: 'エックス', y: 'ワイ', z: 'ゼット ズィー',
};
/** Most English words kept for one katakana piece (パス: path, pass). */
const PER_PIECE = 3;
/** Most spellings returned for a word. */
const MAX_SPELLINGS = 16;
/** Most pieces a word is cut into (a longer chain is noise: one-letter pieces match anything). */
const MAX_PIECES = 5;
/** The longest piece looked up, in normalized characters. */
const MAX_PIECE = 14;

function add(map: Map<string, string[]>, katakana: string, latin: string): void {
  const key = normalize(katakana);
  if (!/^\p{sc=Katakana}+$/u.test(key) || !/^[a-z][a-z0-9]*$/.test(latin)) return;
  const list = map.get(key) ?? map.set(key, []).get(key)!;
  if (list.length < PER_PIECE && !list.includes(latin)) list.push(latin);
}

/** The pieces' text: normalized katakana → English words, the dictionary's first, then EDICT's, then letters. */
function build(): string {
  const map = new Map<string, string[]>();
  for (const [word, same] of spellingLists()) {
    const latin = [word, ...same].filter((w) => /^[a-z][a-z0-9]*$/.test(w));
    const kana = [word, ...same].filter((w) => /^\p{sc=Katakana}+$/u.test(w));
    for (const k of kana) for (const l of latin) add(map, k, l);
  }
  for (const latin of englishLoanwords()) for (const k of katakanaOf(latin)) add(map, k, latin);
  for (const [letter, names] of Object.entries(LETTERS)) for (const n of names.split(' ')) add(map, n, letter);
  return LineTable.format([...map].map(([k, v]) => [k, v.join(' ')]));
}

/**
 * Read in place (line-table.ts): ~19,000 pieces, made once from the dictionaries (~250 ms) and kept
 * beside the lexicon's own tables (lexicon.ts derivedText), named by what made them; as a Map of
 * arrays the same pieces cost each search thread ~6 MB of heap.
 */
let pieces: LineTable | null = null;

function table(): LineTable {
  pieces ??= LineTable.parse(derivedText(`transliterate-${sourceHash(JSON.stringify(LETTERS), build.toString(), add.toString(), String(englishLoanwords().length))}`, build));
  return pieces;
}

/**
 * The syllabary in Latin letters (Hepburn), for a piece no dictionary has (イフ in カウントイフ): as
 * normalized text has it, small kana folded to large and no long-vowel marks. The closed table of
 * the writing system, not a list of words.
 */
const ROMAJI: Record<string, string> = Object.fromEntries([
  'ア a', 'イ i', 'ウ u', 'エ e', 'オ o', 'カ ka', 'キ ki', 'ク ku', 'ケ ke', 'コ ko', 'ガ ga', 'ギ gi', 'グ gu', 'ゲ ge', 'ゴ go',
  'サ sa', 'シ shi', 'ス su', 'セ se', 'ソ so', 'ザ za', 'ジ ji', 'ズ zu', 'ゼ ze', 'ゾ zo', 'タ ta', 'チ chi', 'ツ tsu', 'テ te', 'ト to',
  'ダ da', 'ヂ ji', 'ヅ zu', 'デ de', 'ド do', 'ナ na', 'ニ ni', 'ヌ nu', 'ネ ne', 'ノ no', 'ハ ha', 'ヒ hi', 'フ fu', 'ヘ he', 'ホ ho',
  'バ ba', 'ビ bi', 'ブ bu', 'ベ be', 'ボ bo', 'パ pa', 'ピ pi', 'プ pu', 'ペ pe', 'ポ po', 'マ ma', 'ミ mi', 'ム mu', 'メ me', 'モ mo',
  'ヤ ya', 'ユ yu', 'ヨ yo', 'ラ ra', 'リ ri', 'ル ru', 'レ re', 'ロ ro', 'ワ wa', 'ヲ o', 'ン n', 'ヴ vu',
].map((x) => x.split(' ')));
/** Longest piece read by its sound: a short syllable or two (イフ), not a word of its own. */
const MAX_SOUNDED = 3;

/**
 * Latin spellings of a short piece by its sound: its syllables in Hepburn, the vowel a loanword adds
 * after a consonant (イフ: ifu for "if"; ト: to for "t") left out or kept, both ways.
 */
function sounded(piece: string): string[] {
  let ways = [''];
  for (const c of piece) {
    const r = ROMAJI[c];
    if (r === undefined) return [];
    const bare = r.length >= 2 && /[uo]$/.test(r) && r !== 'tsu' ? r.slice(0, -1) : null;
    ways = ways.flatMap((w) => (bare ? [w + r, w + bare] : [w + r]));
  }
  return ways;
}

/** Builds the table now (a search thread's start), not on the first query that needs it. */
export function warmTransliteration(): void { table(); }

/**
 * Latin spellings of a normalized katakana word, fewest pieces first: each a cut of the whole word
 * into pieces of the table (a plural ズ/ス at the end as `s`), at most MAX_SPELLINGS. Empty when the
 * word cannot be cut so.
 */
export function latinSpellingsOf(katakana: string): string[] {
  const word = Array.from(katakana);
  if (word.length < 2 || !/^\p{sc=Katakana}+$/u.test(katakana)) return [];
  const map = table();
  // ways[i]: spellings of the first i characters, as [cost, text, pieces read by sound], cheapest
  // first: a piece costs 1, one read by its sound 1.5 (a guess, after any cut into known pieces of
  // the same count), at most one such piece a word, and never a word read by sound alone.
  const ways: [number, string, number][][] = Array.from({ length: word.length + 1 }, () => []);
  ways[0].push([0, '', 0]);
  for (let i = 0; i < word.length; i++) {
    if (ways[i].length === 0) continue;
    for (let j = i + 1; j <= Math.min(word.length, i + MAX_PIECE); j++) {
      const piece = word.slice(i, j).join('');
      // A plural ending (チームズ: teams) after at least one piece.
      const english = map.get(piece)?.split(' ') ?? (j === word.length && i > 0 && (piece === 'ズ' || piece === 'ス') ? ['s'] : undefined);
      const bySound = english === undefined && j - i >= 2 && j - i <= MAX_SOUNDED ? sounded(piece) : [];
      if (!english && bySound.length === 0) continue;
      for (const [n, text, guessed] of ways[i]) {
        if (Math.ceil(n) + 1 > MAX_PIECES) continue;
        if (english) for (const e of english) ways[j].push([n + 1, text + e, guessed]);
        else if (guessed === 0 && !(i === 0 && j === word.length)) for (const e of bySound) ways[j].push([n + 1.5, text + e, 1]);
      }
      ways[j].sort((a, b) => a[0] - b[0]);
      ways[j].splice(MAX_SPELLINGS * 4);
    }
  }
  const out: string[] = [];
  for (const [, text] of ways[word.length]) if (!out.includes(text)) out.push(text);
  return out.slice(0, MAX_SPELLINGS);
}

/** Whether a normalized katakana text is a loanword piece the dictionaries know (clipped.ts). */
export function isLoanwordPiece(katakana: string): boolean {
  return table().get(katakana) !== undefined;
}

/**
 * Whether one normalized katakana letter, written with its long vowel (キー, バー, ビー), is a word
 * the dictionaries know: a loanword piece of the table (キ: key) or a Japanese word of the
 * translation table (translations.ts, Wiktionary: バー, for bar — an English word of three letters,
 * which neither the Sudachi dictionary nor EDICT's loanwords pair with its katakana).
 */
export function isShortPiece(letter: string): boolean {
  return Array.from(letter).length === 1 && /^\p{sc=Katakana}$/u.test(letter) && (isLoanwordPiece(letter) || translationsOf(letter).length > 0);
}

/**
 * The ways a normalized katakana word cuts into loanword pieces, at most `most` of them (2 or 3),
 * fewer first (ドロツプダウンリスト: ドロツプ|ダウン|リスト, as no piece ドロツプダウン is known). A
 * piece has two letters or more; after the first, one may have one letter when it is written with a
 * long vowel (`long`: the positions of the letters a long-vowel mark follows as written; a known
 * short piece, isShortPiece): at the end (セミコロンキー: セミコロン|キー) or between two others
 * (タスクバーアイコン: タスク|バー|アイコン) when it is no part of a known piece beside it. The cuts
 * with such a piece between two others come last: every cut the word had without them keeps its
 * place. `true` for `long` stands for the last letter only (a word that ends in a long-vowel mark).
 */
export function loanwordPieceCuts(katakana: string, long: ReadonlySet<number> | boolean = false, most: 2 | 3 = 3): number[][] {
  const n = katakana.length;
  const longAt = typeof long === 'boolean' ? new Set(long ? [n - 1] : []) : long;
  const ok = (from: number, to: number) => (to - from >= 2
    ? isLoanwordPiece(katakana.slice(from, to))
    : to - from === 1 && from > 0 && longAt.has(from) && isShortPiece(katakana.slice(from, to)));
  const two: number[][] = [];
  const three: number[][] = [];
  const shortMiddle: number[][] = [];
  for (let i = 2; i < n; i++) {
    if (!ok(0, i)) continue;
    if (ok(i, n)) two.push([i]);
    if (most === 3) for (let j = i + 1; j < n; j++) {
      if (!ok(i, j) || !ok(j, n)) continue;
      if (j - i >= 2) three.push([i, j]);
      // A letter between two pieces stands alone only when it is no part of a piece beside it
      // (ツールバーボタン is ツールバー|ボタン, マウスカーソル マウス|カーソル, never ツール|バー|ボタン).
      else if (!isLoanwordPiece(katakana.slice(0, j)) && !isLoanwordPiece(katakana.slice(i))) shortMiddle.push([i, j]);
    }
  }
  return [...two, ...three, ...shortMiddle];
}

/**
 * A katakana (or hiragana) word as written, cut into loanword pieces in its own letters
 * (ピボットスライサー → ピボット + スライサー, long-vowel marks and small kana kept): the cuts of its
 * normalized form (loanwordPieceCuts: two or three pieces; a piece of one letter where the word
 * writes that letter with a long-vowel mark, not first) mapped back through normalization's map.
 */
export function loanwordPieces(written: string): string[][] {
  const mapped = normalizeWithMap(toKatakana(written));
  const n = mapped.text.length;
  // The letters a long-vowel mark follows as written (normalization drops the marks: each letter's
  // stretch of the written word runs to the next letter's).
  const long = new Set<number>();
  for (let k = 0; k < n; k++) if (/[ーｰ]/u.test(written.slice(mapped.start[k], k + 1 < n ? mapped.start[k + 1] : written.length))) long.add(k);
  return loanwordPieceCuts(mapped.text, long).map((cuts) =>
    [0, ...cuts].map((k, i, all) => written.slice(mapped.start[k], i + 1 < all.length ? mapped.start[all[i + 1]] : written.length)));
}

/** Two loanword pieces of two letters or more each, as written (clipped forms and related tips read these). */
export function loanwordSplits(written: string): [string, string][] {
  const mapped = normalizeWithMap(toKatakana(written));
  return loanwordPieceCuts(mapped.text, false, 2).map(([k]) => [written.slice(0, mapped.start[k]), written.slice(mapped.start[k])]);
}
