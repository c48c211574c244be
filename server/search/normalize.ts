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
const SMALL_RE = /[ァィゥェォッャュョヮヵヶヂヅ]/gu;
/** A long-vowel mark (or several) after a katakana letter. */
const LONG_VOWEL = new RegExp(`(?<=[${KATAKANA_LETTER}])ー+`, 'gu');
const MIDDLE_DOT = new RegExp(`(?<=[${KATAKANA_LETTER}])[・･](?=[${KATAKANA_LETTER}])`, 'gu');
/** Particles and the like, which separate words rather than end a kanji stem. */
const OKURIGANA = /(?<=\p{sc=Han})[いうえきぎくけげこしじすせちつてねびべみむめりるれろ](?=\p{sc=Han}|(?![\p{sc=Hiragana}\p{sc=Katakana}ー]))/gu;

type Rule = [RegExp, (m: string, ...groups: string[]) => string];
const RULES: Rule[] = [
  [VU, (_m, small) => VU_ROW[small]],
  [SMALL_RE, (m) => SMALL[m]],
  [LONG_VOWEL, () => ''],
  [MIDDLE_DOT, () => ''],
  [OKURIGANA, () => ''],
];

/**
 * A spacing voiced or semi-voiced sound mark after a kana letter (ハ゜ソコン, カ゛イド: typed or
 * converted from old text) is the combining mark, so NFKC composes the letter (パ, ガ); NFKC alone
 * unfolds the spacing mark into a space and the combining mark, which split the word in two.
 */
const SPACING_MARK = /(?<=[\u3041-\u3096\u309D\u309E\u30A1-\u30FA\u30FD\u30FE])[\u309B\u309C]/gu;
const toCombining = (s: string) => s.replace(SPACING_MARK, (m) => (m === '\u309B' ? '\u3099' : '\u309A'));

/** Fast path for indexing: the normalized text only. */
export function normalize(text: string): string {
  let s = toCombining(text).normalize('NFKC').toLowerCase();
  for (const [re, fn] of RULES) s = s.replace(re, fn as (m: string) => string);
  return s;
}

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

function replaceMapped(src: MappedText, re: RegExp, fn: (m: string, ...groups: string[]) => string): MappedText {
  // Most rules match nothing in most text: the input is then the output, not a copy of it.
  re.lastIndex = 0;
  const any = re.test(src.text);
  re.lastIndex = 0; // matchAll below starts where the regular expression's lastIndex is
  if (!any) return src;
  const out: MappedText = { text: '', start: [], end: [] };
  let last = 0;
  const copy = (from: number, to: number) => {
    out.text += src.text.slice(from, to);
    for (let i = from; i < to; i++) { out.start.push(src.start[i]); out.end.push(src.end[i]); }
  };
  for (const m of src.text.matchAll(re)) {
    const at = m.index ?? 0;
    copy(last, at);
    const rep = fn(m[0], ...m.slice(1).map((g) => g ?? ''));
    const s = src.start[at];
    const e = src.end[at + m[0].length - 1];
    if (rep === '') {
      // A dropped mark: the character before it now ends where the mark did.
      if (out.end.length > 0) out.end[out.end.length - 1] = Math.max(out.end[out.end.length - 1], e);
    } else {
      out.text += rep;
      for (let i = 0; i < rep.length; i++) { out.start.push(s); out.end.push(e); }
    }
    last = at + m[0].length;
  }
  copy(last, src.text.length);
  return out;
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
  for (const [re, fn] of RULES) out = replaceMapped(out, re, fn);
  return out;
}
