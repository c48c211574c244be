import type { TSchema } from '@sinclair/typebox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestUser } from '../helpers/app';
import { dbSnapshot } from '../helpers/db-snapshot';
import { oneOfEach } from '../helpers/one-of-each';
import { sampleOf } from '../helpers/schema-sample';

/**
 * Every route the app registers (from its route register), called by an administrator (so access
 * rules pass) with hostile bodies, query strings and path parameters derived from the route's own
 * schema: each property in turn of the wrong type, missing, null, a lone surrogate, NUL, 1 MB of
 * text, negative, NaN-like, huge, an array or an object; unknown properties; deep JSON; invalid
 * UTF-8; duplicate query keys. Every answer is below 500; every error answer is
 * `{error, message}` with the code that belongs to its status; and a refused request changes no
 * stored row.
 */
const CODES: Record<number, string> = {
  400: 'bad_request', 401: 'unauthenticated', 403: 'forbidden', 404: 'not_found', 409: 'conflict',
  413: 'too_large', 415: 'unsupported_media_type', 429: 'rate_limited', 503: 'unavailable',
};
// Rows that change on any request (who was last seen, rate-limit windows) are not stored data.
const VOLATILE = /session|rate|login|attempt|lock|cache|view|sqlite_|_fts|fts_|search_/i;

let t: TestApp;
let member: TestUser;
beforeAll(async () => {
  t = await createTestApp();
  member = await t.user('member', { department: '総務課' });
  await t.user('judge');
  const tip = await oneOfEach(t, member);
  await t.as(member, { method: 'POST', url: '/api/awards/1/nominations', payload: { postId: tip.id, category: 'c', statement: 's' } });
  await t.as(t.admin, { method: 'POST', url: `/api/posts/${tip.id}/reports`, payload: { reason: 'spam' } });
  await t.as(t.admin, { method: 'POST', url: '/api/me/feed-tokens', payload: { label: 'x' } });
}, 60_000);
afterAll(async () => { await t.close(); });

const snapshot = (): string => dbSnapshot(t.db, VOLATILE);

function diff(a: string, b: string): string {
  const al = a.split('\n');
  const bl = b.split('\n');
  return al.map((l, i) => (l === bl[i] ? '' : `${l.slice(0, l.indexOf(':'))} changed`)).filter(Boolean).join(', ');
}

type Rule = TestApp['app']['routeRules'][number];
const schemaOf = (rule: Rule) => (rule.schema ?? {}) as { body?: TSchema; querystring?: TSchema };
const concrete = (url: string) => url.replace(/:username\b/g, 'member').replace(/:name\b/g, 'excel')
  .replace(/:[A-Za-z]+/g, '1').replace(/\*/g, 'x');

const sample = (schema: TSchema) => sampleOf(schema) as Record<string, unknown>;

const MB = 'あ'.repeat(350_000); // ~1 MB of UTF-8
const BAD_VALUES: [string, unknown][] = [
  ['null', null], ['number', 123], ['negative', -1], ['float', 1.5], ['huge', 1e308], ['bigint-ish', 99999999999999999999],
  ['true', true], ['array', ['a', 1]], ['object', { a: 1 }], ['empty', ''], ['NUL', 'a\u0000b'], ['lone surrogate', '\ud800x'],
  ['1MB', MB], ['NaN text', 'NaN'], ['deep', JSON.parse('['.repeat(200) + ']'.repeat(200))],
  ['array of objects', [{ a: 1 }]], ['proto', { __proto__: { x: 1 } }],
];

interface Call { method: string; url: string; payload?: string | Buffer; headers?: Record<string, string>; what: string; mustRefuse?: boolean }

function bodyCalls(rule: Rule): Call[] {
  const body = schemaOf(rule).body as TSchema & { properties?: Record<string, TSchema>; type?: string } | undefined;
  if (!body || body.type !== 'object' || !body.properties) return [];
  const url = concrete(rule.url);
  const valid = sample(body);
  const calls: Call[] = [];
  const json = (v: unknown, what: string): Call => ({ method: rule.method, url, payload: JSON.stringify(v), headers: { 'content-type': 'application/json' }, what });
  for (const key of Object.keys(body.properties)) {
    for (const [name, value] of BAD_VALUES) calls.push(json({ ...valid, [key]: value }, `${key}=${name}`));
    const without = { ...valid };
    delete without[key];
    calls.push(json(without, `${key} missing`));
  }
  calls.push(json({ ...valid, zzExtra: 1 }, 'extra property'));
  calls.push(json([valid], 'array body'));
  calls.push({ method: rule.method, url, payload: '['.repeat(100_000), headers: { 'content-type': 'application/json' }, what: 'deep JSON' });
  calls.push({ method: rule.method, url, payload: `{"a":${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}}`, headers: { 'content-type': 'application/json' }, what: 'deep object' });
  const firstText = Object.entries(body.properties).find(([, s]) => (s as { type?: string }).type === 'string')?.[0];
  if (firstText) {
    const [head, tail] = JSON.stringify({ ...valid, [firstText]: 'a\u0001' }).split('\\u0001');
    const bytes = (b: number[]) => Buffer.concat([Buffer.from(head), Buffer.from(b), Buffer.from(tail)]);
    // Bytes that are not UTF-8 must be refused, not stored as U+FFFD (checked again on the rows below).
    calls.push({ method: rule.method, url, payload: bytes([0xff, 0xfe, 0xc0, 0xaf]), headers: { 'content-type': 'application/json' }, what: 'invalid UTF-8', mustRefuse: true });
    calls.push({ method: rule.method, url, payload: bytes([0xed, 0xa0, 0x80]), headers: { 'content-type': 'application/json' }, what: 'UTF-8 surrogate bytes', mustRefuse: true });
    calls.push({ method: rule.method, url, payload: bytes([0xe3, 0x81]), headers: { 'content-type': 'application/json; charset=utf-8' }, what: 'truncated UTF-8', mustRefuse: true });
    calls.push({ method: rule.method, url, payload: `{"${firstText}":"a","${firstText}":"b"}`, headers: { 'content-type': 'application/json' }, what: 'duplicate keys' });
  }
  return calls;
}

function queryCalls(rule: Rule): Call[] {
  const qs = schemaOf(rule).querystring as { properties?: Record<string, TSchema> } | undefined;
  if (!qs?.properties) return [];
  const url = concrete(rule.url);
  const calls: Call[] = [];
  const values = ['', '-1', '0', '1.5', 'NaN', 'Infinity', '1e309', '99999999999999999999', '0x10', '%00', '%ED%A0%80', '%FF',
    '%C0%AF', 'x'.repeat(10_000), '%E3%81%82'.repeat(2000), 'true', '[]', '{}', '__proto__', '<script>'];
  for (const key of Object.keys(qs.properties)) {
    for (const v of values) calls.push({ method: rule.method, url: `${url}?${key}=${v}`, what: `?${key}=${v.slice(0, 20)}` });
    calls.push({ method: rule.method, url: `${url}?${key}=1&${key}=2`, what: `?${key} twice` });
    calls.push({ method: rule.method, url: `${url}?${key}[]=1`, what: `?${key}[]` });
    calls.push({ method: rule.method, url: `${url}?${key}[a]=1`, what: `?${key}[a]` });
    calls.push({ method: rule.method, url: `${url}?${key}`, what: `?${key} bare` });
  }
  calls.push({ method: rule.method, url: `${url}?zzExtra=1`, what: 'unknown query key' });
  for (const q of ['__proto__[polluted]=1', 'constructor[prototype][polluted]=1', '__proto__=1', 'hasOwnProperty=1', 'toString=x']) {
    calls.push({ method: rule.method, url: `${url}?${q}`, what: q });
  }
  // Forged cursors: well-formed base64url JSON of every wrong shape and extreme value.
  if ('cursor' in qs.properties) {
    const b64 = (v: string) => Buffer.from(v).toString('base64url');
    for (const v of ['[1e309]', '[-1e309]', '[-1]', '["x"]', '[1.5]', '["\' OR 1=1 --"]', '[9007199254740993]', '[[]]', '[{}]', '[null]',
      '["2026-01-01T00:00:00Z",1e309]', '[1,"x"]', '["x",1,2]', '[]', '{}', '"x"', `[${'['.repeat(5000)}${']'.repeat(5000)}]`, '[1]\u0000']) {
      calls.push({ method: rule.method, url: `${url}?cursor=${b64(v)}`, what: `cursor ${v.slice(0, 24)}` });
    }
  }
  return calls;
}

function paramCalls(rule: Rule): Call[] {
  if (!/:(id|nid|number|postId)\b/.test(rule.url)) return [];
  const calls: Call[] = [];
  const hasBody = !['GET', 'HEAD', 'DELETE'].includes(rule.method);
  for (const v of ['0', '-1', '1.5', '1e3', '0x10', '%00', '%ED%A0%80', '%FF', '9'.repeat(30), '1'.repeat(150), '%E3%81%82'.repeat(60), '%201', '1%20', '+1', '01', 'NaN', '1,2']) {
    const url = rule.url.replace(/:(id|nid|number|postId)\b/, v);
    // Ids are decimal digits (server/http/validation.ts): only `01` may be taken as one, even the
    // spellings Number() reads as an id (`+1`, ` 1`, `1e3`, `0x10`) must be refused.
    const mustRefuse = v !== '01';
    calls.push({ method: rule.method, url: concrete(url), what: `param ${v}`, mustRefuse, ...(hasBody ? { payload: '{}', headers: { 'content-type': 'application/json' } } : {}) });
  }
  return calls;
}

async function run(calls: Call[], failures: string[]) {
  for (const c of calls) {
    const before = ['GET', 'HEAD'].includes(c.method) ? '' : snapshot();
    const res = await t.as(t.admin, { method: c.method as 'GET', url: c.url, payload: c.payload, headers: c.headers });
    const where = `${c.method} ${c.url.slice(0, 80)} [${c.what}]`;
    if (res.statusCode >= 500) { failures.push(`${where}: ${res.statusCode} ${res.body.slice(0, 160)}`); continue; }
    if (res.headers['x-content-type-options'] !== 'nosniff') failures.push(`${where}: ${res.statusCode} without nosniff`);
    if (res.statusCode < 400) {
      if (c.mustRefuse) failures.push(`${where}: ${res.statusCode} accepted, should be refused`);
      continue;
    }
    let err: { error?: unknown; message?: unknown } = {};
    try { err = res.json(); } catch { failures.push(`${where}: ${res.statusCode} not JSON: ${res.body.slice(0, 80)}`); continue; }
    if (typeof err.error !== 'string' || typeof err.message !== 'string') failures.push(`${where}: ${res.statusCode} shape ${res.body.slice(0, 120)}`);
    else if (CODES[res.statusCode] !== err.error) failures.push(`${where}: ${res.statusCode} with error ${err.error}`);
    if (before) {
      const after = snapshot();
      if (after !== before) failures.push(`${where}: refused (${res.statusCode}) but ${diff(before, after)}`);
    }
  }
}

describe('hostile input on every route', () => {
  it('bodies: every property of every body schema', async () => {
    const failures: string[] = [];
    const rules = t.app.routeRules.filter((r) => r.method !== 'HEAD' && r.url.startsWith('/api/'));
    let n = 0;
    for (const rule of rules) {
      const calls = bodyCalls(rule);
      n += calls.length;
      await run(calls, failures);
    }
    expect(n).toBeGreaterThan(1000);
    expect(failures).toEqual([]);
    // What was accepted was stored as sent: no lone surrogate turned into U+FFFD on its way into
    // SQLite, and no NUL stored (each body above carried both in every text property in turn).
    const mangled: string[] = [];
    for (const table of t.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '%fts%'").pluck().all() as string[]) {
      for (const row of t.db.prepare(`SELECT * FROM "${table}"`).all() as Record<string, unknown>[]) {
        for (const [col, v] of Object.entries(row)) {
          if (typeof v === 'string' && /[\ufffd\u0000]/.test(v)) mangled.push(`${table}.${col}: ${JSON.stringify(v.slice(0, 60))}`);
        }
      }
    }
    expect(mangled).toEqual([]);
  }, 600_000);

  it('query strings: every parameter of every query schema', async () => {
    const failures: string[] = [];
    let n = 0;
    for (const rule of t.app.routeRules.filter((r) => r.method !== 'HEAD' && r.url.startsWith('/api/'))) {
      const calls = queryCalls(rule);
      n += calls.length;
      await run(calls, failures);
    }
    expect(n).toBeGreaterThan(500);
    expect(failures).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  }, 600_000);

  it('path parameters that are not ids', async () => {
    const failures: string[] = [];
    let n = 0;
    for (const rule of t.app.routeRules.filter((r) => r.method !== 'HEAD' && r.url.startsWith('/api/'))) {
      const calls = paramCalls(rule);
      n += calls.length;
      await run(calls, failures);
    }
    expect(n).toBeGreaterThan(300);
    expect(failures).toEqual([]);
  }, 600_000);
});
