import { describe, expect, test } from 'vitest';
import { missingWord } from '../../server/search/missing';
import { parseQuery } from '../../server/search/query';

/** Which word a tip with all the words but one lacks (the `missing` of a partial hit). */
describe('missingWord', () => {
  const tip = (title: string, body = '', tags: string[] = []) => ({ title, tags, html: `<p>${body}</p>` });
  const must = (q: string) => parseQuery(q).must;

  test('names the one word the tip lacks, as typed', () => {
    expect(missingWord(tip('VLOOKUPの#N/Aを空白にする', 'IFERRORで包みます。'), must('VLOOKUP関数'))).toBe('関数');
    expect(missingWord(tip('集計表の作り方'), must('Excelで集計したい'))).toBe('excel');
    // A verb is named as typed, without the endings the query drops (たい), not by the stem the
    // search matches (消).
    expect(missingWord(tip('グラフの凡例の位置を変える'), must('グラフ 凡例 消したい'))).toBe('消し');
  });

  test('a word found in another spelling, in the tags or in the text is not missing', () => {
    // エクセル is Excel; the tag and the body count as the title does.
    expect(missingWord(tip('エクセルで集計', '', []), must('Excel 集計 ピボット'))).toBe('ピボット');
    expect(missingWord(tip('集計の手順', 'ピボットを使います。', ['Excel']), must('Excel 集計 ピボット'))).toBeNull();
    // Typed in hiragana and left unconverted, written in kanji.
    expect(missingWord(tip('印刷の設定'), must('しゅうけい 印刷'))).toBe('しゅうけい');
    expect(missingWord(tip('集計表を印刷'), must('しゅうけい 印刷 余白'))).toBe('余白');
  });

  test('names none when two are missing or none is (it cannot tell which)', () => {
    expect(missingWord(tip('会議室の予約'), must('VLOOKUP関数'))).toBeNull();
    expect(missingWord(tip('VLOOKUP関数で転記'), must('VLOOKUP関数'))).toBeNull();
  });
});
