import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../server/markdown/render';

/**
 * Bold and italics around Japanese brackets. CommonMark's rule (a closing ** after punctuation
 * must be followed by a space or punctuation) was written for spaced languages: 「**【注意】**必ず
 * 保存」 and 「**「重要」**です」 showed their asterisks. A CJK character next to the run now counts
 * as a space would (server/markdown/cjk-emphasis.ts); text without one is read as CommonMark says.
 */
describe('emphasis next to Japanese punctuation', () => {
  it('opens and closes where Japanese writers put it', () => {
    const cases: [string, string][] = [
      ['**「重要」**です', '<p><strong>「重要」</strong>です</p>\n'],
      ['**【注意】**必ず保存してください', '<p><strong>【注意】</strong>必ず保存してください</p>\n'],
      ['これは**「必須」**項目です', '<p>これは<strong>「必須」</strong>項目です</p>\n'],
      ['*（注）*を参照', '<p><em>（注）</em>を参照</p>\n'],
      ['手順は**Ctrl+S（保存）**です', '<p>手順は<strong>Ctrl+S（保存）</strong>です</p>\n'],
      ['~~「旧様式」~~は使いません', '<p><s>「旧様式」</s>は使いません</p>\n'],
      ['**重要**です', '<p><strong>重要</strong>です</p>\n'],
    ];
    for (const [src, html] of cases) expect(renderMarkdown(src), src).toBe(html);
  });

  it('reads text without CJK characters exactly as CommonMark does', () => {
    const plain = new MarkdownIt();
    const samples = ['*foo bar*', 'a * foo bar*', 'a*"foo"*', '* a *', 'foo*bar*', '5*6*78', '_foo bar_', '_ foo bar_',
      'a_"foo"_', 'foo_bar_', '5_6_78', 'aa_"bb"_cc', 'foo-_(bar)_', '_foo*', '*foo bar *', '*(*foo)', '*(*foo*)*',
      '*foo*bar', '_foo bar _', '_(_foo)', '_(_foo_)_', '_foo_bar', '_foo_bar_baz_', '_(bar)_.', '**foo bar**',
      '** foo bar**', 'a**"foo"**', 'foo**bar**', '__foo bar__', '__ foo bar__', 'a__"foo"__', 'foo__bar__',
      '5__6__78', '**foo "*bar*" foo**', '*foo**bar**baz*', '**"quoted"**text', '"**quoted**"', '~~a~~b', 'x ~~a~~ y'];
    for (const src of samples) expect(renderMarkdown(src), src).toBe(plain.render(src));
  });
});
