import { expect, test } from 'vitest';
import { normalizeWithMap } from '../../server/search/normalize';
import { parseQuery } from '../../server/search/query';
import { highlighter, makeSnippet, plainText, SNIPPET_HTML_MAX, snippetOf } from '../../server/search/snippet';

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

// snippetOf reads a tip's HTML in pieces and at most SNIPPET_HTML_MAX of it (issue 16 part 8):
// whenever the match lies in that part, its snippet is that of the whole text.
test('snippets read from pieces of the HTML equal those of the whole text, and still show the match in long tips', () => {
  const blocks = ['<p>Teams の<b>設定</b>は &amp; で</p>', '<pre><code>x &lt; y &#x41;&#12354;</code></pre>', '<li>エクセル 集計</li>',
    '<a href="https://example.jp/a?b=1&amp;c=2">リンク</a>', '&lt;'.repeat(30), '<p>ｴｸｾﾙ　印刷範囲。</p>', '<h2 id="h-x">見出し</h2>', ' ', '\n'];
  let seed = 11;
  const rand = () => { seed = (seed * 1103515245 + 12345) % 2 ** 31; return seed / 2 ** 31; };
  const queries = ['teams', 'excel 集計', '印刷', 'y', 'リンク', '存在しない'];
  let long = 0;
  for (let i = 0; i < 120; i++) {
    const parts: string[] = [];
    // Up to ~40 KB of HTML: pieces are cut inside tags and entities of every kind.
    const n = 20 + Math.floor(rand() * (i % 3 ? 200 : 1200));
    for (let j = 0; j < n; j++) parts.push(blocks[Math.floor(rand() * blocks.length)]);
    const html = parts.join('');
    if (html.length > SNIPPET_HTML_MAX) long++;
    for (const q of queries) {
      const re = highlighter(parseQuery(q).must);
      const whole = makeSnippet(plainText(html), re);
      const got = snippetOf(html, re);
      if (html.length <= SNIPPET_HTML_MAX || got.includes('<mark>')) expect(got.replace(/…$/, ''), `${q} in ${html.length}`).toBe(whole.replace(/…$/, ''));
    }
  }
  expect(long).toBeGreaterThan(5);
  // A 100,000-character hostile tip: the match near the start is shown and marked.
  const hostile = `<p>重複 ${'&lt;'.repeat(10)}ーーー </p>`.repeat(6000);
  const re = highlighter(parseQuery('重複').must);
  expect(snippetOf(hostile, re)).toBe(makeSnippet(plainText(hostile), re));
  expect(snippetOf(hostile, re)).toContain('<mark>重複</mark>');
  // A match only beyond the bound: the start of the tip, unmarked, ending in an ellipsis.
  const far = `<p>${'前置き'.repeat(SNIPPET_HTML_MAX)}</p><p>重複</p>`;
  expect(snippetOf(far, re)).toBe(`${'前置き'.repeat(60).slice(0, 160)}…`);
});
