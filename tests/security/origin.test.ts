import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, PASSWORD, type TestApp } from '../helpers/app';
import { proxyApp } from './helpers';

/**
 * A write that carries credentials is accepted only with proof that the app's own page made it:
 * `Origin` equal to KOTSU_PUBLIC_URL's origin (or, without Origin, `Sec-Fetch-Site: same-origin`).
 * The request's own Host header proves nothing: a DNS-rebinding page chooses it.
 */
const PUBLIC = 'http://kotsu.intra';
let t: TestApp | undefined;
afterEach(async () => { await t?.close(); t = undefined; });

const count = () => t!.db.prepare('SELECT count(*) FROM posts').pluck().get() as number;
const write = (headers: Record<string, string>) => t!.app.inject({
  method: 'POST', url: '/api/posts', headers: { cookie: t!.admin.cookie, 'content-type': 'application/json', ...headers },
  payload: JSON.stringify({ title: 'x', body: '', tags: [] }),
});

describe('cookie-authenticated writes', () => {
  it('are refused when Origin matches the Host header but not the public URL (DNS rebinding)', async () => {
    t = await createTestApp({ env: { KOTSU_PUBLIC_URL: PUBLIC } });
    // Any host name and port the attacker's page may have, sent consistently as Host and Origin.
    const host = fc.tuple(fc.domain(), fc.option(fc.integer({ min: 1, max: 65535 }), { nil: undefined }))
      .map(([d, p]) => (p ? `${d}:${p}` : d)).filter((h) => h !== 'kotsu.intra');
    await fc.assert(fc.asyncProperty(host, fc.constantFrom('http', 'https'), async (h, scheme) => {
      for (const site of [undefined, 'same-origin']) {
        const res = await write({ host: h, origin: `${scheme}://${h}`, ...(site ? { 'sec-fetch-site': site } : {}) });
        expect(res.statusCode, `${scheme}://${h}`).toBe(403);
      }
    }), { numRuns: 60 });
    expect(count()).toBe(0);
  });

  it('are refused without any proof of origin, and accepted with either kind', async () => {
    t = await createTestApp({ env: { KOTSU_PUBLIC_URL: PUBLIC } });
    expect((await write({})).statusCode).toBe(403);
    expect((await write({ host: 'kotsu.intra' })).statusCode).toBe(403);
    expect((await write({ 'sec-fetch-site': 'none' })).statusCode).toBe(403);
    expect((await write({ 'sec-fetch-site': 'same-site' })).statusCode).toBe(403);
    expect((await write({ origin: `${PUBLIC}/`, host: 'kotsu.intra' })).statusCode).toBe(403); // not an origin
    expect((await write({ origin: 'http://KOTSU.intra' })).statusCode).toBe(403); // browsers send it lower-case
    expect(count()).toBe(0);
    expect((await write({ origin: PUBLIC, host: 'anything.example' })).statusCode).toBe(201);
    expect((await write({ 'sec-fetch-site': 'same-origin' })).statusCode).toBe(201);
    expect(count()).toBe(2);
  });

  it('a stale or forged session cookie counts as a credential too', async () => {
    t = await createTestApp({ env: { KOTSU_PUBLIC_URL: PUBLIC } });
    const res = await t.app.inject({ method: 'POST', url: '/api/session', headers: { cookie: 'kotsu_sid=forged' },
      payload: { username: 'admin', password: PASSWORD } });
    expect(res.statusCode).toBe(403);
    // Without any cookie a login (a script's first request) needs no Origin; with a foreign one it is refused.
    expect((await t.app.inject({ method: 'POST', url: '/api/session', payload: { username: 'admin', password: PASSWORD } })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'POST', url: '/api/session', headers: { origin: 'http://evil.example' },
      payload: { username: 'admin', password: PASSWORD } })).statusCode).toBe(403);
  });
});

describe('proxy-authenticated writes', () => {
  it('follow the same rule: the SSO identity is a credential the browser adds by itself', async () => {
    const a = await proxyApp({ KOTSU_PUBLIC_URL: PUBLIC });
    try {
      const post = (headers: Record<string, string>) => a.app.inject({ method: 'POST', url: '/api/posts', remoteAddress: '127.0.0.1',
        headers: { 'x-remote-user': 'tanaka', 'content-type': 'application/json', ...headers }, payload: JSON.stringify({ title: 'p', body: '', tags: [] }) });
      expect((await post({})).statusCode).toBe(403);
      expect((await post({ host: 'rebound.example', origin: 'http://rebound.example' })).statusCode).toBe(403);
      expect((await post({ origin: PUBLIC })).statusCode).toBe(201);
    } finally {
      await a.close();
    }
  });
});
