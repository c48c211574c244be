import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { safeNext } from '../../web/src/router/safe-next';

/** `?next=` after login: whatever it holds, the answer is a path on this site. */
const ORIGIN = 'https://kotsu.example.lg.jp';
const bits = fc.constantFrom('/', '\\', '//', '/\\', '\\\\', '.', '..', '/../', '%2F', '%2f', '%5C', '%09', ':', '@', '?', '#',
  'http:', 'https:', 'javascript:', 'data:', 'JaVaScRiPt:', 'evil.example', 'evil.example:443', 'kotsu.example.lg.jp.evil',
  '\t', '\n', '\r', '\u0000', '\u0001', '\u001f', '\u007f', ' ', '\u00a0', '\u3000', '\u2028', '\ufeff', '。', '／', '＼', 'tips', '12', 'x');
const hostile = fc.oneof(
  fc.array(bits, { maxLength: 12 }).map((a) => a.join('')),
  fc.array(bits, { maxLength: 12 }).map((a) => `/${a.join('')}`),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.webUrl().map((u) => u.replace(/^https?:/, '')),
  fc.webUrl(),
);

function expectOnSite(result: string, input: string) {
  expect(result.startsWith('/'), input).toBe(true);
  expect(/^\/[/\\]/.test(result), input).toBe(false);
  expect(/[\u0000-\u001f\u007f\\\s]/.test(result), input).toBe(false);
  // Resolved by a browser against any page of the site, it stays on the site, at that path.
  for (const page of [`${ORIGIN}/`, `${ORIGIN}/login?next=x`, `${ORIGIN}/a/b/c`]) {
    const url = new URL(result, page);
    expect(url.origin, input).toBe(ORIGIN);
    expect(`${url.pathname}${url.search}${url.hash}`, input).toBe(result);
  }
}

describe('safeNext', () => {
  it('always answers a path on this site, whatever the text holds', () => {
    fc.assert(fc.property(hostile, (input) => expectOnSite(safeNext(input, ORIGIN), input)), { numRuns: 5000 });
  });

  it('keeps an ordinary in-app path, query and fragment as they are', () => {
    const segment = fc.stringMatching(/^[A-Za-z0-9\-_.~]{1,10}$/).filter((s) => s !== '.' && s !== '..');
    fc.assert(fc.property(fc.array(segment, { minLength: 1, maxLength: 4 }), fc.option(fc.stringMatching(/^[a-z]=[0-9a-z%]{0,8}$/)), (segs, q) => {
      const path = `/${segs.join('/')}${q ? `?${q}` : ''}`;
      expect(safeNext(path, ORIGIN)).toBe(path);
    }));
    expect(safeNext('/search?q=%E9%96%A2%E6%95%B0#top', ORIGIN)).toBe('/search?q=%E9%96%A2%E6%95%B0#top');
  });

  it('refuses the known ways out', () => {
    for (const input of ['//evil.example', '/\\evil.example', '/\t/evil.example', '/\n/evil.example', '\\/evil.example',
      'https://evil.example/', 'javascript:alert(1)', '/x/..//evil.example', '/%2e%2e//evil.example', ' /tips', '', null]) {
      const result = safeNext(input, ORIGIN);
      expectOnSite(result, String(input));
      expect(result === '/' || !result.includes('evil'), String(input)).toBe(true);
    }
  });
});
