import { afterEach, describe, expect, it } from 'vitest';
import { proxyApp } from './helpers';

let close: (() => Promise<void>) | undefined;
afterEach(async () => { await close?.(); close = undefined; });

async function app(env: Record<string, string> = {}) {
  const a = await proxyApp(env);
  close = a.close;
  return a;
}

const me = (a: Awaited<ReturnType<typeof app>>, headers: Record<string, string>, remoteAddress = '127.0.0.1') =>
  a.app.inject({ method: 'GET', url: '/api/me', headers, remoteAddress });

describe('proxy SSO mode (in-process)', () => {
  it('believes the identity header from a trusted proxy and fills the profile from percent-encoded headers', async () => {
    const a = await app({ KOTSU_ADMINS: 'sato-t' });
    const res = await me(a, { 'x-remote-user': 'tanaka-h', 'x-remote-name': encodeURIComponent('田中 花子'), 'x-remote-department': encodeURIComponent('総務部 人事課') });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ username: 'tanaka-h', displayName: '田中 花子', department: '総務部 人事課', role: 'member' });
    expect((await me(a, { 'x-remote-user': 'SATO-T' })).json().role).toBe('admin');
    expect((await me(a, { 'x-remote-user': 'tanaka-h' }, '::ffff:127.0.0.1')).statusCode).toBe(200);
  });

  it('ignores the header from any other address: the request is unauthenticated and nobody is created', async () => {
    const a = await app({ KOTSU_TRUSTED_PROXIES: '10.0.0.1' });
    for (const addr of ['127.0.0.1', '10.0.0.2', '::1', '10.0.0.10']) {
      const res = await me(a, { 'x-remote-user': 'admin' }, addr);
      expect(res.statusCode, addr).toBe(401);
    }
    // X-Forwarded-For cannot make a client look like the proxy.
    expect((await me(a, { 'x-remote-user': 'admin', 'x-forwarded-for': '10.0.0.1' }, '10.0.0.2')).statusCode).toBe(401);
    expect(a.db.prepare('SELECT count(*) FROM users').pluck().get()).toBe(0);
    expect((await me(a, { 'x-remote-user': 'admin' }, '10.0.0.1')).statusCode).toBe(200);
  });

  it('refuses malformed or doubled identities rather than guessing', async () => {
    const a = await app();
    for (const user of ['', ' ', 'a b', '<script>', '../admin', 'x'.repeat(65), 'admin,root', 'ad\u0000min']) {
      expect((await me(a, { 'x-remote-user': user })).statusCode, JSON.stringify(user)).toBe(401);
    }
    const doubled = await a.app.inject({ method: 'GET', url: '/api/me', headers: { 'x-remote-user': ['alice', 'bob'] } });
    expect(doubled.statusCode).toBe(401);
    expect(a.db.prepare('SELECT count(*) FROM users').pluck().get()).toBe(0);
  });

  it('keeps control characters and broken encodings out of names and departments', async () => {
    const a = await app();
    const res = await me(a, { 'x-remote-user': 'suzuki', 'x-remote-name': '%E9%88%B4%E6%9C%A8%0A%3Cb%3E', 'x-remote-department': '%E0%A4%A' });
    expect(res.statusCode).toBe(200);
    expect(res.json().displayName).toBe('鈴木<b>');
    expect(res.json().department).toBe('');
  });

  it('has no password login, and a suspended user gets 403', async () => {
    const a = await app();
    const login = await a.app.inject({ method: 'POST', url: '/api/session', payload: { username: 'x', password: 'whatever-long' } });
    expect(login.statusCode).toBe(403);
    expect((await me(a, { 'x-remote-user': 'kato' })).statusCode).toBe(200);
    a.db.prepare("UPDATE users SET suspended = 1 WHERE username = 'kato'").run();
    expect((await me(a, { 'x-remote-user': 'kato' })).statusCode).toBe(403);
  });
});
