import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, postTip, type TestApp, type TestUser } from '../helpers/app';
import { inBatches, rawRequest } from './raw-http';

/**
 * More spellings of every registered route's path than route-targets.test.ts tries, over a real
 * socket: semicolon parameters in every segment, double percent-encoding, encoded `;?#/.`, trailing
 * dots and dot segments at the end, and a member's session against admin and moderator routes.
 * Without identity: never 2xx and never data; as a member on a staff route: never 2xx.
 */
const CANARY = 'CANARYspell';
let t: TestApp;
let member: TestUser;
let port: number;

beforeAll(async () => {
  t = await createTestApp({ env: { KOTSU_PUBLIC_URL: 'http://kotsu.intra' } });
  member = await t.user('member', { displayName: `${CANARY} name` });
  await postTip(t, member, { title: `${CANARY} tip`, tags: ['spelltag'] });
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  port = (t.app.server.address() as AddressInfo).port;
});
afterAll(async () => { await t.close(); });

function spellings(p: string): string[] {
  const segs = p.split('/').slice(1); // ['api', 'users', '1']
  const join = (s: string[]) => `/${s.join('/')}`;
  const out = [
    `${p};`, `${p};jsessionid=1`, `${p}%3B`, `${p}%3F`, `${p}%23`, `${p}%2F`, `${p}%2e`, `${p}/.`, `${p}/..`, `${p}/./`,
    `${p}?%00`, `${p}?a=%FF`, `${p}%252F`, p.replace('/api/', '/api%252F'), p.replace('/api/', '/%2561pi/'),
    p.replace(/\//g, '/;/'), `${p}%09`, `${p}%0a`, p.replace('/api', '/api.'), p.replace('/api', '/api%20'),
  ];
  for (let i = 0; i < segs.length; i++) {
    out.push(join(segs.map((s, j) => (j === i ? `${s};x=1` : s))));
    out.push(join(segs.map((s, j) => (j === i ? `${s}%3Bx` : s))));
    out.push(join(segs.map((s, j) => (j === i ? s.replace(/^./, (c) => `%25${c.charCodeAt(0).toString(16)}`) : s))));
  }
  return out;
}
const concrete = (url: string) => url.replace(/:username\b/g, 'member').replace(/:name\b/g, 'spelltag').replace(/:[A-Za-z]+/g, '1').replace(/\*/g, 'x');

describe('more spellings of every route', () => {
  it('without identity: no 2xx, no data', async () => {
    const calls = t.app.routeRules.filter((r) => r.access !== 'public' && r.url.startsWith('/api/'))
      .flatMap((r) => spellings(concrete(r.url)).map((target) => ({ method: r.method, target })));
    const failures: string[] = [];
    await inBatches(calls, 12, async ({ method, target }) => {
      const hasBody = !['GET', 'HEAD', 'DELETE', 'OPTIONS'].includes(method);
      const res = await rawRequest(port, method, target, hasBody ? { 'content-type': 'application/json' } : {}, hasBody ? '{}' : undefined);
      if (res.body.includes(CANARY) || (res.status >= 200 && res.status < 300)) failures.push(`${method} ${target}: ${res.status} ${res.body.slice(0, 80)}`);
    });
    expect(calls.length).toBeGreaterThan(2000);
    expect(failures).toEqual([]);
  }, 300_000);

  it('as a member on moderator and admin routes: no 2xx, nothing changed', async () => {
    const before = t.db.prepare('SELECT count(*) FROM audit_log').pluck().get();
    const calls = t.app.routeRules.filter((r) => (r.access === 'admin' || r.access === 'moderator') && r.url.startsWith('/api/'))
      .flatMap((r) => spellings(concrete(r.url)).map((target) => ({ method: r.method, target })));
    const failures: string[] = [];
    await inBatches(calls, 12, async ({ method, target }) => {
      const hasBody = !['GET', 'HEAD', 'DELETE', 'OPTIONS'].includes(method);
      const res = await rawRequest(port, method, target, {
        cookie: member.cookie, origin: 'http://kotsu.intra', ...(hasBody ? { 'content-type': 'application/json' } : {}),
      }, hasBody ? '{}' : undefined);
      if (res.status >= 200 && res.status < 300) failures.push(`${method} ${target}: ${res.status} ${res.body.slice(0, 80)}`);
    });
    expect(calls.length).toBeGreaterThan(500);
    expect(failures).toEqual([]);
    expect(t.db.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBe(before);
  }, 300_000);
});
