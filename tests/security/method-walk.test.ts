import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, postTip, type TestApp, type TestUser } from '../helpers/app';
import { dbSnapshot } from '../helpers/db-snapshot';

/**
 * The method is the one the request line says, and reads are reads. Over every route the app
 * registers: method-override headers and `_method` parameters never turn a request into another
 * route (same answer as without them, nothing stored); HEAD and OPTIONS need the same identity as
 * GET; no answer opens the API to other origins (CORS); and no GET or HEAD changes a stored row.
 */
const OVERRIDES = ['x-http-method-override', 'x-http-method', 'x-method-override'];
// Not stored data: who was last seen, rate-limit windows, the search index, view batches, and the
// derived ranking windows brought up to the current day on first read (popularity_state).
const VOLATILE = /session|rate|login|attempt|lock|cache|sqlite_|_fts|fts_|search_|view|popularity_state/i;

let t: TestApp;
let member: TestUser;
let other: TestUser;
let tipId = 0;

beforeAll(async () => {
  t = await createTestApp();
  member = await t.user('member');
  other = await t.user('other');
  tipId = (await postTip(t, other, { title: 'other tip', tags: ['safe'] })).id;
  await t.as(member, { method: 'POST', url: `/api/posts/${tipId}/comments`, payload: { body: 'c @other' } });
  await t.as(other, { method: 'POST', url: '/api/me/feed-tokens', payload: { label: 'x' } });
}, 60_000);
afterAll(async () => { await t.close(); });

const snapshot = (): string => dbSnapshot(t.db, VOLATILE);
const changedTables = (a: string, b: string) => {
  const bl = b.split('\n');
  return a.split('\n').flatMap((l, i) => (l === bl[i] ? [] : [l.slice(0, l.indexOf(':'))]));
};
const concrete = (url: string) => url.replace(/:username\b/g, 'other').replace(/:name\b/g, 'safe')
  .replace(/:id\b/, String(tipId)).replace(/:[A-Za-z]+/g, '1').replace(/\*/g, 'x');

describe('methods', () => {
  it('override headers and _method never reach another route', async () => {
    const failures: string[] = [];
    const rules = t.app.routeRules.filter((r) => r.url.startsWith('/api/') && r.method !== 'HEAD');
    for (const rule of rules) {
      const url = concrete(rule.url);
      for (const target of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']) {
        if (target === rule.method) continue;
        for (const who of [null, member] as const) {
          // What the same request answers without any override, then with each.
          const hasBody = ['POST', 'PUT', 'PATCH'].includes(rule.method);
          const base = { method: rule.method as 'GET', url, ...(hasBody ? { payload: {} } : {}) };
          const before = snapshot();
          const plain = await t.as(who, base);
          const mid = snapshot();
          for (const h of OVERRIDES) {
            const res = await t.as(who, { ...base, headers: { [h]: target } });
            if (res.statusCode !== plain.statusCode) failures.push(`${rule.method} ${url} ${h}: ${target} as ${who?.username ?? 'nobody'}: ${res.statusCode}, plain ${plain.statusCode}`);
          }
          const q = await t.as(who, { ...base, url: `${url}${url.includes('?') ? '&' : '?'}_method=${target}` });
          if (q.statusCode >= 200 && q.statusCode < 300 && !(plain.statusCode >= 200 && plain.statusCode < 300)) {
            failures.push(`${rule.method} ${url}?_method=${target}: ${q.statusCode}, plain ${plain.statusCode}`);
          }
          // Writes the plain call did not make are not made by the overridden ones either.
          if (before === mid && !['POST', 'PUT'].includes(rule.method)) {
            const after = snapshot();
            if (after !== mid) failures.push(`${rule.method} ${url} with ${target} overrides changed ${changedTables(mid, after).join(', ')}`);
          }
        }
      }
    }
    expect(failures).toEqual([]);
  }, 300_000);

  it('HEAD and OPTIONS without identity are refused wherever GET is', async () => {
    const failures: string[] = [];
    for (const rule of t.app.routeRules.filter((r) => r.method === 'GET' && r.url.startsWith('/api/') && r.access !== 'public')) {
      const url = concrete(rule.url);
      for (const method of ['HEAD', 'OPTIONS'] as const) {
        const res = await t.as(null, { method, url });
        if (![401, 404, 405].includes(res.statusCode)) failures.push(`${method} ${url}: ${res.statusCode} ${res.body.slice(0, 80)}`);
        if (res.body.includes('other tip')) failures.push(`${method} ${url}: data`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('no answer allows another origin to read it (no CORS)', async () => {
    const failures: string[] = [];
    for (const rule of t.app.routeRules.filter((r) => r.url.startsWith('/api/'))) {
      for (const method of [rule.method, 'OPTIONS']) {
        const res = await t.as(member, { method: method as 'GET', url: concrete(rule.url), headers: {
          origin: 'http://evil.example', 'access-control-request-method': rule.method, 'access-control-request-headers': 'content-type',
        } });
        for (const h of ['access-control-allow-origin', 'access-control-allow-credentials', 'access-control-allow-methods']) {
          if (res.headers[h] !== undefined) failures.push(`${method} ${rule.url}: ${h}: ${res.headers[h]}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it('GET and HEAD change no stored row (reads are safe from cross-site links and images)', async () => {
    const failures: string[] = [];
    for (const rule of t.app.routeRules.filter((r) => (r.method === 'GET' || r.method === 'HEAD') && r.url.startsWith('/api/'))) {
      for (const who of [member, other, t.admin]) {
        const before = snapshot();
        const res = await t.as(who, { method: rule.method as 'GET', url: concrete(rule.url) });
        const after = snapshot();
        if (after !== before) failures.push(`${rule.method} ${rule.url} as ${who.username} (${res.statusCode}) changed ${changedTables(before, after).join(', ')}`);
      }
    }
    expect(failures).toEqual([]);
  });
});
