import { describe, expect, test } from 'vitest';
import { normalize, normalizeWithMap, RULE_PATTERNS } from '../../server/search/normalize';
import { TIPS } from '../../scripts/search-eval/collection';
import { indexText, pieces } from '../../server/search/tokenize';

describe('normalize', () => {
  test('NFKC and case folding make width and case variants one word', () => {
    expect(normalize('ＥＸＣＥＬ')).toBe('excel');
    expect(normalize('Excel')).toBe('excel');
    expect(normalize('ＶＬＯＯＫＵＰ関数')).toBe('vlookup関数');
    expect(normalize('１２３')).toBe('123');
  });

  test('half-width katakana becomes full-width, voiced marks included', () => {
    expect(normalize('ﾃﾞｰﾀ')).toBe(normalize('データ'));
    expect(normalize('ﾋﾟﾎﾞｯﾄ')).toBe(normalize('ピボット'));
    expect(normalize('ｶﾞ')).toBe('ガ');
  });

  test('every long-vowel mark of a katakana word is dropped, inside compounds too', () => {
    expect(normalize('フォルダー')).toBe(normalize('フォルダ'));
    expect(normalize('サーバーに保存')).toBe(normalize('サーバに保存'));
    expect(normalize('ユーザーアカウント')).toBe(normalize('ユーザアカウント'));
    expect(normalize('インターフェース')).toBe(normalize('インタフェース'));
    expect(normalize('コンピューター')).toBe(normalize('コンピュータ'));
    expect(normalize('データ')).not.toContain('ー');
    // Not after hiragana or kanji (a dash in text stays what it is).
    expect(normalize('すらいさー')).toBe('すらいさー');
  });

  test('small and large kana, ヴ and the middle dot of loanwords are one spelling', () => {
    expect(normalize('ウィンドウ')).toBe(normalize('ウインドウ'));
    expect(normalize('ヴィヴァルディ')).toBe(normalize('ビバルディ'));
    expect(normalize('ヴェール')).toBe(normalize('ベール'));
    expect(normalize('パーティー')).toBe(normalize('パーテイー'));
    expect(normalize('ピボット・テーブル')).toBe(normalize('ピボットテーブル'));
    expect(normalize('ピボット')).not.toBe(normalize('ピボト'));
  });

  test('okurigana between kanji or ending a word are dropped; particles are not', () => {
    expect(normalize('貼り付け')).toBe(normalize('貼付け'));
    expect(normalize('貼り付け')).toBe(normalize('貼付'));
    expect(normalize('取り込み')).toBe(normalize('取込み'));
    expect(normalize('問い合わせ')).toBe(normalize('問合わせ'));
    expect(normalize('抜き出す')).toBe(normalize('抜出す'));
    expect(normalize('差し込み印刷')).toBe(normalize('差込み印刷'));
    expect(normalize('課の名前')).toBe('課の名前');
    expect(normalize('表を印刷')).toBe('表を印刷');
    expect(normalize('印刷します')).toBe('印刷します');
  });

  test('the mapped form equals the fast form and points back into the input', () => {
    const inputs = ['ＥＸＣＥＬでﾌｫﾙﾀﾞｰに貼り付け', 'エクセルのサーバー', 'abc ＡＢＣ ｶﾞｷﾞ', '𠮷野家の資料', '', 'ﾊﾟﾜﾎﾟ資料',
      'ヴィヴァルディ・ユーザー', 'ーーー', 'ｳｨﾝﾄﾞｳ', '取り込み'];
    for (const input of inputs) {
      const m = normalizeWithMap(input);
      expect(m.text).toBe(normalize(input));
      expect(m.start).toHaveLength(m.text.length);
      for (let i = 0; i < m.text.length; i++) {
        expect(m.start[i]).toBeGreaterThanOrEqual(0);
        expect(m.end[i]).toBeLessThanOrEqual(input.length);
        expect(m.end[i]).toBeGreaterThan(m.start[i]);
      }
    }
    const m = normalizeWithMap('ＥＸＣＥＬでﾌｫﾙﾀﾞｰ');
    const at = m.text.indexOf(normalize('フォルダ'));
    expect('ＥＸＣＥＬでﾌｫﾙﾀﾞｰ'.slice(m.start[at], m.end[at + 3])).toBe('ﾌｫﾙﾀﾞｰ');
  });
});

/**
 * The per-character mapping as it was before the fast path for stable runs (every character's
 * group normalized on its own, every rule copying the whole text): the reference the fast path
 * must agree with, text and map, on any input.
 */
function referenceWithMap(input: string): { text: string; start: number[]; end: number[] } {
  let out = { text: '', start: [] as number[], end: [] as number[] };
  for (const m of input.matchAll(/[\s\S][\p{M}\uFF9E\uFF9F]*/gu)) {
    const at = m.index ?? 0;
    const n = m[0].normalize('NFKC').toLowerCase();
    out.text += n;
    for (let i = 0; i < n.length; i++) { out.start.push(at); out.end.push(at + m[0].length); }
  }
  // The katakana and okurigana rules are left out: the test below compares maps only on text
  // where none of them applies (its text then equals normalize()'s).
  return out;
}

describe('spacing sound marks', () => {
  test('every kana letter with a voiced or semi-voiced form, followed by the spacing mark, is that form', () => {
    // The letters come from Unicode itself: those that compose with the combining mark (U+3099,
    // U+309A) into one letter. The spacing marks (U+309B ゛, U+309C ゜) are typed or come from old
    // text; NFKC alone turns each into a space and the combining mark, which cut the word in two.
    let checked = 0;
    for (let c = 0x3041; c <= 0x30fa; c++) {
      const letter = String.fromCharCode(c);
      for (const [combining, spacing] of [['\u3099', '\u309B'], ['\u309A', '\u309C']]) {
        const composed = (letter + combining).normalize('NFC');
        if (composed.length !== 1) continue;
        checked++;
        expect(normalize(`パ${letter}${spacing}コ`), letter + spacing).toBe(normalize(`パ${composed}コ`));
        expect(normalizeWithMap(`${letter}${spacing}`).text).toBe(normalize(composed));
      }
    }
    expect(checked).toBeGreaterThan(50);
  });
});

test('characters that show nothing are dropped, inside words too (pasted text)', () => {
  expect(normalize('VLOO\u200BKUP')).toBe('vlookup');
  expect(normalize('ピボット\u00ADテーブル')).toBe(normalize('ピボットテーブル'));
  expect(normalize('\uFEFF集計\u2060表')).toBe('集計表');
});

describe('normalizeWithMap on any text', () => {
  // Letters from every range the fast path treats apart: ASCII (capitals too), hiragana with and
  // without combining marks, katakana with small kana, long-vowel marks and dots, half-width
  // katakana with their voicing marks, full-width Latin, kanji, CJK punctuation, surrogate pairs.
  const ALPHABET = [...'aZz09 -_.,!?\t\nあがかゃっをんアガカャッヴーヽ・･ｶﾞﾊﾟｰｳｨｧＡｚ０１：漢字取り込み印刷、。「」『』（）＠𠮷😀', '\u3099', '\u309A', '\u309B', '\u309C', '\u0301', 'ﾞ', 'ﾟ', '\u200B', '\u00AD', '\uFEFF', '\u200D'];
  let seed = 42;
  // 32-bit integer arithmetic (Math.imul): a float LCG of this form falls into a short cycle.
  const rand = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
  const sample = (n: number) => Array.from({ length: n }, () => ALPHABET[Math.floor(rand() * ALPHABET.length)]).join('');

  test('the text is normalize()\'s and every character maps into the input, in order', () => {
    for (let round = 0; round < 3000; round++) {
      const input = sample(1 + Math.floor(rand() * 24));
      const m = normalizeWithMap(input);
      expect(m.text, JSON.stringify(input)).toBe(normalize(input));
      expect(m.start).toHaveLength(m.text.length);
      expect(m.end).toHaveLength(m.text.length);
      for (let i = 0; i < m.text.length; i++) {
        expect(m.end[i]).toBeGreaterThan(m.start[i]);
        expect(m.end[i]).toBeLessThanOrEqual(input.length);
        if (i > 0) expect(m.start[i]).toBeGreaterThanOrEqual(m.start[i - 1]);
      }
    }
  });

  test('where no katakana rule or okurigana applies, the map is the per-character reference', () => {
    // Text without katakana and without kanji+hiragana pairs: only NFKC and case act.
    const PLAIN = [...'aZz09 -.,あがかをんＡｚ０：、。「」（）𠮷😀', '\u3099', '\u0301'];
    for (let round = 0; round < 2000; round++) {
      const input = Array.from({ length: 1 + Math.floor(rand() * 20) }, () => PLAIN[Math.floor(rand() * PLAIN.length)]).join('');
      const ref = referenceWithMap(input);
      if (ref.text !== normalize(input)) continue; // a rule applied after all (e.g. ゛ joined into a katakana letter)
      const m = normalizeWithMap(input);
      expect({ text: m.text, start: m.start, end: m.end }, JSON.stringify(input)).toEqual(ref);
    }
  });
});

/**
 * The rules as the regular expressions that define them (RULE_PATTERNS), applied with
 * String.replace: normalize() and normalizeWithMap() scan for them by hand (sixth round: the
 * lookbehinds made V8 try every position), and must give exactly this, maps included.
 */
const VU_ROW: Record<string, string> = { '': 'ブ', 'ァ': 'バ', 'ィ': 'ビ', 'ェ': 'ベ', 'ォ': 'ボ' };
const SMALL: Record<string, string> = {
  'ァ': 'ア', 'ィ': 'イ', 'ゥ': 'ウ', 'ェ': 'エ', 'ォ': 'オ', 'ッ': 'ツ', 'ャ': 'ヤ', 'ュ': 'ユ', 'ョ': 'ヨ', 'ヮ': 'ワ',
  'ヵ': 'カ', 'ヶ': 'ケ', 'ヂ': 'ジ', 'ヅ': 'ズ',
};
const REFERENCE_RULES: [RegExp, (m: string, ...groups: string[]) => string][] = [
  [RULE_PATTERNS.invisible, () => ''],
  [RULE_PATTERNS.vu, (_m, small) => VU_ROW[small]],
  [RULE_PATTERNS.small, (m) => SMALL[m]],
  [RULE_PATTERNS.longVowel, () => ''],
  [RULE_PATTERNS.middleDot, () => ''],
  [RULE_PATTERNS.okurigana, () => ''],
];
/** A spacing sound mark after a kana letter is the combining one (as normalize.ts says). */
const SPACING_MARK = /(?<=[\u3041-\u3096\u309D\u309E\u30A1-\u30FA\u30FD\u30FE])[\u309B\u309C]/gu;
function referenceNormalize(text: string): string {
  let s = text.replace(SPACING_MARK, (m) => (m === '\u309B' ? '\u3099' : '\u309A')).normalize('NFKC').toLowerCase();
  for (const [re, fn] of REFERENCE_RULES) s = s.replace(re, fn as (m: string) => string);
  return s;
}
/** normalizeWithMap as it was written with the regular expressions (before the sixth round). */
function referenceMapped(input: string): { text: string; start: number[]; end: number[] } {
  let src = referenceWithMap(input);
  for (const [re, fn] of REFERENCE_RULES) {
    const out = { text: '', start: [] as number[], end: [] as number[] };
    let last = 0;
    const copy = (from: number, to: number) => {
      out.text += src.text.slice(from, to);
      for (let i = from; i < to; i++) { out.start.push(src.start[i]); out.end.push(src.end[i]); }
    };
    let any = false;
    for (const m of src.text.matchAll(re)) {
      any = true;
      const at = m.index ?? 0;
      copy(last, at);
      const rep = fn(m[0], ...m.slice(1).map((g) => g ?? ''));
      const s = src.start[at];
      const e = src.end[at + m[0].length - 1];
      if (rep === '') {
        if (out.end.length > 0) out.end[out.end.length - 1] = Math.max(out.end[out.end.length - 1], e);
      } else {
        out.text += rep;
        for (let i = 0; i < rep.length; i++) { out.start.push(s); out.end.push(e); }
      }
      last = at + m[0].length;
    }
    if (!any) continue;
    copy(last, src.text.length);
    src = out;
  }
  return src;
}

describe('the rules scanned by hand equal their regular expressions', () => {
  // Every kind of letter a rule looks at, on both sides of it: ヴ rows, small kana, ヂ ヅ, long-vowel
  // marks after katakana letters of every block (ㇰ U+31F0, ヷ U+30F7, ヽ ヿ) and after other letters,
  // middle dots (full and half width), okurigana letters and other hiragana after kanji of the BMP
  // (漢, 々, 〇, ⺀) and beyond it (𠮷), lone surrogates, half-width katakana and voicing marks.
  const ALPHABET = [...'ヴァィゥェォッャュョヮヵヶヂヅカアンㇰㇿヷヺ゠ヽヾヿゟーー・･ｶﾞﾟｰｳｨ漢字取貼々〆〇⺀𠮷😀いうきしすりるれろつのをでがかゃゝゞアイaZ0QΣΩİ※→Ⓐ 、。\n',
    '\uD842', '\uDFB7', '\u3099', '\u309A', '\u309B', '\u309C', '\u30FC\u30FC', '取り込み', '貼り付け', '問い合わせ', 'ヴィヴァ', '\u200B', '\u2060', '\u00AD'];
  let seed = 7;
  const rand = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
  const sample = (n: number) => Array.from({ length: n }, () => ALPHABET[Math.floor(rand() * ALPHABET.length)]).join('');

  test('on random text: the same text, and the same map back to the input', () => {
    for (let round = 0; round < 20000; round++) {
      const input = sample(Math.floor(rand() * 16));
      expect(normalize(input), JSON.stringify(input)).toBe(referenceNormalize(input));
      // The map's reference groups marks as before the spacing marks were read (referenceWithMap).
      if (round % 4 === 0 && !/[\u309B\u309C]/u.test(input)) {
        const m = normalizeWithMap(input);
        expect({ text: m.text, start: m.start, end: m.end }, JSON.stringify(input)).toEqual(referenceMapped(input));
      }
    }
  });

  test('on the tips of the evaluation collection', () => {
    for (const tip of TIPS) {
      for (const text of [tip.title, tip.body, tip.tags.join(' ')]) {
        expect(normalize(text)).toBe(referenceNormalize(text));
        const m = normalizeWithMap(text);
        expect({ text: m.text, start: m.start, end: m.end }).toEqual(referenceMapped(text));
      }
    }
  });

  test('each rule is seen to act (the samples above are not vacuous)', () => {
    expect(normalize('ヴィ ウィ ー カー ピボット・テーブル 𠮷り込 取り')).toBe('ビ ウイ ー カ ピボツトテブル 𠮷込 取');
  });
});

describe('tokenize', () => {
  test('Japanese runs become bigrams, so two-character words are one token', () => {
    expect(indexText('関数')).toBe('関数');
    expect(indexText('ピボットテーブル')).toBe('ピボ ボッ ット トテ テー ーブ ブル');
    expect(indexText(normalize('ピボットテーブル'))).toBe('ピボ ボツ ツト トテ テブ ブル');
    expect(indexText('印刷範囲').split(' ')).toContain('印刷');
    expect(indexText('表')).toBe('表');
  });

  test('Latin words, digits and Japanese are split apart, and punctuation splits words', () => {
    expect(indexText('vlookup関数')).toBe('vlookup 関数');
    expect(indexText(normalize('RPA：VLOOKUP'))).toBe('rpa vlookup');
    expect(indexText('a1,b2 2026/04/01')).toBe('a1 b2 2026 04 01');
    expect(pieces('excelの関数').map((p) => [p.text, p.cjk])).toEqual([['excel', false], ['の関数', true]]);
  });

  test('tokens never carry characters with meaning to FTS5', () => {
    const text = indexText(normalize('"quoted" NEAR(a b) col:x -y *z ^w (x OR y) \'s\''));
    expect(text).not.toMatch(/["*():^'-]/);
  });
});

describe('hiragana', () => {
  // query.ts isIntent skips normalize for a run of hiragana on this ground: it changes none.
  test('normalize leaves any run of hiragana letters as it is', () => {
    let seed = 5;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let n = 0; n < 2000; n++) {
      const s = Array.from({ length: 1 + Math.floor(rand() * 12) }, () => String.fromCharCode(0x3041 + Math.floor(rand() * (0x3096 - 0x3041 + 1)))).join('');
      expect(normalize(s), s).toBe(s);
    }
  });
});
