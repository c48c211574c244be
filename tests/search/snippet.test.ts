import { expect, test } from 'vitest';
import { normalizeWithMap } from '../../server/search/normalize';
import { parseQuery } from '../../server/search/query';
import { highlighter, makeSnippet } from '../../server/search/snippet';

// makeSnippet maps only a window of the text back to the original characters; it must give what
// mapping the whole text gives: the first match with 40 characters before it, 160 in all, every
// match in the window marked. The reference below maps the whole text.
const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
function reference(raw: string, re: RegExp | null): string {
  const text = raw.replace(/\s+/gu, ' ').trim();
  const cut = (i: number) => (i > 0 && i < text.length && /[\uDC00-\uDFFF]/.test(text[i]) ? i - 1 : i);
  const ranges: [number, number][] = [];
  if (re) {
    const mapped = normalizeWithMap(text);
    for (const m of mapped.text.matchAll(re)) {
      if (m[0].length) ranges.push([mapped.start[m.index!], mapped.end[m.index! + m[0].length - 1]]);
    }
  }
  const from = ranges.length ? cut(Math.max(0, ranges[0][0] - 40)) : 0;
  const to = cut(Math.min(text.length, from + 160));
  let out = from > 0 ? '…' : '';
  let pos = from;
  for (const [s, e] of ranges) {
    if (e <= from || s >= to) continue;
    const a = Math.max(s, from);
    const b = Math.min(e, to);
    out += esc(text.slice(pos, a)) + '<mark>' + esc(text.slice(a, b)) + '</mark>';
    pos = b;
  }
  return out + esc(text.slice(pos, to)) + (to < text.length ? '…' : '');
}

test('snippets equal those of mapping the whole text (randomized, with width, katakana and Latin words cut anywhere)', () => {
  const parts = ['Teams', 'ＴＥＡＭＳ', 'apple', 'エクセル', 'ｴｸｾﾙ', 'excel', 'フォルダー', 'の', '設定', '集計', '。', ' ', '、', 'A1', 'ab', '貼り付け', '<b>', '&', '𠮷', 'ｶﾞ', 'VLOOKUP', 'vlookups', '印刷範囲'];
  let seed = 7;
  const rand = () => { seed = (seed * 1103515245 + 12345) % 2 ** 31; return seed / 2 ** 31; };
  const queries = ['a', 'teams', 'excel 集計', 'フォルダ', 'vlookup ', '印刷', 'ab', 'が'];
  let checked = 0;
  for (let i = 0; i < 400; i++) {
    let text = '';
    const n = 20 + Math.floor(rand() * 300);
    for (let j = 0; j < n; j++) text += parts[Math.floor(rand() * parts.length)];
    for (const q of queries) {
      const re = highlighter(parseQuery(q).must);
      expect(makeSnippet(text, re), `${q} in ${text}`).toBe(reference(text, re));
      checked++;
    }
  }
  expect(checked).toBe(3200);
});
