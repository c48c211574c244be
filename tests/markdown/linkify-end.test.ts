import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../server/markdown/render';

/**
 * An address typed in Japanese text ends where the Japanese starts. linkify took everything up to
 * a space, so 「（https://example.lg.jp/a）」 linked …/a） and 「詳細はhttps://…/aを参照」 linked
 * …/aを参照: pages that do not exist.
 */
const hrefs = (html: string) => [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]);
const text = (html: string) => html.replace(/<[^>]+>/g, '').trim();

describe('automatic links in Japanese text', () => {
  it('end before Japanese punctuation, hiragana and full-width forms, the text kept whole', () => {
    const cases: [string, string][] = [
      ['詳細はhttps://example.lg.jp/aを参照', 'https://example.lg.jp/a'],
      ['（https://example.lg.jp/a）', 'https://example.lg.jp/a'],
      ['「https://example.lg.jp/a?x=1」から', 'https://example.lg.jp/a?x=1'],
      ['URL：https://example.lg.jp/a、またはメール', 'https://example.lg.jp/a'],
      ['https://example.lg.jp/a。次に', 'https://example.lg.jp/a'],
      ['https://ja.wikipedia.org/wiki/日本を参照', 'https://ja.wikipedia.org/wiki/%E6%97%A5%E6%9C%AC'],
      ['example.lg.jp/aを参照', 'http://example.lg.jp/a'],
    ];
    for (const [src, href] of cases) {
      const html = renderMarkdown(src);
      expect(hrefs(html), src).toEqual([href]);
      expect(text(html), src).toBe(src);
    }
  });

  it('leaves other links as they were', () => {
    expect(hrefs(renderMarkdown('see https://example.com/a-b_c?d=1#e, then'))).toEqual(['https://example.com/a-b_c?d=1#e']);
    expect(hrefs(renderMarkdown('<https://example.lg.jp/申請書の様式>'))).toEqual([encodeURI('https://example.lg.jp/申請書の様式')]);
    expect(hrefs(renderMarkdown('[様式](https://example.lg.jp/様式（第1号）)'))).toEqual([encodeURI('https://example.lg.jp/様式（第1号）')]);
  });
});
