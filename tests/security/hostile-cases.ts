/**
 * Hostile inputs that hit peers' wikis: stored XSS through Markdown, titles and profile fields,
 * scheme tricks, attribute breakouts, parser-confusion (mXSS) strings, template expressions,
 * resource exhaustion. Shared by the API suite, the Chromium suite and `npm run bench:hostile`.
 */
export type Field = 'body' | 'title' | 'tags' | 'displayName' | 'department' | 'query';

export interface HostileCase {
  name: string;
  field: Field;
  value: string;
  /** The API must refuse it (400 for bad characters, 413 for size) rather than store it. */
  refused?: boolean;
}

const XSS = 'alert(1)';
const b = (name: string, value: string, refused = false): HostileCase => ({ name, field: 'body', value, refused });

export const BODY_CASES: HostileCase[] = [
  b('script tag', `<script>${XSS}</script>`),
  b('img onerror', `<img src=x onerror=${XSS}>`),
  b('upper-case IMG javascript src', `<IMG SRC=JaVaScRiPt:${XSS}>`),
  b('svg onload', `<svg onload=${XSS}>`),
  b('svg with script', `<svg><script>${XSS}</script></svg>`),
  b('iframe javascript', `<iframe src="javascript:${XSS}"></iframe>`),
  b('details ontoggle', `<details open ontoggle=${XSS}>x</details>`),
  b('raw anchor javascript', `<a href="javascript:${XSS}">x</a>`),
  b('style tag', '<style>body{display:none}</style>'),
  b('base tag', '<base href="http://evil.example/">'),
  b('meta refresh', `<meta http-equiv="refresh" content="0;url=javascript:${XSS}">`),
  b('form action', `<form action="javascript:${XSS}"><button>x</button></form>`),
  b('mXSS math/style', `<math><mtext><table><mglyph><style><img src=x onerror=${XSS}>`),
  b('link javascript', `[x](javascript:${XSS})`),
  b('link mixed case', `[x](JaVaScRiPt:${XSS})`),
  b('link tab inside scheme', `[x](java\tscript:${XSS})`),
  b('link entity-encoded scheme', `[x](&#106;avascript:${XSS})`),
  b('link hex entity scheme', `[x](&#x6A;&#x61;vascript:${XSS})`),
  b('link &colon;', `[x](javascript&colon;${XSS})`),
  b('link leading space', `[x]( javascript:${XSS})`),
  b('link angle brackets', `[x](<javascript:${XSS}>)`),
  b('link percent-encoded scheme', `[x](%6Aavascript:${XSS})`),
  b('link vbscript', '[x](vbscript:msgbox(1))'),
  b('link file', '[x](file:///etc/passwd)'),
  b('link data text/html', '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)'),
  b('image data svg', '![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)'),
  b('image javascript', `![x](javascript:${XSS})`),
  b('reference link javascript', `[x][1]\n\n[1]: javascript:${XSS}`),
  b('autolink javascript', `<javascript:${XSS}>`),
  b('linkify bare javascript', `javascript:${XSS}`),
  b('linkify breakout', `www.example.com"onmouseover="${XSS}`),
  b('link title breakout', `[x](http://example.com "t\\" onmouseover=\\"${XSS}")`),
  b('link url breakout', `[a](http://example.com/"><script>${XSS}</script>)`),
  b('image url breakout', `![a](https://example.com/x.png"onerror="${XSS})`),
  b('image alt breakout', `![x" onerror="${XSS}](http://example.com/b.png)`),
  b('fence language attribute breakout', `\`\`\`" onmouseover="${XSS}\nx\n\`\`\``),
  b('fence language script', `\`\`\`<script>${XSS}</script>\ncode\n\`\`\``),
  b('fence closing-tag escape', `\`\`\`js\n</code></pre><script>${XSS}</script>\n\`\`\``),
  b('heading id injection', `# "><script>${XSS}</script>`),
  b('table cell img', `| a |\n|:-:|\n| <img src=x onerror=${XSS}> |`),
  b('escaped entities stay escaped', `&lt;script&gt;${XSS}&lt;/script&gt;`),
  b('template expressions', "{{constructor.constructor('alert(1)')()}} ${alert(1)} <%= 7*7 %> #{7*7}"),
  b('deeply nested blockquotes', '>'.repeat(50_000) + ' deep'),
  b('deeply nested lists', Array.from({ length: 2_000 }, (_, i) => `${' '.repeat(i * 2)}- item`).join('\n').slice(0, 100_000)),
  b('nested brackets', '['.repeat(30_000) + 'x' + ']('.repeat(10_000)),
  b('64 KB of a@b.com for linkify', 'a@b.com '.repeat(8_192)),
  b('long run of *', '*'.repeat(100_000)),
  b('long run of _ and *', '_*'.repeat(50_000)),
  b('many backticks', '`'.repeat(100_000)),
  b('many links', '[a](http://a.b) '.repeat(6_000)),
  b('NUL character', `ok\u0000<script>${XSS}</script>`, true),
  b('escape sequence', 'colour \u001b[31m red', true),
  b('lone surrogate', 'bad \ud800 half', true),
  b('over 100,000 characters', 'x'.repeat(100_001), true),
];

const f = (field: Field, name: string, value: string, refused = false): HostileCase => ({ name: `${field}: ${name}`, field, value, refused });

export const TEXT_CASES: HostileCase[] = [
  f('title', 'script', `<script>${XSS}</script>`),
  f('title', 'img breakout', `"><img src=x onerror=${XSS}>`),
  f('title', 'template', '{{7*7}} ${7*7}'),
  f('title', 'javascript url', `javascript:${XSS}`),
  f('title', 'RTL override', 'abc\u202egpj.exe', true), // shows as abcexe.jpg: refused (tests/security/invisible-text.test.ts)
  f('title', 'SQL', "'; DROP TABLE posts; --"),
  f('title', 'newline', 'a\nb', true),
  f('title', 'lone surrogate', 'a\udc00b', true),
  f('tags', 'script', `<script>${XSS}</script>`),
  f('tags', 'attribute breakout', `x" onmouseover="${XSS}`),
  f('displayName', 'script', `<script>${XSS}</script>`),
  f('displayName', 'img', `<img src=x onerror=${XSS}>`),
  f('department', 'svg', `<svg onload=${XSS}>`),
  f('department', 'template', '{{constructor.constructor("alert(1)")()}}'),
  f('query', 'script', `<script>${XSS}</script>`),
  f('query', 'quote breakout', `"'><img src=x onerror=${XSS}>`),
  f('query', 'FTS syntax', 'NEAR( "a" * OR AND NOT ) ^ {x} :col'),
  f('query', 'SQL', "' OR 1=1 --"),
  f('query', 'percent NUL', '%00'),
  f('query', 'long', 'あ'.repeat(5_000)),
];

export const ALL_CASES = [...BODY_CASES, ...TEXT_CASES];
