/**
 * The one text normalization for search, applied identically to tips (title, tags, body) and
 * to queries, so that what is typed and what is written meet. Rules, not a list of words: every
 * spelling of the kinds below is folded, whichever word it is (the words themselves — loanword
 * spellings, Latin ↔ katakana, synonyms — come from the Sudachi synonym dictionary at query time,
 * lexicon.ts). In order:
 *
 * 1. NFKC: full-width Latin and digits become ASCII (ＥＸＣＥＬ → EXCEL, ：→ :), half-width
 *    katakana becomes full-width (ｴｸｾﾙ → エクセル, ｶﾞ → ガ), compatibility forms unfold (㈱ → (株));
 *    a spacing sound mark after a kana letter is taken as the combining one first (ハ゜ → パ).
 * 2. Case folding (toLowerCase): Excel / EXCEL / excel are one word.
 * 3. Katakana spelling of loanwords: ヴァ ヴィ ヴ ヴェ ヴォ → バ ビ ブ ベ ボ, small kana become large
 *    (ウィ = ウイ, ティ = テイ, ッ = ツ, ヵ ヶ = カ ケ), ヂ ヅ → ジ ズ, every long-vowel mark after a
 *    katakana letter is dropped, wherever it is in the word (ユーザー = ユーザ, inside compounds too:
 *    ユーザーアカウント = ユーザアカウント, インターフェース = インタフェース), and a middle dot
 *    between katakana letters is dropped (ピボット・テーブル = ピボットテーブル).
 * 4. Okurigana: one hiragana letter that is not a particle, after a kanji and before another kanji
 *    or the end of the Japanese text, is dropped (取り込み = 取込み = 取込, 貼り付け = 貼付け = 貼付,
 *    問い合わせ = 問合わせ, 抜き出す = 抜出す, 差込み印刷 = 差し込み印刷).
 *
 * `normalizeWithMap` does the same and also says, for each output character, which span of the
 * input it came from, so snippets can highlight the original text.
 */

const KATAKANA_LETTER = '\\u30A1-\\u30FA\\u30FD-\\u30FF\\u31F0-\\u31FF';
const VU = /ヴ([ァィェォ]?)/gu;
const VU_ROW: Record<string, string> = { '': 'ブ', 'ァ': 'バ', 'ィ': 'ビ', 'ェ': 'ベ', 'ォ': 'ボ' };
const SMALL: Record<string, string> = {
  'ァ': 'ア', 'ィ': 'イ', 'ゥ': 'ウ', 'ェ': 'エ', 'ォ': 'オ', 'ッ': 'ツ', 'ャ': 'ヤ', 'ュ': 'ユ', 'ョ': 'ヨ', 'ヮ': 'ワ',
  'ヵ': 'カ', 'ヶ': 'ケ', 'ヂ': 'ジ', 'ヅ': 'ズ',
};
const MIDDLE_DOT = new RegExp(`(?<=[${KATAKANA_LETTER}])[・･](?=[${KATAKANA_LETTER}])`, 'gu');
/** Particles and the like, which separate words rather than end a kanji stem. */
const OKURIGANA_LETTERS = 'いうえきぎくけげこしじすせちつてねびべみむめりるれろ';

/**
 * The rules as regular expressions (what each rule means; tests/search/normalize.test.ts checks
 * the code below against them on random and real text). Scanned this way, the lookbehinds made
 * V8 test every position of the text: 25 µs for a 680-character tip, 4 µs of it NFKC and case.
 */
export const RULE_PATTERNS = {
  /** Characters that show nothing (soft hyphen, zero-width space and joiners, word joiner, BOM): pasted text carries them inside words. */
  invisible: /[\u00AD\u200B-\u200F\u2060-\u2064\uFEFF]/gu,
  vu: VU,
  small: /[ァィゥェォッャュョヮヵヶヂヅ]/gu,
  /** A long-vowel mark (or several) after a katakana letter. */
  longVowel: new RegExp(`(?<=[${KATAKANA_LETTER}])ー+`, 'gu'),
  middleDot: MIDDLE_DOT,
  okurigana: new RegExp(`(?<=\\p{sc=Han})[${OKURIGANA_LETTERS}](?=\\p{sc=Han}|(?![\\p{sc=Hiragana}\\p{sc=Katakana}ー]))`, 'gu'),
} as const;

/** Each match of a rule in `s`, in order: where, how long, and what replaces it. */
type Found = (at: number, length: number, replacement: string) => void;
type Rule = (s: string, found: Found) => void;

const isKatakanaLetter = (c: number) => (c >= 0x30a1 && c <= 0x30fa) || (c >= 0x30fd && c <= 0x30ff) || (c >= 0x31f0 && c <= 0x31ff);
/** SMALL by UTF-16 unit from U+30A0 (none of its letters is a surrogate, so units are letters). */
const SMALL_AT: string[] = [];
for (const [from, to] of Object.entries(SMALL)) SMALL_AT[from.charCodeAt(0) - 0x30a0] = to;
const OKURIGANA_AT = new Uint8Array(0x60);
for (const c of OKURIGANA_LETTERS) OKURIGANA_AT[c.charCodeAt(0) - 0x3040] = 1;
/** What may follow a dropped okurigana letter (the lookahead of RULE_PATTERNS.okurigana), from a position. */
const OKURIGANA_NEXT = /(?:\p{sc=Han}|(?![\p{sc=Hiragana}\p{sc=Katakana}ー]))/uy;
/** \p{sc=Han} for each UTF-16 unit of the BMP, as this engine's Unicode data has it (built on first use). */
let hanBmp: Uint8Array | null = null;
function isHan(cp: number): boolean {
  if (cp > 0xffff) return /\p{sc=Han}/u.test(String.fromCodePoint(cp));
  if (!hanBmp) {
    hanBmp = new Uint8Array(0x10000);
    let all = '';
    for (let c = 0; c < 0x10000; c++) all += c >= 0xd800 && c <= 0xdfff ? ' ' : String.fromCharCode(c);
    for (const m of all.matchAll(/\p{sc=Han}/gu)) hanBmp[m.index ?? 0] = 1;
  }
  return hanBmp[cp] === 1;
}

const RULES: Rule[] = [
  // Invisible characters, first: VLOO\u200BKUP is VLOOKUP, as the reader sees it (rare: looked for by code).
  (s, found) => {
    for (const m of s.matchAll(RULE_PATTERNS.invisible)) found(m.index ?? 0, m[0].length, '');
  },
  // ヴ and ヴァ ヴィ ヴェ ヴォ → ブ バ ビ ベ ボ (rare: only looked for when there is a ヴ).
  (s, found) => {
    if (!s.includes('ヴ')) return;
    for (const m of s.matchAll(VU)) found(m.index ?? 0, m[0].length, VU_ROW[m[1] ?? '']);
  },
  // Small kana and ヂ ヅ → large kana, ジ ズ.
  (s, found) => {
    for (let i = 0; i < s.length; i++) {
      const k = s.charCodeAt(i) - 0x30a0;
      if (k > 0 && k < 0x60 && SMALL_AT[k] !== undefined) found(i, 1, SMALL_AT[k]);
    }
  },
  // Long-vowel marks after a katakana letter (ー is U+30FC, itself no letter: a run is one match).
  (s, found) => {
    for (let i = s.indexOf('ー'); i >= 0; i = s.indexOf('ー', i)) {
      let j = i + 1;
      if (i > 0 && isKatakanaLetter(s.charCodeAt(i - 1))) {
        while (j < s.length && s.charCodeAt(j) === 0x30fc) j++;
        found(i, j - i, '');
      }
      i = j;
    }
  },
  // A middle dot between katakana letters (rare: only looked for when there is one).
  (s, found) => {
    if (!s.includes('・') && !s.includes('･')) return;
    for (const m of s.matchAll(MIDDLE_DOT)) found(m.index ?? 0, m[0].length, '');
  },
  // Okurigana: the letter first (a table), then the code point before it, then what follows.
  (s, found) => {
    for (let i = 1; i < s.length; i++) {
      const k = s.charCodeAt(i) - 0x3040;
      if (k < 0 || k >= 0x60 || OKURIGANA_AT[k] === 0) continue;
      let cp = s.charCodeAt(i - 1);
      if (cp >= 0xdc00 && cp <= 0xdfff && i >= 2) {
        const high = s.charCodeAt(i - 2);
        if (high >= 0xd800 && high <= 0xdbff) cp = (high - 0xd800) * 0x400 + (cp - 0xdc00) + 0x10000;
      }
      if (!isHan(cp)) continue;
      OKURIGANA_NEXT.lastIndex = i + 1;
      if (OKURIGANA_NEXT.test(s)) found(i, 1, '');
    }
  },
];

function applyRule(s: string, rule: Rule): string {
  let out = '';
  let last = -1;
  rule(s, (at, length, replacement) => {
    out += s.slice(Math.max(last, 0), at) + replacement;
    last = at + length;
  });
  return last < 0 ? s : out + s.slice(last);
}

/**
 * A spacing voiced or semi-voiced sound mark after a kana letter (ハ゜ソコン, カ゛イド: typed or
 * converted from old text) is the combining mark, so NFKC composes the letter (パ, ガ); NFKC alone
 * unfolds the spacing mark into a space and the combining mark, which split the word in two.
 * (A lookbehind expression: only run on text that has a spacing mark at all.)
 */
const SPACING_MARK = /(?<=[\u3041-\u3096\u309D\u309E\u30A1-\u30FA\u30FD\u30FE])[\u309B\u309C]/gu;
const toCombining = (s: string) => (!s.includes('\u309B') && !s.includes('\u309C') ? s
  : s.replace(SPACING_MARK, (m) => (m === '\u309B' ? '\u3099' : '\u309A')));

/** Fast path for indexing: the normalized text only. */
export function normalize(text: string): string {
  let s = toCombining(text).normalize('NFKC').toLowerCase();
  for (const rule of RULES) s = applyRule(s, rule);
  return s;
}

/**
 * An English word or phrase as normalize leaves it (lower-case letters, spaces, hyphens): how
 * Wiktionary's English headwords are keyed (derive-translations.ts) and looked up (query.ts).
 */
export const isEnglishWord = (s: string): boolean => /^[a-z][a-z -]*$/.test(s);

/** Hiragana → katakana, letter for letter (ぴぼっと → ピボット); the rest as it is. */
export function toKatakana(s: string): string {
  return s.replace(/[\u3041-\u3096\u309D\u309E]/gu, (c) => String.fromCharCode(c.charCodeAt(0) + 0x60));
}

export interface MappedText {
  text: string;
  /** For each UTF-16 unit of `text`, the start and end (exclusive) of its source in the input. */
  start: number[];
  end: number[];
}

function replaceMapped(src: MappedText, rule: Rule): MappedText {
  const ats: number[] = [];
  const lengths: number[] = [];
  const reps: string[] = [];
  rule(src.text, (at, length, rep) => { ats.push(at); lengths.push(length); reps.push(rep); });
  // Most rules match nothing in most text: the input is then the output, not a copy of it.
  if (ats.length === 0) return src;
  const { text: from, start: fromStart, end: fromEnd } = src;
  const start: number[] = [];
  const end: number[] = [];
  let text = '';
  let last = 0;
  for (let k = 0; k < ats.length; k++) {
    const at = ats[k];
    text += from.slice(last, at);
    for (let i = last; i < at; i++) { start.push(fromStart[i]); end.push(fromEnd[i]); }
    const s = fromStart[at];
    const e = fromEnd[at + lengths[k] - 1];
    const rep = reps[k];
    if (rep === '') {
      // A dropped mark: the character before it now ends where the mark did.
      if (end.length > 0) end[end.length - 1] = Math.max(end[end.length - 1], e);
    } else {
      text += rep;
      for (let i = 0; i < rep.length; i++) { start.push(s); end.push(e); }
    }
    last = at + lengths[k];
  }
  text += from.slice(last);
  for (let i = last; i < from.length; i++) { start.push(fromStart[i]); end.push(fromEnd[i]); }
  return { text, start, end };
}

/**
 * A UTF-16 unit that NFKC and lower-casing leave as it is, on its own and before any other
 * such unit (none of them is a combining mark): printable ASCII but capitals, hiragana and
 * katakana letters, the prolonged sound mark and middle dot, CJK punctuation 、。「」 and the
 * unified ideographs. Tips are mostly these; the rest go through NFKC one group at a time.
 */
const stable = (c: number) =>
  (c >= 0x20 && c <= 0x7e && !(c >= 0x41 && c <= 0x5a)) || (c >= 0x3041 && c <= 0x3096) ||
  (c >= 0x30a1 && c <= 0x30fc) || (c >= 0x3001 && c <= 0x3002) || (c >= 0x300c && c <= 0x300f) ||
  (c >= 0x4e00 && c <= 0x9fff);

/** A base character and the marks that follow it, normalized together (ｶﾞ → ガ). */
const GROUP = /[\s\S][\p{M}\uFF9E\uFF9F\u309B\u309C]*/uy;

/** Same result as `normalize`, with a map back to the input for highlighting. */
export function normalizeWithMap(input: string): MappedText {
  const start: number[] = [];
  const end: number[] = [];
  let text = '';
  let run = 0; // start of the current run of stable units, copied at once
  let i = 0;
  while (i < input.length) {
    const c = input.charCodeAt(i);
    const next = i + 1 < input.length ? input.charCodeAt(i + 1) : 0x20;
    // A stable unit followed by another stable one (or the end) is its own output.
    if (stable(c) && stable(next)) {
      start.push(i);
      end.push(i + 1);
      i++;
      continue;
    }
    text += input.slice(run, i);
    GROUP.lastIndex = i;
    const m = GROUP.exec(input)![0];
    const n = toCombining(m).normalize('NFKC').toLowerCase();
    text += n;
    for (let k = 0; k < n.length; k++) { start.push(i); end.push(i + m.length); }
    i += m.length;
    run = i;
  }
  text += input.slice(run);
  let out: MappedText = { text, start, end };
  for (const rule of RULES) out = replaceMapped(out, rule);
  return out;
}
