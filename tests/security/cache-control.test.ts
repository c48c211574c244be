import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, postTip, type TestApp } from '../helpers/app';

/** No shared cache may keep one person's answer and hand it to another: every API answer is private. */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await postTip(t, t.admin, { title: 'キャッシュ', tags: ['cache'] });
});
afterAll(async () => { await t.close(); });

const concrete = (url: string) => url.replace(/:username\b/g, 'admin').replace(/:name\b/g, 'cache').replace(/:[A-Za-z]+/g, '1');

describe('Cache-Control on API answers', () => {
  it('every API route answers private (no-store unless it chose its own private caching), whatever the status', async () => {
    const rules = t.app.routeRules.filter((r) => r.url.startsWith('/api/') && r.method === 'GET');
    expect(rules.length).toBeGreaterThan(40);
    const failures: string[] = [];
    for (const rule of rules) {
      for (const who of [t.admin, null]) {
        const res = await t.as(who, { method: 'GET', url: concrete(rule.url) });
        const cc = String(res.headers['cache-control'] ?? '');
        if (!/\b(private|no-store)\b/.test(cc) || /\bpublic\b/.test(cc)) failures.push(`${rule.url} (${res.statusCode}, ${who ? 'admin' : 'anonymous'}): "${cc}"`);
        if (res.statusCode === 200 && !/no-store|max-age=\d+/.test(cc)) failures.push(`${rule.url}: "${cc}"`);
      }
    }
    expect(failures).toEqual([]);
    const tip = await t.as(t.admin, { method: 'GET', url: '/api/posts/1' });
    expect(tip.headers['cache-control']).toBe('private, no-store');
  });
});
