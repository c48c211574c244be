import { isDeepStrictEqual } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app';
import { rawRequest } from '../security/raw-http';

/**
 * A query string that does not decode to UTF-8 is refused on every route, in the API's error
 * shape, as a path or a JSON body that is not UTF-8 is (server/http/query-string.ts). Walked over
 * every GET route the app registers, signed in and not, with the bad escapes in a value the route
 * reads (its first text parameter) and in a key.
 */
let t: TestApp;
beforeAll(async () => { t = await createTestApp(); }, 60_000);
afterAll(async () => { await t.close(); });

const REFUSED = { error: 'bad_request', reason: 'invalid_input', message: 'the query string is not valid UTF-8 percent-encoding' };
const BAD = ['%FF', '%E3%81', 'a%E3%81%82%E3', '%ED%A0%80', '%C0%AF', '%F8%88%80%80%80', '%', '100%', '%zz', '%E3%8', '%E3%81%'];

type Rule = TestApp['app']['routeRules'][number];
const concrete = (url: string) => url.replace(/:username\b/g, 'admin').replace(/:name\b/g, 'excel')
  .replace(/:[A-Za-z]+/g, '1').replace(/\*/g, 'x');
/** A text parameter the route reads, so the bad value reaches it; `q` for routes that read none. */
function textKey(rule: Rule): string {
  const qs = (rule.schema as { querystring?: { properties?: Record<string, { type?: string }> } } | undefined)?.querystring;
  return Object.entries(qs?.properties ?? {}).find(([, s]) => s.type === 'string')?.[0] ?? 'q';
}

describe('query strings that are not UTF-8', () => {
  it('are refused with 400 on every GET route, before sign-in is asked for', async () => {
    const rules = t.app.routeRules.filter((r) => r.method === 'GET');
    const failures: string[] = [];
    let n = 0;
    for (const rule of rules) {
      const url = concrete(rule.url);
      const key = textKey(rule);
      const queries = [...BAD.map((v) => `${key}=${v}`), '%FF=1', `${key}=x&zz%E3%81=1`];
      for (const query of queries) {
        for (const who of [t.admin, null]) {
          n++;
          const res = await t.as(who, { method: 'GET', url: `${url}?${query}` });
          const where = `GET ${url}?${query} as ${who ? 'admin' : 'nobody'}`;
          if (res.statusCode !== 400) { failures.push(`${where}: ${res.statusCode} ${res.body.slice(0, 100)}`); continue; }
          if (!isDeepStrictEqual(res.json(), REFUSED)) failures.push(`${where}: ${res.body.slice(0, 160)}`);
          if (res.headers['x-content-type-options'] !== 'nosniff') failures.push(`${where}: without nosniff`);
        }
      }
    }
    expect(rules.length).toBeGreaterThan(50);
    expect(n).toBeGreaterThan(1500);
    expect(failures).toEqual([]);
  }, 300_000);

  it('are refused on unmatched targets too', async () => {
    for (const url of ['/api/nothing?q=%FF', '/nothing?q=%E3%81']) {
      const res = await t.as(t.admin, { method: 'GET', url });
      expect(res.statusCode, url).toBe(400);
      expect(res.json(), url).toEqual(REFUSED);
    }
  });

  it('are refused however the target is written (a `#` reaches the router over a socket)', async () => {
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = t.app.server.address() as { port: number };
    for (const target of ['/api/search/suggest?q=%FF', '/api/search/suggest?q=x#%FF', '/api/search/suggest#q=%E3%81', 'http://kotsu.intra/api/search/suggest?q=%FF']) {
      const res = await rawRequest(port, 'GET', target, { cookie: t.admin.cookie });
      expect(res.status, target).toBe(400);
      expect(JSON.parse(res.body), target).toEqual(REFUSED);
    }
  });

  it('UTF-8 escapes, `+` and escaped `%` still reach the route as text', async () => {
    const ok = await t.as(t.admin, { method: 'GET', url: '/api/search/suggest?q=%E3%81%82+%25%F0%9F%98%80' });
    expect(ok.statusCode).toBe(200);
    for (const rule of t.app.routeRules.filter((r) => r.method === 'GET')) {
      const res = await t.as(t.admin, { method: 'GET', url: `${concrete(rule.url)}?${textKey(rule)}=%E3%81%82%20x+%25` });
      expect(res.body, rule.url).not.toContain(REFUSED.message);
    }
  }, 120_000);
});
