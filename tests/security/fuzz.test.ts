import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { normalizeTag } from '../../server/tags/normalize';
import { createTestApp, postTip, type TestApp } from '../helpers/app';

/**
 * Property tests: whatever arrives in a body or a query string, the answer is never a 5xx, and
 * what a 2xx says was stored is exactly what was sent and what is read back later.
 */
const RUNS = Number(process.env.KOTSU_FUZZ_RUNS ?? 40);

// Any Unicode, including astral characters, controls and lone surrogates.
const text = (maxLength: number) => fc.oneof(
  fc.string({ unit: 'binary', maxLength }),
  fc.string({ unit: 'grapheme', maxLength }),
  fc.constantFrom('', ' ', '<script>alert(1)</script>', '__proto__', 'constructor', '\u0000', '\ud800', '％', 'ｴｸｾﾙ', 'Excel'),
);

let t: TestApp;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t.close(); });

describe('POST /api/posts and PATCH /api/posts/:id with arbitrary fields', () => {
  it('never 5xx; a 201/200 stores exactly the accepted title and body, and tags match what was sent', async () => {
    const author = await t.user('fuzzer');
    const tip = await postTip(t, author, { title: 'fuzz target' });
    await fc.assert(fc.asyncProperty(
      fc.record({ title: text(210), body: text(400), tags: fc.array(text(45), { maxLength: 12 }) }, { requiredKeys: [] }),
      fc.boolean(),
      async (input, patch) => {
        const res = await t.as(author, patch
          ? { method: 'PATCH', url: `/api/posts/${tip.id}`, payload: input }
          : { method: 'POST', url: '/api/posts', payload: input });
        expect(res.statusCode).toBeLessThan(500);
        if (res.statusCode >= 300) {
          expect(res.json().error).toMatch(/^[a-z_]+$/);
          return;
        }
        const answered = res.json();
        const stored = (await t.as(author, { method: 'GET', url: `/api/posts/${answered.id}` })).json();
        expect(stored.title).toBe(answered.title);
        expect(stored.body).toBe(answered.body);
        expect(stored.tags).toEqual(answered.tags);
        if (input.title !== undefined) expect(answered.title).toBe(input.title);
        if (input.body !== undefined) expect(answered.body).toBe(input.body);
        if (input.tags !== undefined) {
          expect(new Set(answered.tags.map(normalizeTag))).toEqual(new Set(input.tags.map(normalizeTag)));
        }
      },
    ), { numRuns: RUNS * 3 });
  }, 120_000);

  it('arbitrary JSON values as bodies are 400/415, never 5xx, and store nothing', async () => {
    const author = await t.user('fuzzer2');
    const before = t.db.prepare('SELECT count(*) FROM posts').pluck().get();
    await fc.assert(fc.asyncProperty(fc.jsonValue(), async (value) => {
      if (value && typeof value === 'object' && !Array.isArray(value) && 'title' in value && 'body' in value && 'tags' in value) return;
      const res = await t.as(author, { method: 'POST', url: '/api/posts', headers: { 'content-type': 'application/json' }, payload: JSON.stringify(value) });
      expect(res.statusCode).toBeGreaterThanOrEqual(400);
      expect(res.statusCode).toBeLessThan(500);
    }), { numRuns: RUNS * 2 });
    expect(t.db.prepare('SELECT count(*) FROM posts').pluck().get()).toBe(before);
  }, 120_000);
});

describe('every route', () => {
  const QUERY_KEYS = ['q', 'tag', 'author', 'sort', 'limit', 'cursor', 'offset', 'period', 'status', 'department', 'action', 'actor', 'category', 'roundId', 'format', 'page'];

  it('every write route answers arbitrary JSON bodies without a 5xx', async () => {
    const fresh = await createTestApp();
    try {
      const tip = await postTip(fresh, fresh.admin, { title: 'target' });
      const writes = fresh.app.routeRules.filter((r) => ['POST', 'PUT', 'PATCH', 'DELETE'].includes(r.method)
        // Ending the fuzzing admin's own sessions would only turn the rest into 401s.
        && !['/api/session', '/api/me/sessions'].includes(r.url));
      expect(writes.length).toBeGreaterThan(5);
      const failures: string[] = [];
      for (const route of writes) {
        const url = route.url.replace(':id', String(tip.id)).replace(/:[A-Za-z]+/g, '1');
        await fc.assert(fc.asyncProperty(fc.oneof(fc.jsonValue(), fc.dictionary(text(12), fc.jsonValue(), { maxKeys: 5 })), async (body) => {
          const res = await fresh.as(fresh.admin, { method: route.method as 'POST', url, headers: { 'content-type': 'application/json' }, payload: JSON.stringify(body) });
          if (res.statusCode >= 500) failures.push(`${route.method} ${route.url} ${JSON.stringify(body).slice(0, 120)} → ${res.statusCode}`);
        }), { numRuns: Math.max(5, Math.floor(RUNS / 2)) });
      }
      expect(failures).toEqual([]);
    } finally {
      await fresh.close();
    }
  }, 300_000);

  it('every GET route answers arbitrary query strings without a 5xx', async () => {
    const author = await t.user('reader');
    await postTip(t, author, { title: 'クエリ対象', body: 'Excel の検索', tags: ['Excel'] });
    const reads = t.app.routeRules.filter((r) => r.method === 'GET' && !r.url.includes('*'));
    const failures: string[] = [];
    for (const route of reads) {
      const url = route.url.replace(/:username\b/, 'reader').replace(/:[A-Za-z]+/g, '1');
      await fc.assert(fc.asyncProperty(fc.dictionary(fc.constantFrom(...QUERY_KEYS), fc.oneof(text(60), fc.integer().map(String)), { maxKeys: 4 }), async (query) => {
        const qs = Object.entries(query).map(([k, v]) => `${k}=${encodeURIComponent(v.replace(/[\ud800-\udfff]/g, '\ufffd'))}`).join('&');
        const res = await t.as(t.admin, { method: 'GET', url: `${url}?${qs}` });
        if (res.statusCode >= 500) failures.push(`GET ${url}?${qs} → ${res.statusCode} ${res.body.slice(0, 100)}`);
      }), { numRuns: Math.max(5, Math.floor(RUNS / 2)) });
    }
    expect(failures).toEqual([]);
  }, 300_000);
});
