/**
 * Whether a katakana word sounds like an English one (scripts/derive-loanwords.ts): their consonant
 * skeletons compared. The katakana is romanized with wanakana (MIT); vowels are dropped, letters
 * katakana cannot tell apart are merged (l/r, b/v, s/sh/th/z, t/ch/ts, f/ph, k/c/q, g/j), and an
 * English r that katakana writes as a long vowel is dropped.
 */
import { toRomaji } from 'wanakana';

/** Sounds the katakana cannot tell apart, merged, then vowels and doubled letters dropped. */
export function skeleton(word: string): string {
  return word.toLowerCase()
    .replace(/[^a-z]/g, '')
    .replace(/ph/g, 'f').replace(/sch/g, 'sk').replace(/(tch|ch|ts)/g, 't').replace(/(sh|th)/g, 's').replace(/ck|qu|q/g, 'k')
    .replace(/x/g, 'ks').replace(/c(?=[eiy])/g, 's').replace(/c/g, 'k')
    .replace(/l/g, 'r').replace(/v/g, 'b').replace(/z/g, 's').replace(/j/g, 'g')
    .replace(/[aeiouyhw]/g, '')
    .replace(/(.)\1+/g, '$1');
}

/**
 * An English word as katakana hears it: an r after a vowel and before no vowel, or in a final
 * "re", is a long vowel there, not a letter (server → サーバー, signature → シグネチャー).
 */
const heard = (english: string) => english.toLowerCase().replace(/re$/, '').replace(/([aeiouy])r(?![aeiouy])/g, '$1');

/** Longest common subsequence of the two skeletons over the longer one's length. */
export function similarity(english: string, katakana: string): number {
  const a = skeleton(heard(english));
  const b = skeleton(toRomaji(katakana));
  if (a.length === 0 || b.length === 0) return 0;
  const d: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) d[i][j] = a[i - 1] === b[j - 1] ? d[i - 1][j - 1] + 1 : Math.max(d[i - 1][j], d[i][j - 1]);
  }
  return d[a.length][b.length] / Math.max(a.length, b.length);
}

