/**
 * Romaji typed with the input method off (issue 19, ninth round): pibotto for ピボット, yuzafomu or
 * yu-za-fo-mu for ユーザーフォーム, shukei for しゅうけい. The letters are read as the input method
 * reads them — the closed table of the syllabary (Hepburn and the input method's own spellings: si,
 * ti, tu, hu, zi, sya …), a doubled consonant as ッ, n before a consonant (or nn) as ン, a hyphen or
 * a vowel doubled (teeburu) as ー — into katakana. The search keeps the reading only when tips hold it (service.ts); the table is
 * the writing system's, not a list of words.
 */

const VOWELS: Record<string, string> = { a: 'ア', i: 'イ', u: 'ウ', e: 'エ', o: 'オ' };
/** A consonant → the katakana of its row, a i u e o, one kana each (the rows of two kana are PAIRS). */
const ROWS: Record<string, string> = {
  k: 'カキクケコ', g: 'ガギグゲゴ', s: 'サシスセソ', z: 'ザジズゼゾ', t: 'タチツテト', d: 'ダヂヅデド', n: 'ナニヌネノ',
  h: 'ハヒフヘホ', b: 'バビブベボ', p: 'パピプペポ', m: 'マミムメモ', y: 'ヤイユエヨ', r: 'ラリルレロ',
  l: 'ラリルレロ', c: 'カシクセコ', q: 'カキクケコ', x: 'ァィゥェォ',
};
/** Rows written with two kana where the last is small (fa fi fe fo, va …): their own spelling, by vowel. */
const PAIRS: Record<string, Record<string, string>> = {
  w: { a: 'ワ', i: 'ウィ', u: 'ウ', e: 'ウェ', o: 'ヲ' },
  v: { a: 'ヴァ', i: 'ヴィ', u: 'ヴ', e: 'ヴェ', o: 'ヴォ' },
  f: { a: 'ファ', i: 'フィ', u: 'フ', e: 'フェ', o: 'フォ' },
  j: { a: 'ジャ', i: 'ジ', u: 'ジュ', e: 'ジェ', o: 'ジョ' },
  sh: { a: 'シャ', i: 'シ', u: 'シュ', e: 'シェ', o: 'ショ' },
  ch: { a: 'チャ', i: 'チ', u: 'チュ', e: 'チェ', o: 'チョ' },
  ts: { a: 'ツァ', i: 'ツィ', u: 'ツ', e: 'ツェ', o: 'ツォ' },
  th: { a: 'テャ', i: 'ティ', u: 'テュ', e: 'テェ', o: 'テョ' },
  fy: { a: 'フャ', i: 'フィ', u: 'フュ', e: 'フェ', o: 'フョ' },
  vy: { a: 'ヴャ', i: 'ヴィ', u: 'ヴュ', e: 'ヴェ', o: 'ヴョ' },
  dh: { a: 'デャ', i: 'ディ', u: 'デュ', e: 'デェ', o: 'デョ' },
};
const SMALL_Y: Record<string, string> = { a: 'ャ', u: 'ュ', o: 'ョ', e: 'ェ', i: 'ィ' };

function syllable(cons: string, vowel: string): string | null {
  if (cons === '') return VOWELS[vowel];
  if (PAIRS[cons]) return PAIRS[cons][vowel];
  const i = 'aiueo'.indexOf(vowel);
  if (cons.length === 1) {
    const row = ROWS[cons];
    if (!row) return null;
    if (cons === 'y' && vowel === 'e') return 'イェ';
    return row[i];
  }
  // Contracted sounds: kya, sya, nyu, hyo … (the i-column kana and a small ya, yu, yo).
  if (cons.length === 2 && cons[1] === 'y' && ROWS[cons[0]] && !PAIRS[cons[0]]) return ROWS[cons[0]][1] + SMALL_Y[vowel];
  return null;
}

/**
 * The katakana an input method makes of a romaji word, or null when the letters are not romaji (a
 * consonant cluster no syllable has, a letter left over: vlookup, excel).
 */
export function romajiToKatakana(word: string): string | null {
  const s = word.toLowerCase();
  if (!/^[a-z-]+$/.test(s) || !/[aiueo]/.test(s)) return null;
  let out = '';
  let i = 0;
  while (i < s.length) {
    const c = s[i];
    if (c === '-') { out += 'ー'; i++; continue; }
    // A vowel after a syllable of the same vowel is how romaji writes a long one (teeburu: テーブル).
    if (c in VOWELS && i > 0 && s[i - 1] === c && out !== '' && !/[ンッー]$/u.test(out)) { out += 'ー'; i++; continue; }
    if (c in VOWELS) { out += VOWELS[c]; i++; continue; }
    // n: ン before a consonant, at the end, before another n (nn), or written n' .
    if (c === 'n' && (i + 1 === s.length || (!(s[i + 1] in VOWELS) && s[i + 1] !== 'y'))) {
      out += 'ン';
      i += s[i + 1] === 'n' ? 2 : 1;
      continue;
    }
    // A doubled consonant: a small tsu (pibotto → ピボット; tch → ッチ).
    if (s[i + 1] === c && c !== 'n' || (c === 't' && s[i + 1] === 'c' && s[i + 2] === 'h')) { out += 'ッ'; i++; continue; }
    const m = /^(sh|ch|ts|th|dh|fy|vy|[kgsztdnhbpmrlcqxjw]y?|[vf]|y)([aiueo])/.exec(s.slice(i));
    if (!m) return null;
    const kana = syllable(m[1], m[2]);
    if (kana === null) return null;
    out += kana;
    i += m[0].length;
  }
  return out;
}
