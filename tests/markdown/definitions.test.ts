import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../server/markdown/render';

/**
 * A line that looks like a link reference definition but names no link is text. CommonMark takes
 * any word after `[label]:` as a destination and a definition renders nothing, so 「[重要]: 月末までに
 * 提出」 vanished from the tip and its preview, and a footnote (`[^1]: 注`) lost its text while its
 * mark became a link to /tips/注.
 */
describe('reference definitions', () => {
  it('keeps lines whose "destination" is a word as the text they are', () => {
    for (const src of ['[重要]: 月末までに提出', '[手順1]: ファイルを開く\n[手順2]: 保存する', '[メモ]:\nあとで書く',
      '[A]: todo', '[注意]: 必ず保存してから実行', '[ref]: images/a.png', '[^1]: 注']) {
      const html = renderMarkdown(src);
      const text = html.replace(/<[^>]+>/g, '').replace(/\s+/g, '');
      expect(text, src).toBe(src.replace(/\s+/g, ''));
    }
    expect(renderMarkdown('脚注[^1]\n\n[^1]: 注')).not.toContain('<a ');
    expect(renderMarkdown('[注意]: 必ず保存してから実行\n\n[注意]を読んでください')).not.toContain('<a ');
  });

  it('still takes definitions of links: other sites, this site, anchors', () => {
    expect(renderMarkdown('[規程][1]を見る\n\n[1]: https://example.lg.jp/kitei "規程"'))
      .toBe('<p><a href="https://example.lg.jp/kitei" title="規程" target="_blank" rel="noopener noreferrer">規程</a>を見る</p>\n');
    expect(renderMarkdown('[前のコツ]を参照\n\n[前のコツ]: /tips/12')).toBe('<p><a href="/tips/12">前のコツ</a>を参照</p>\n');
    expect(renderMarkdown('[上へ]\n\n[上へ]: #h-手順')).toContain('href="#h-');
    expect(renderMarkdown('[問い合わせ]\n\n[問い合わせ]: mailto:dx@example.lg.jp')).toContain('href="mailto:dx@example.lg.jp"');
    // Unsafe schemes stay refused as before.
    expect(renderMarkdown('[x]\n\n[x]: javascript:alert(1)')).not.toContain('href="javascript');
  });
});
