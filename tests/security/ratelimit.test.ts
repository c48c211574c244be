import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, PASSWORD, postTip, type TestApp } from '../helpers/app';

let t: TestApp | undefined;
afterEach(async () => { await t?.close(); t = undefined; });

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const loginAs = (username: string, password: string, remoteAddress = '127.0.0.1', headers: Record<string, string> = {}) =>
  t!.app.inject({ method: 'POST', url: '/api/session', remoteAddress, headers, payload: { username, password } });

describe('login limits', () => {
  it('lock an account after repeated failed passwords: 429 with Retry-After for the window, even with the right password', async () => {
    t = await createTestApp({ config: { loginMaxFailures: 3, loginWindow: 2 } });
    await t.user('sato');
    for (let i = 0; i < 3; i++) expect((await loginAs('sato', `wrong guess ${i}!!`)).statusCode).toBe(401);
    const locked = await loginAs('SATO', PASSWORD); // the lock follows the account, not the spelling
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error).toBe('rate_limited');
    const retry = Number(locked.headers['retry-after']);
    expect(retry).toBeGreaterThanOrEqual(1);
    expect(retry).toBeLessThanOrEqual(2);
    // Others are not affected.
    expect((await loginAs('admin', PASSWORD)).statusCode).toBe(200);
    await sleep(2100);
    expect((await loginAs('sato', PASSWORD)).statusCode).toBe(200);
  });

  it('count only failures against an account: frequent good logins never lock it', async () => {
    t = await createTestApp({ config: { loginMaxFailures: 2, loginWindow: 60 } });
    for (let i = 0; i < 6; i++) expect((await loginAs('admin', PASSWORD)).statusCode).toBe(200);
    expect((await loginAs('admin', 'wrong password once')).statusCode).toBe(401);
    expect((await loginAs('admin', PASSWORD)).statusCode).toBe(200);
  });

  it('limit attempts per address across accounts; other addresses keep logging in', async () => {
    t = await createTestApp({ config: { loginMaxFailures: 100, loginMaxPerAddress: 4, loginWindow: 60 } });
    for (const name of ['a1', 'a2', 'a3', 'a4']) expect((await loginAs(name, 'guess guess guess', '10.1.1.1')).statusCode).toBe(401);
    const blocked = await loginAs('admin', PASSWORD, '10.1.1.1');
    expect(blocked.statusCode).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    // X-Forwarded-For from an untrusted client is not believed, so it cannot dodge the limit.
    expect((await loginAs('admin', PASSWORD, '10.1.1.1', { 'x-forwarded-for': '10.7.7.7' })).statusCode).toBe(429);
    expect((await loginAs('admin', PASSWORD, '10.2.2.2')).statusCode).toBe(200);
    // Behind the trusted proxy, each staff member's own address counts.
    expect((await loginAs('admin', PASSWORD, '127.0.0.1', { 'x-forwarded-for': '10.1.1.1' })).statusCode).toBe(429);
    expect((await loginAs('admin', PASSWORD, '127.0.0.1', { 'x-forwarded-for': '10.3.3.3' })).statusCode).toBe(200);
  });

  it('guard password changes with the same account lock', async () => {
    t = await createTestApp({ config: { loginMaxFailures: 2, loginWindow: 60 } });
    const sato = await t.user('sato');
    const change = (currentPassword: string) => t!.as(sato, { method: 'PUT', url: '/api/me/password', payload: { currentPassword, newPassword: 'another fine passphrase' } });
    expect((await change('wrong one number 1')).statusCode).toBe(403);
    expect((await change('wrong one number 2')).statusCode).toBe(403);
    const locked = await change(PASSWORD);
    expect(locked.statusCode).toBe(429);
    expect(locked.headers['retry-after']).toBeDefined();
    expect((await loginAs('sato', PASSWORD)).statusCode).toBe(429);
  });
});

describe('write limit', () => {
  it('caps writes per user per minute with 429 + Retry-After; reads and other users are untouched', async () => {
    t = await createTestApp({ config: { writeLimitPerMinute: 5 } });
    const sato = await t.user('sato');
    const suzuki = await t.user('suzuki');
    for (let i = 0; i < 5; i++) await postTip(t, sato, { title: `tip ${i}` });
    const over = await t.as(sato, { method: 'POST', url: '/api/posts', payload: { title: 'one too many', body: '', tags: [] } });
    expect(over.statusCode).toBe(429);
    expect(over.json()).toMatchObject({ error: 'rate_limited' });
    const retry = Number(over.headers['retry-after']);
    expect(retry).toBeGreaterThan(0);
    expect(retry).toBeLessThanOrEqual(60);
    // The editor's live preview writes nothing and has its own, five times larger budget.
    for (let i = 0; i < 25; i++) {
      expect((await t.as(sato, { method: 'POST', url: '/api/preview', payload: { body: `x${i}` } })).statusCode).toBe(200);
    }
    expect((await t.as(sato, { method: 'POST', url: '/api/preview', payload: { body: 'x' } })).statusCode).toBe(429);
    for (let i = 0; i < 100; i++) {
      expect((await t.as(sato, { method: 'GET', url: '/api/posts?limit=1' })).statusCode).toBe(200);
    }
    expect((await t.as(suzuki, { method: 'POST', url: '/api/posts', payload: { title: 'mine', body: '', tags: [] } })).statusCode).toBe(201);
    expect(t.db.prepare('SELECT count(*) FROM posts').pluck().get()).toBe(6);
  });
});
