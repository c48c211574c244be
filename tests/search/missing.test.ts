import { describe, expect, test } from 'vitest';
import { asTypedIn, inReadersCase, missingWord } from '../../server/search/missing';
import { parseQuery } from '../../server/search/query';

/** Which word a tip with all the words but one lacks (the `missing` of a partial hit). */
describe('missingWord', () => {
  const tip = (title: string, body = '', tags: string[] = []) => ({ title, tags, html: `<p>${body}</p>` });
  const must = (q: string) => parseQuery(q).must;

  test('names the one word the tip lacks, as typed', () => {
    expect(missingWord(must('VLOOKUP関数'))(tip('VLOOKUPの#N/Aを空白にする', 'IFERRORで包みます。'))).toBe('関数');
    expect(missingWord(must('Excelで集計したい'))(tip('集計表の作り方'))).toBe('excel');
    // A verb is named as typed, without the endings the query drops (たい), not by the stem the
    // search matches (消).
    expect(missingWord(must('グラフ 凡例 消したい'))(tip('グラフの凡例の位置を変える'))).toBe('消し');
  });

  test('a word found in another spelling, in the tags or in the text is not missing', () => {
    // エクセル is Excel; the tag and the body count as the title does.
    expect(missingWord(must('Excel 集計 ピボット'))(tip('エクセルで集計', '', []))).toBe('ピボット');
    expect(missingWord(must('Excel 集計 ピボット'))(tip('集計の手順', 'ピボットを使います。', ['Excel']))).toBeNull();
    // Typed in hiragana and left unconverted, written in kanji.
    expect(missingWord(must('しゅうけい 印刷'))(tip('印刷の設定'))).toBe('しゅうけい');
    expect(missingWord(must('しゅうけい 印刷 余白'))(tip('集計表を印刷'))).toBe('余白');
  });

  test('one test serves every tip of a page (its highlighters carry no state from one tip to the next)', () => {
    const lacks = missingWord(must('Excel 集計 ピボット'));
    const tips = [tip('Excelで集計'), tip('Excelでピボット'), tip('Excelで集計'), tip('ピボットで集計')];
    expect(tips.map(lacks)).toEqual(['ピボット', '集計', 'ピボット', 'excel']);
  });

  test('names none when two are missing or none is (it cannot tell which)', () => {
    expect(missingWord(must('VLOOKUP関数'))(tip('会議室の予約'))).toBeNull();
    expect(missingWord(must('VLOOKUP関数'))(tip('VLOOKUP関数で転記'))).toBeNull();
  });
});

test('asTypedIn names a folded word with the reader\'s own letters, and leaves other words alone', () => {
  const q = 'Ｅｘｃｅｌ VLOOKUP 関数 pdf';
  const named = asTypedIn(q, parseQuery(q).must).map((t) => t.typed);
  expect(named).toEqual(['Ｅｘｃｅｌ', 'VLOOKUP', '関数', 'pdf']);
});

test('inReadersCase gives the corrected query the reader\'s case, word by word', () => {
  const fixes = new Map([['vlookup', 'vlokup'], ['outlook', 'outlok']]);
  expect(inReadersCase('VLOKUP Outlok 関数', 'vlookup outlook 関数', fixes)).toBe('VLOOKUP Outlook 関数');
  expect(inReadersCase('vlokup Ｅｘｃｅｌ', 'vlookup excel', fixes)).toBe('vlookup Excel');
  // A word recomposed (one drive → onedrive) has no typed source: it stays folded.
  expect(inReadersCase('One Drive', 'onedrive', new Map())).toBe('onedrive');
});
