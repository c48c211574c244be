import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, login, PASSWORD, type TestApp } from '../helpers/app';
import { cookieOf, loggedApp, proxyApp } from './helpers';

let t: TestApp | undefined;
afterEach(async () => { await t?.close(); t = undefined; });

const NEW_PASSWORD = 'a brand new passphrase 42';

describe('session ids', () => {
  it('are rotated on login: a planted or earlier id is ended, never promoted', async () => {
    t = await createTestApp();
    const before = t.admin.cookie;
    const res = await t.app.inject({ method: 'POST', url: '/api/session', headers: { cookie: before, origin: 'http://localhost:3000' }, payload: { username: 'admin', password: PASSWORD } });
    const after = cookieOf(res);
    expect(after).toMatch(/^kotsu_sid=[A-Za-z0-9_-]{43}$/);
    expect(after).not.toBe(before);
    expect((await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: before, origin: 'http://localhost:3000' } })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: after } })).statusCode).toBe(200);
    // An attacker-chosen id sent before login is not what the server hands back.
    const planted = 'kotsu_sid=attacker-chosen-session-id-000000000000000';
    const fixed = await t.app.inject({ method: 'POST', url: '/api/session', headers: { cookie: planted, origin: 'http://localhost:3000' }, payload: { username: 'admin', password: PASSWORD } });
    expect(cookieOf(fixed)).not.toBe(planted);
    expect((await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: planted, origin: 'http://localhost:3000' } })).statusCode).toBe(401);
  });

  it('are stored hashed: the database holds no live cookie value', async () => {
    t = await createTestApp();
    const token = t.admin.cookie.split('=')[1];
    const ids = t.db.prepare('SELECT id FROM sessions').pluck().all() as string[];
    expect(ids.length).toBeGreaterThan(0);
    expect(ids).not.toContain(token);
  });

  it('end after the idle timeout and after the maximum age, however active', async () => {
    let now = new Date('2025-04-01T00:00:00Z');
    t = await createTestApp({ now: () => now, config: { sessionIdle: 3600, sessionMaxAge: 4 * 3600 } });
    const me = () => t!.as(t!.admin, { method: 'GET', url: '/api/me' });
    now = new Date('2025-04-01T00:50:00Z');
    expect((await me()).statusCode).toBe(200);
    now = new Date('2025-04-01T01:45:00Z'); // 55 minutes idle
    expect((await me()).statusCode).toBe(200);
    now = new Date('2025-04-01T02:46:00Z'); // 61 minutes idle
    expect((await me()).statusCode).toBe(401);

    const cookie = await login(t.app, 'admin');
    const asCookie = () => t!.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } });
    for (const hhmm of ['03:30', '04:15', '05:00', '05:45', '06:30']) {
      now = new Date(`2025-04-01T${hhmm}:00Z`);
      expect((await asCookie()).statusCode).toBe(200);
    }
    now = new Date('2025-04-01T06:47:00Z'); // active all along, but 4 hours since login
    expect((await asCookie()).statusCode).toBe(401);
  });
});

describe('logout everywhere', () => {
  it('ends every session of the user, on every device, and only theirs', async () => {
    t = await createTestApp();
    const sato = await t.user('sato');
    const other = await login(t.app, 'sato');
    const res = await t.as(sato, { method: 'DELETE', url: '/api/me/sessions' });
    expect(res.statusCode).toBe(204);
    expect(String(res.headers['set-cookie'])).toMatch(/kotsu_sid=;/);
    expect((await t.as(sato, { method: 'GET', url: '/api/me' })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: other } })).statusCode).toBe(401);
    expect((await t.as(t.admin, { method: 'GET', url: '/api/me' })).statusCode).toBe(200);
    expect((await t.as(null, { method: 'DELETE', url: '/api/me/sessions' })).statusCode).toBe(401);
  });

  it('is allowed to a suspended user, like logout', async () => {
    t = await createTestApp();
    const sato = await t.user('sato');
    t.db.prepare('UPDATE users SET suspended = 1 WHERE id = ?').run(sato.id);
    expect((await t.as(sato, { method: 'GET', url: '/api/me' })).statusCode).toBe(403);
    expect((await t.as(sato, { method: 'DELETE', url: '/api/me/sessions' })).statusCode).toBe(204);
    expect(t.db.prepare('SELECT count(*) FROM sessions WHERE user_id = ?').pluck().get(sato.id)).toBe(0);
  });
});

describe('PUT /api/me/password', () => {
  const change = (body: object) => ({ method: 'PUT' as const, url: '/api/me/password', payload: body });

  it('changes the password, ends the other sessions and rotates this one', async () => {
    t = await createTestApp();
    const sato = await t.user('sato');
    const laptop = await login(t.app, 'sato');
    const res = await t.as(sato, change({ currentPassword: PASSWORD, newPassword: NEW_PASSWORD }));
    expect(res.statusCode).toBe(204);
    const fresh = cookieOf(res);
    expect(fresh).toMatch(/^kotsu_sid=.{43}$/);
    expect((await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: fresh } })).json().username).toBe('sato');
    expect((await t.as(sato, { method: 'GET', url: '/api/me' })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: laptop } })).statusCode).toBe(401);
    const old = await t.app.inject({ method: 'POST', url: '/api/session', payload: { username: 'sato', password: PASSWORD } });
    expect(old.statusCode).toBe(401);
    await login(t.app, 'sato', NEW_PASSWORD);
  });

  it('refuses a wrong current password with 403 and keeps the old one', async () => {
    t = await createTestApp();
    const sato = await t.user('sato');
    const res = await t.as(sato, change({ currentPassword: 'not my password at all', newPassword: NEW_PASSWORD }));
    expect(res.statusCode).toBe(403);
    expect(res.json().error).toBe('forbidden');
    expect((await t.as(sato, { method: 'GET', url: '/api/me' })).statusCode).toBe(200);
    await login(t.app, 'sato', PASSWORD);
  });

  it('applies the minimum password rules', async () => {
    t = await createTestApp();
    const sato = await t.user('sato');
    for (const [newPassword, why] of [
      ['short1', /at least 10/], ['aaaaaaaaaaaaaa', /repeat/], ['my-sato-password', /username/],
      [PASSWORD, /differ/], ['x'.repeat(201), /200|at most/],
    ] as const) {
      const res = await t.as(sato, change({ currentPassword: PASSWORD, newPassword }));
      expect(res.statusCode, newPassword).toBe(400);
      expect(res.json().message).toMatch(why);
    }
    const extra = await t.as(sato, change({ currentPassword: PASSWORD, newPassword: NEW_PASSWORD, username: 'admin' }));
    expect(extra.statusCode).toBe(400);
    await login(t.app, 'sato', PASSWORD);
  });

  it('is refused in proxy mode, where the sign-on owns passwords', async () => {
    const { app, close } = await proxyApp();
    const res = await app.inject({ ...change({ currentPassword: PASSWORD, newPassword: NEW_PASSWORD }), headers: { 'x-remote-user': 'sato', origin: 'http://localhost:3000' } });
    expect(res.statusCode).toBe(403);
    expect(res.json().message).toMatch(/sign-on/);
    await close();
  });
});

describe('login logging', () => {
  it('logs successes and failures with user, address and outcome, and never the password', async () => {
    const { app, lines, close } = await loggedApp();
    const secret = 'Sup3r-secret-guess!';
    await app.inject({ method: 'POST', url: '/api/session', payload: { username: 'admin', password: secret } });
    await app.inject({ method: 'POST', url: '/api/session', payload: { username: 'nobody', password: secret } });
    const ok = await app.inject({ method: 'POST', url: '/api/session', payload: { username: 'admin', password: PASSWORD } });
    const token = cookieOf(ok).split('=')[1];
    await close();
    const entries = lines.map((l) => JSON.parse(l) as { msg: string; username?: string; known?: boolean; userId?: number; ip?: string });
    const failed = entries.filter((e) => e.msg === 'login failed');
    expect(failed.map((e) => [e.username, e.known])).toEqual([['admin', true], ['nobody', false]]);
    expect(failed.every((e) => e.ip === '127.0.0.1')).toBe(true);
    expect(entries.filter((e) => e.msg === 'login succeeded').map((e) => e.userId)).toEqual([1]);
    const all = lines.join('\n');
    expect(all).not.toContain(secret);
    expect(all).not.toContain(PASSWORD);
    expect(all).not.toContain(token);
  });
});
