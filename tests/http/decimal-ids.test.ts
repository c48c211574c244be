import type { TSchema } from '@sinclair/typebox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, postTip, type TestApp } from '../helpers/app';
import { sampleOf } from '../helpers/schema-sample';

/**
 * Ids and other whole numbers in query strings and paths are written in decimal digits, on every
 * route that takes one (server/http/validation.ts). Ajv's coercion alone read `1e3` as 1000,
 * `0x10` as 16, ` 5`, `+5` and `5.0` as 5, and `9007199254740993` as another number, so
 * `/api/search/related?id=1e3` looked up tip 1000 (404) instead of being refused (400).
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  // Tip 5 exists, so `05` finds it and the spellings of 5 below would have found it too.
  for (let i = 1; i <= 5; i++) await postTip(t, t.admin, { title: `tip ${i}`, body: 'body', tags: ['excel'] });
}, 60_000);
afterAll(async () => { await t.close(); });

type Rule = TestApp['app']['routeRules'][number];
type Props = Record<string, TSchema & { type?: string; items?: { type?: string } }>;
const partOf = (rule: Rule, part: 'params' | 'querystring' | 'body') =>
  ((rule.schema ?? {}) as Record<string, { properties?: Props; required?: string[] } | undefined>)[part];
const isInteger = (s: { type?: string; items?: { type?: string } }) =>
  s.type === 'integer' || (s.type === 'array' && s.items?.type === 'integer');

const sampleOf1 = (schema: TSchema) => sampleOf(schema, 1);

interface Target { rule: Rule; where: 'params' | 'querystring'; field: string }
function targets(): Target[] {
  const out: Target[] = [];
  for (const rule of t.app.routeRules.filter((r) => r.method !== 'HEAD')) {
    for (const where of ['params', 'querystring'] as const) {
      for (const [field, s] of Object.entries(partOf(rule, where)?.properties ?? {})) {
        if (isInteger(s)) out.push({ rule, where, field });
      }
    }
  }
  return out;
}

/** The route called with `raw` (unencoded) as `field`, every other part valid. */
function call({ rule, where, field }: Target, raw: string) {
  const v = encodeURIComponent(raw);
  const path = rule.url.replace(/:(\w+)/g, (_, name: string) => {
    if (where === 'params' && name === field) return v;
    const s = partOf(rule, 'params')?.properties?.[name];
    return s && isInteger(s) ? '5' : name === 'username' ? 'admin' : name === 'name' ? 'excel' : '5';
  }).replace(/\*/g, 'x');
  const qs = partOf(rule, 'querystring');
  const query = Object.entries(qs?.properties ?? {})
    .filter(([k]) => (where === 'querystring' && k === field) || qs?.required?.includes(k))
    .map(([k, s]) => `${k}=${where === 'querystring' && k === field ? v : encodeURIComponent(String(sampleOf1(s)))}`);
  const body = partOf(rule, 'body');
  const hasBody = !['GET', 'HEAD', 'DELETE'].includes(rule.method);
  return t.as(t.admin, {
    method: rule.method as 'GET', url: query.length ? `${path}?${query.join('&')}` : path,
    ...(hasBody ? { payload: JSON.stringify(body ? sampleOf1(body as TSchema) : {}), headers: { 'content-type': 'application/json' } } : {}),
  });
}

type ErrorBody = { error?: string; message?: string; params?: { field?: string } };
function jsonOf(text: string): ErrorBody {
  try { return JSON.parse(text) as ErrorBody; } catch { return {}; }
}

/** A number the field takes: 5, or the nearest its schema allows. */
function valid({ rule, where, field }: Target): number {
  const s = partOf(rule, where)!.properties![field] as { minimum?: number; maximum?: number; items?: { minimum?: number; maximum?: number } };
  const { minimum = -Infinity, maximum = Infinity } = s.items ?? s;
  return Math.min(Math.max(5, minimum), maximum);
}
// Spellings of n that `Number()` reads as n but are not decimal digits, then digits past 2^53.
const refused = (n: number) => [`${n}e0`, `${n / 10}e1`, `0x${n.toString(16)}`, `0b${n.toString(2)}`, `0o${n.toString(8)}`, `+${n}`, ` ${n}`, `${n} `,
  `\t${n}`, `${n}.0`, `${n}.`, `${n},1`, String(n).replace(/[0-9]/g, (d) => String.fromCharCode(0xff10 + Number(d))),
  '9007199254740992', '9007199254740993', '99999999999999999999', `1${'0'.repeat(400)}`];
const accepted = (n: number) => [`${n}`, `0${n}`, `0000${n}`];

describe('whole numbers in query strings and paths', () => {
  it('the tester\'s case: related?id=1e3 is 400, id=05 is tip 5 (before the walk below deletes it)', async () => {
    const bad = await t.as(t.admin, { method: 'GET', url: '/api/search/related?id=1e3' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ error: 'bad_request', reason: 'invalid_input', params: { field: 'id' } });
    expect((await t.as(t.admin, { method: 'GET', url: '/api/search/related?id=05' })).statusCode).toBe(200);
    expect((await t.as(t.admin, { method: 'GET', url: '/api/posts/0x5' })).statusCode).toBe(400);
    expect((await t.as(t.admin, { method: 'GET', url: '/api/posts/005' })).json().title).toBe('tip 5');
  });

  it('every id-like path parameter is an integer in its route\'s schema', () => {
    const untyped: string[] = [];
    for (const rule of t.app.routeRules) {
      for (const [, name] of rule.url.matchAll(/:(\w+)/g)) {
        const s = partOf(rule, 'params')?.properties?.[name];
        if (!s) untyped.push(`${rule.method} ${rule.url}: :${name} has no schema`);
        else if (/^(id|nid|number|\w+Id)$/.test(name) && s.type !== 'integer') untyped.push(`${rule.method} ${rule.url}: :${name} is ${s.type}`);
      }
      // An integer this walk would not see (in a union, nested): the check would not see it either.
      for (const where of ['params', 'querystring'] as const) {
        for (const [field, s] of Object.entries(partOf(rule, where)?.properties ?? {})) {
          if (!isInteger(s) && /"(integer|number)"/.test(JSON.stringify(s))) untyped.push(`${rule.method} ${rule.url}: ${where}.${field} hides a number`);
        }
      }
    }
    expect(untyped).toEqual([]);
  });

  it('are refused unless written in decimal digits within 2^53, on every route that takes one', async () => {
    const all = targets();
    expect(all.filter((x) => x.where === 'params').length).toBeGreaterThan(50);
    expect(all.filter((x) => x.where === 'querystring').length).toBeGreaterThan(20);
    expect(all.some((x) => x.rule.url === '/api/search/related' && x.field === 'id')).toBe(true);
    const failures: string[] = [];
    for (const target of all) {
      const name = `${target.rule.method} ${target.rule.url} ${target.where}.${target.field}`;
      const n = valid(target);
      for (const raw of refused(n)) {
        const res = await call(target, raw);
        const body = jsonOf(res.body);
        // (A path segment past 100 characters is refused by the router, before any schema.)
        const why = String(body.params?.field).startsWith(target.field) || body.message === 'a path segment is too long';
        if (res.statusCode !== 400 || body.error !== 'bad_request' || !why) {
          failures.push(`${name} = ${JSON.stringify(raw.slice(0, 24))}: ${res.statusCode} ${res.body.slice(0, 100)}`);
        }
      }
      for (const raw of accepted(n)) {
        const res = await call(target, raw);
        const body = jsonOf(res.body);
        if (res.statusCode === 400 && String(body.params?.field).startsWith(target.field)) failures.push(`${name} = ${raw} refused: ${res.body.slice(0, 100)}`);
      }
    }
    expect(failures).toEqual([]);
  }, 300_000);
});
