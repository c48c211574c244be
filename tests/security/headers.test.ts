import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, PASSWORD, type TestApp } from '../helpers/app';

let t: TestApp | undefined;
afterEach(async () => { await t?.close(); t = undefined; });

function directives(csp: string): Map<string, string[]> {
  return new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([k, ...v]) => [k, v]));
}

describe('security headers', () => {
  it('send a strict CSP, nosniff, no framing and a same-origin referrer policy on API answers and errors', async () => {
    t = await createTestApp();
    for (const res of [
      await t.as(t.admin, { method: 'GET', url: '/api/me' }),
      await t.as(null, { method: 'GET', url: '/api/me' }), // 401
      await t.as(null, { method: 'GET', url: '/api/no-such-route' }), // 404
      await t.as(null, { method: 'GET', url: '/api/health' }),
    ]) {
      const csp = directives(String(res.headers['content-security-policy']));
      expect(csp.get('default-src')).toEqual(["'self'"]);
      expect(csp.get('script-src')).toEqual(["'self'"]);
      expect(csp.get('script-src-attr')).toEqual(["'none'"]);
      expect(csp.get('style-src')).toEqual(["'self'"]);
      expect(csp.get('style-src-elem')).toEqual(["'self'"]);
      // Style attributes only (table alignment, static template styles): never scripts or <style>.
      expect(csp.get('style-src-attr')).toEqual(["'unsafe-inline'"]);
      expect(csp.get('img-src')).toEqual(["'self'", 'data:', 'blob:']);
      expect(csp.get('object-src')).toEqual(["'none'"]);
      expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
      expect(csp.get('base-uri')).toEqual(["'self'"]);
      expect(csp.get('form-action')).toEqual(["'self'"]);
      // Plain http intranet: upgrading sub-resources to https would break the page.
      expect(csp.has('upgrade-insecure-requests')).toBe(false);
      const all = [...csp.entries()].filter(([k]) => k !== 'style-src-attr').flatMap(([, v]) => v);
      expect(all).not.toContain("'unsafe-inline'");
      expect(all).not.toContain("'unsafe-eval'");
      expect(all.filter((v) => /^(https?:|\*|[a-z0-9.-]+\.[a-z]{2,})/i.test(v))).toEqual([]); // no external origins
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['referrer-policy']).toBe('same-origin');
      expect(res.headers['strict-transport-security']).toBeUndefined();
    }
  });

  it('over https adds HSTS, upgrade-insecure-requests and Secure cookies', async () => {
    t = await createTestApp({ env: { KOTSU_PUBLIC_URL: 'https://kotsu.pref.example.lg.jp' } });
    const res = await t.app.inject({ method: 'POST', url: '/api/session', payload: { username: 'admin', password: PASSWORD } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['strict-transport-security']).toMatch(/max-age=\d+/);
    expect(directives(String(res.headers['content-security-policy'])).has('upgrade-insecure-requests')).toBe(true);
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/kotsu_sid=[^;]+;.*Secure/);
    expect(cookie).toMatch(/HttpOnly/);
    const out = await t.app.inject({ method: 'DELETE', url: '/api/session', headers: { cookie: cookie.split(';')[0], origin: 'https://kotsu.pref.example.lg.jp' } });
    expect(String(out.headers['set-cookie'])).toMatch(/kotsu_sid=;.*Secure/);
  });

  it('over http the cookie is not Secure (a browser would drop it)', async () => {
    t = await createTestApp({ env: { KOTSU_PUBLIC_URL: 'http://kotsu.intra' } });
    const res = await t.app.inject({ method: 'POST', url: '/api/session', payload: { username: 'admin', password: PASSWORD } });
    expect(String(res.headers['set-cookie'])).not.toMatch(/Secure/);
  });
});
