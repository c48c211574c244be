import { describe, expect, it } from 'vitest';
import { isSafeUrl, renderMarkdown } from '../../server/markdown/render';

/** Every href/src in the output, decoded the way a browser would read the attribute. */
function urls(html: string): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(/\s(?:href|src)="([^"]*)"/g)) {
    out.push(m[1].replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>'));
  }
  return out;
}

describe('renderMarkdown safety', () => {
  const dangerousLinks = [
    '[x](javascript:alert(1))',
    '[x](JaVaScRiPt:alert(1))',
    '[x](jav&#x09;ascript:alert(1))',
    '[x](&#106;avascript:alert(1))',
    '[x](javascript&colon;alert(1))',
    '[x](<javascript:alert(1)>)',
    '[x](vbscript:msgbox(1))',
    '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
    '[x](file:///etc/passwd)',
    '<javascript:alert(1)>',
    '![x](javascript:alert(1))',
    '![x](data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=)',
    '[x]: javascript:alert(1)\n\n[x]',
  ];
  for (const src of dangerousLinks) {
    it(`neutralises ${JSON.stringify(src)}`, () => {
      const html = renderMarkdown(src);
      for (const url of urls(html)) {
        expect(url.replace(/[\s\u0000-\u001f]/g, '').toLowerCase()).not.toMatch(/^(javascript|vbscript|data:text|file):/);
        expect(isSafeUrl(url)).toBe(true);
      }
      expect(html).not.toMatch(/<a [^>]*href="(javascript|vbscript)/i);
    });
  }

  it('escapes raw HTML instead of passing it through', () => {
    const html = renderMarkdown('<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\n<iframe src="//evil"></iframe>');
    expect(html).not.toMatch(/<script|<img|<iframe/i);
    expect(html).toContain('&lt;script&gt;');
  });

  it('does not let a link title or text break out of the attribute', () => {
    const html = renderMarkdown('[a](https://example.jp "x\\" onmouseover=\\"alert(1)") [b"onclick="x](https://example.jp)');
    // Outside quoted attribute values there must be no event-handler attribute.
    const tags = html.match(/<[^>]+>/g) ?? [];
    for (const tag of tags) expect(tag.replace(/"[^"]*"/g, '""')).not.toMatch(/\son\w+=/i);
    expect(html).toContain('title="x&quot; onmouseover=&quot;alert(1)"');
  });

  it('escapes the fenced-code language name and keeps only safe ones as classes', () => {
    const html = renderMarkdown('```"><script>alert(1)</script>\ncode\n```');
    expect(html).not.toContain('<script');
    expect(html).toContain('<code class="hljs">code');
  });

  it('drops data: links but keeps raster data: images', () => {
    expect(renderMarkdown('[x](data:image/png;base64,AAAA)')).not.toContain('href=');
    expect(renderMarkdown('![x](data:image/png;base64,AAAA)')).toContain('src="data:image/png;base64,AAAA"');
  });
});

describe('renderMarkdown features', () => {
  it('marks external links noopener noreferrer and leaves relative ones alone', () => {
    const html = renderMarkdown('[外部](https://example.jp/a) [内部](/tips/2)');
    expect(html).toContain('<a href="https://example.jp/a" target="_blank" rel="noopener noreferrer">外部</a>');
    expect(html).toContain('<a href="/tips/2">内部</a>');
  });

  it('renders tables inside a scrolling wrapper', () => {
    const html = renderMarkdown('| 関数 | 用途 |\n| --- | --- |\n| VLOOKUP | 検索 |');
    expect(html).toMatch(/<div class="table-wrap"><table>[\s\S]*<th>関数<\/th>[\s\S]*<td>VLOOKUP<\/td>/);
  });

  it.each([
    ['vba', 'Sub Test()\nDim i As Integer\nEnd Sub', 'hljs-keyword'],
    ['vb', 'Dim x As String', 'hljs-keyword'],
    ['excel', '=VLOOKUP(A2,Sheet2!A:B,2,FALSE)', 'hljs-built_in'],
    ['powershell', 'Get-ChildItem -Path C:\\ | Where-Object { $_.Length -gt 1 }', 'hljs-built_in'],
    ['python', 'def f():\n    return 1', 'hljs-keyword'],
    ['sql', 'SELECT * FROM t WHERE a = 1', 'hljs-keyword'],
    ['javascript', 'const a = 1;', 'hljs-keyword'],
    ['csv', 'name,age\n"山田, 太郎",42', 'hljs-string'],
    ['bash', 'echo "hi" && ls', 'hljs-built_in'],
  ])('highlights %s code', (lang, code, cls) => {
    const html = renderMarkdown(`\`\`\`${lang}\n${code}\n\`\`\``);
    expect(html).toContain(`language-${lang}`);
    expect(html).toContain(cls);
  });

  it('gives headings unique anchor ids, Japanese kept', () => {
    const html = renderMarkdown('# 手順\n## 手順\n## Step 1: 準備');
    expect(html).toContain('<h1 id="h-手順">');
    expect(html).toContain('<h2 id="h-手順-1">');
    expect(html).toContain('<h2 id="h-step-1-準備">');
  });

  it('keeps line breaks inside a paragraph, as Japanese writers expect', () => {
    expect(renderMarkdown('一行目\n二行目')).toContain('一行目<br>\n二行目');
  });
});
