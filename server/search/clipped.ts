/**
 * Clipped katakana compounds (issue 19, ninth round): Japanese shortens a loanword compound to the
 * first morae of its parts — スクリーンショット → スクショ, パーソナルコンピューター → パソコン, デジタル
 * カメラ → デジカメ, パワーポイント → パワポ — and staff search with the short form while a tip's title
 * writes the long one (or the other way). No list of abbreviations: a katakana word of a title or tag
 * is cut into two loanword pieces the dictionaries know (transliterate.ts `isLoanwordPiece`:
 * the Sudachi synonym dictionary's and EDICT's katakana), and its clipped forms are made by the rule
 * of the language — each part's first two morae (a mora: a kana with its small kana, ショ; a long-vowel
 * mark does not count, パー → パ; a small ッ ends the part, ショッ → ショ), or the last part's first mora
 * alone (パワ + ポ). The suggester (suggest.ts) keeps the clipped forms of its vocabulary's katakana
 * words, and a query word no tip holds is read as the word it clips (service.ts).
 */
import { normalize } from './normalize';
import { loanwordSplits } from './transliterate';

const SMALL = /[ァィゥェォャュョヮ]/u;

/** A part's first morae, as written: up to `n`, a long-vowel mark skipped, a small ッ ending it. */
function firstMorae(part: string, n: number): string {
  let out = '';
  let count = 0;
  for (const c of part) {
    if (SMALL.test(c)) { if (count > 0) out += c; continue; }
    if (count >= n) break;
    if (c === 'ー') continue;
    if (c === 'ッ') break;
    out += c;
    count++;
  }
  return out;
}

/**
 * The clipped forms of a katakana word as written (スクリーンショット → スクショ, スクシ…), normalized
 * as queries are; none when it cannot be cut into known pieces.
 */
export function clippedForms(word: string): string[] {
  if (!/^[\p{sc=Katakana}ー]{4,}$/u.test(word)) return [];
  const key = normalize(word);
  const out = new Set<string>();
  for (const [first, last] of loanwordSplits(word)) {
    const head = firstMorae(first, 2);
    // The first part gives two morae (パワー → パワ; アップ gives one: no clip of it).
    if (normalize(head).length < 2) continue;
    for (const tail of [firstMorae(last, 2), firstMorae(last, 1)]) {
      const clip = normalize(head + tail);
      if (clip.length >= 3 && clip !== key) out.add(clip);
    }
  }
  return [...out];
}
