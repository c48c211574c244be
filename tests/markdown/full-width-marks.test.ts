import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { halfWidthMarks } from '../../server/markdown/full-width-marks';
import { renderMarkdown } from '../../server/markdown/render';

/** Markdown's marks typed with the Japanese input method on: ＃ 見出し, ｀｀｀ fences (full-width-marks.ts). */
describe('marks typed full-width', () => {
  test('＃ at a line\'s start before a space is a heading of every level, either space, either #', () => {
    for (let level = 1; level <= 6; level++) {
      for (const mark of ['＃', '#']) {
        for (const space of [' ', '\u3000']) {
          if (mark === '#' && space === ' ') continue;
          const html = renderMarkdown(`${mark.repeat(level)}${space}手順の説明\n\n本文です。`);
          expect(html, `${mark}×${level} ${JSON.stringify(space)}`).toContain(`<h${level} id="h-手順の説明">手順の説明</h${level}>`);
        }
      }
    }
  });

  test('a fence of ｀ opens and closes a code block, with its language; what is inside stays as typed', () => {
    for (let n = 3; n <= 5; n++) {
      const f = '｀'.repeat(n);
      const html = renderMarkdown(`${f}vba\nSub 集計()\n＃ コメント\n${'｀'.repeat(n - 1)}\nEnd Sub\n${f}\n\n＃ 後の見出し`);
      expect(html, String(n)).toContain('<pre data-lang="vba">');
      expect(html, String(n)).toContain('＃ コメント');
      expect(html, String(n)).toContain('｀'.repeat(n - 1));
      expect(html, String(n)).toContain('<h1 id="h-後の見出し">後の見出し</h1>');
    }
    // Inside a half-width fence too.
    expect(renderMarkdown('```\n＃ そのまま\n｀｀｀\n```')).toBe('<pre><code class="hljs">＃ そのまま\n｀｀｀\n</code></pre>\n');
  });

  test('＃ inside a line, without a space after it, or in an indented code block is text', () => {
    expect(renderMarkdown('＃タグ')).toBe('<p>＃タグ</p>\n');
    expect(renderMarkdown('本文の＃ 途中')).toBe('<p>本文の＃ 途中</p>\n');
    expect(renderMarkdown('    ＃ コード')).toBe('<pre><code>＃ コード\n</code></pre>\n');
  });

  test('text without full-width marks is left exactly as it was (any text, fast-check)', () => {
    const letter = fc.constantFrom('#', '`', '~', ' ', '\n', 'a', '見', '出', '-', '*', '>', '\t');
    fc.assert(fc.property(fc.array(letter, { maxLength: 80 }).map((a) => a.join('')), (s) => halfWidthMarks(s) === s));
    // And with them, only lines that start with the marks change, never their number.
    const any = fc.constantFrom('＃', '｀', '\u3000', '#', '`', ' ', '\n', 'a', '見');
    fc.assert(fc.property(fc.array(any, { maxLength: 80 }).map((a) => a.join('')), (s) => {
      const before = s.split('\n');
      const after = halfWidthMarks(s).split('\n');
      expect(after.length).toBe(before.length);
      after.forEach((line, i) => { if (line !== before[i]) expect(before[i]).toMatch(/^ {0,3}[＃#｀`]/u); });
    }));
  });
});
