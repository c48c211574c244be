import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../server/config';
import { proxyApp } from './helpers';

/**
 * KOTSU_TRUSTED_PROXIES takes addresses and CIDR ranges, and one check built from it decides
 * both things a proxy is trusted for: the identity header, and X-Forwarded-For for request.ip
 * (rate-limit keys, logs). Compared here with a reference written from the definition.
 */
const toInt = (a: string) => a.split('.').reduce((n, o) => n * 256 + Number(o), 0);
const inRange = (addr: string, net: string, prefix: number) =>
  prefix === 0 || Math.floor(toInt(addr) / 2 ** (32 - prefix)) === Math.floor(toInt(net) / 2 ** (32 - prefix));

describe('trusted proxies', () => {
  it('an address is trusted for the identity header exactly when it is trusted for X-Forwarded-For', async () => {
    const ranges = fc.array(fc.tuple(fc.ipV4(), fc.integer({ min: 8, max: 32 })), { minLength: 1, maxLength: 3 });
    // Addresses near the ranges' edges as well as anywhere.
    const samples = fc.array(fc.oneof(fc.ipV4(), fc.constantFrom('10.0.0.1', '10.255.255.255', '11.0.0.0', '192.168.1.1')), { minLength: 12, maxLength: 20 });
    await fc.assert(fc.asyncProperty(ranges, samples, async (list, addrs) => {
      const entries = list.map(([n, p]) => `${n}/${p}`);
      const a = await proxyApp({ KOTSU_TRUSTED_PROXIES: entries.join(',') });
      a.app.get('/test/whoami', { config: { access: 'public' } }, async (request) => ({ ip: request.ip, user: request.user?.username ?? null }));
      try {
        for (const addr of [...addrs, ...list.map(([n]) => n)]) {
          const expected = list.some(([n, p]) => inRange(addr, n, p));
          for (const remote of [addr, `::ffff:${addr}`]) {
            const res = await a.app.inject({ method: 'GET', url: '/test/whoami', remoteAddress: remote,
              headers: { 'x-remote-user': 'tanaka', 'x-forwarded-for': '203.0.113.7' } });
            const body = res.json();
            expect(body.user !== null, `${remote} in ${entries}`).toBe(expected);
            expect(body.ip === '203.0.113.7', `${remote} in ${entries}`).toBe(expected);
          }
        }
      } finally {
        await a.close();
      }
    }), { numRuns: 6 }); // an app per run: building one takes a while
  }, 180_000);

  it('takes IPv6 ranges and the names loopback, linklocal, uniquelocal', async () => {
    const a = await proxyApp({ KOTSU_TRUSTED_PROXIES: 'fd00:1::/64, uniquelocal' });
    try {
      const who = async (remoteAddress: string) => (await a.app.inject({ method: 'GET', url: '/api/me', remoteAddress, headers: { 'x-remote-user': 'sato' } })).statusCode;
      expect(await who('fd00:1::5')).toBe(200);
      expect(await who('fd00:1:0:0:ffff::1')).toBe(200);
      expect(await who('172.20.0.3')).toBe(200);
      expect(await who('fd00:2::5')).toBe(200); // fc00::/7 (uniquelocal)
      expect(await who('2001:db8::1')).toBe(401);
      expect(await who('127.0.0.1')).toBe(401);
      expect(await who('8.8.8.8')).toBe(401);
    } finally {
      await a.close();
    }
  });

  it('refuses entries that are neither addresses nor ranges at start-up', () => {
    for (const bad of ['10.0.0.0/33', 'proxy.intra', '10.0.0.1/8/1', '10.0.0/8', '::1/129', '10.0.0.0/-1', '10.0.0.0/ 8x']) {
      expect(() => loadConfig({ KOTSU_TRUSTED_PROXIES: bad }), bad).toThrow(ConfigError);
    }
    expect(loadConfig({ KOTSU_TRUSTED_PROXIES: '10.0.0.0/8, ::1, 192.168.0.1, loopback' }).trustedProxies).toHaveLength(4);
  });
});
