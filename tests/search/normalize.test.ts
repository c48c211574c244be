import { describe, expect, test } from 'vitest';
import { normalize, normalizeWithMap } from '../../server/search/normalize';
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
