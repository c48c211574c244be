import { afterEach, describe, expect, it } from 'vitest';
import { hashPassword } from '../../server/users/password';
import { createTestApp, login, PASSWORD, type TestApp, type TestUser } from '../helpers/app';
import { cookieOf } from './helpers';

let t: TestApp | undefined;
afterEach(async () => { await t?.close(); t = undefined; });

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const NEW_PASSWORD = 'a brand new passphrase 42';
const loginAs = (username: string, password: string, remoteAddress = '127.0.0.1') =>
  t!.app.inject({ method: 'POST', url: '/api/session', remoteAddress, payload: { username, password } });

/**
 * Gives the user a password hash that takes long to check (scrypt N=2^15, as in production), so a login started
 * now is still hashing while the test changes the account underneath it.
 */
async function slowHash(user: TestUser): Promise<void> {
  const hash = await hashPassword(PASSWORD, 32768);
  t!.db.prepare('UPDATE users SET password_hash = ? WHERE id = ?').run(hash, user.id);
  t!.db.prepare('DELETE FROM sessions WHERE user_id = ?').run(user.id); // only sessions the race makes remain
}

/** Starts a login, lets it reach the hash, runs `change`, and checks the change finished first. */
async function raceLogin(username: string, change: () => Promise<void>) {
  const order: string[] = [];
  const pending = loginAs(username, PASSWORD).then((res) => { order.push('login'); return res; });
  await sleep(15);
  await change();
  order.push('change');
  const res = await pending;
  // The race only means something if the change landed while the hash was running.
  expect(order).toEqual(['change', 'login']);
  return res;
}

async function noWorkingSession(res: { statusCode: number; headers: Record<string, unknown> }) {
  expect([401, 403]).toContain(res.statusCode);
  if (res.headers['set-cookie'] !== undefined) {
    const me = await t!.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: cookieOf(res) } });
    expect(me.statusCode).not.toBe(200);
  }
  expect(t!.db.prepare('SELECT count(*) FROM sessions WHERE user_id = (SELECT id FROM users WHERE username = ?)')
    .pluck().get('sato')).toBe(0);
}

describe('a login whose password check is running', () => {
  it('ends without a session when an administrator resets the password meanwhile', async () => {
    t = await createTestApp();
    const sato = await t.user('sato');
    await slowHash(sato);
    const res = await raceLogin('sato', async () => {
      const reset = await t!.as(t!.admin, { method: 'PUT', url: `/api/users/${sato.id}/password`, payload: { password: NEW_PASSWORD } });
      expect(reset.statusCode).toBe(200);
    });
    await noWorkingSession(res);
    expect((await loginAs('sato', NEW_PASSWORD)).statusCode).toBe(200);
  });

  it('ends without a session when the member changes the password from another session meanwhile', async () => {
    t = await createTestApp();
    const sato = await t.user('sato');
    await slowHash(sato);
    // The change itself checks the slow hash too; the cheap reset below stands in for "another
    // browser changed it": any write of a new hash must win over the running login.
    const res = await raceLogin('sato', async () => {
      t!.db.prepare('UPDATE users SET password_hash = ? WHERE id = ?').run(await hashPassword(NEW_PASSWORD, 1024), sato.id);
    });
    await noWorkingSession(res);
  });

  it('ends without a session when the account is suspended meanwhile', async () => {
    t = await createTestApp();
    const sato = await t.user('sato');
    await slowHash(sato);
    const res = await raceLogin('sato', async () => {
      const r = await t!.as(t!.admin, { method: 'PATCH', url: `/api/users/${sato.id}`, payload: { suspended: true } });
      expect(r.statusCode).toBe(200);
    });
    await noWorkingSession(res);
    expect(res.statusCode).toBe(403);
  });

  it('ends without a session (and without a 500) when the account is deleted meanwhile', async () => {
    t = await createTestApp();
    const sato = await t.user('sato');
    await slowHash(sato);
    const res = await raceLogin('sato', async () => {
      t!.db.prepare('DELETE FROM users WHERE id = ?').run(sato.id);
    });
    expect(res.statusCode).toBe(401);
    expect(t.db.prepare('SELECT count(*) FROM sessions WHERE user_id = ?').pluck().get(sato.id)).toBe(0);
  });

  it('a password change whose checks are running loses to an administrator reset: no new hash, no session', async () => {
    t = await createTestApp();
    const sato = await t.user('sato');
    await slowHash(sato);
    sato.cookie = await login(t.app, 'sato');
    const order: string[] = [];
    const change = t.as(sato, { method: 'PUT', url: '/api/me/password', payload: { currentPassword: PASSWORD, newPassword: 'mine mine mine 12345' } })
      .then((r) => { order.push('change'); return r; });
    await sleep(15);
    expect((await t.as(t.admin, { method: 'PUT', url: `/api/users/${sato.id}/password`, payload: { password: NEW_PASSWORD } })).statusCode).toBe(200);
    order.push('reset');
    const res = await change;
    expect(order).toEqual(['reset', 'change']);
    expect(res.statusCode).toBe(409);
    expect(res.headers['set-cookie']).toBeUndefined();
    expect((await loginAs('sato', 'mine mine mine 12345')).statusCode).toBe(401);
    expect((await loginAs('sato', NEW_PASSWORD)).statusCode).toBe(200);
  });
});

describe('lock-out', () => {
  it('counts attempts when they start: parallel guesses never get more than the limit of password checks', async () => {
    t = await createTestApp({ config: { loginMaxFailures: 3, loginWindow: 60 } });
    const sato = await t.user('sato');
    await slowHash(sato);
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => loginAs('sato', `parallel guess ${i}!`)));
    const codes = results.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 401)).toHaveLength(3);
    expect(codes.filter((c) => c === 429)).toHaveLength(9);
    // The right password is refused too while locked.
    expect((await loginAs('sato', PASSWORD)).statusCode).toBe(429);
  });

  it('a good login running in parallel holds a slot but is not counted as a failure once it ends', async () => {
    t = await createTestApp({ config: { loginMaxFailures: 2, loginWindow: 60 } });
    const sato = await t.user('sato');
    await slowHash(sato);
    const [good, bad] = await Promise.all([loginAs('sato', PASSWORD), loginAs('sato', 'one wrong guess!!')]);
    expect(good.statusCode).toBe(200);
    expect(bad.statusCode).toBe(401);
    expect((await loginAs('sato', 'second wrong guess')).statusCode).toBe(401);
    expect((await loginAs('sato', PASSWORD)).statusCode).toBe(429);
  });

  it('an attacker cannot lock the administrator out: the lock holds per account and address', async () => {
    t = await createTestApp({ config: { loginMaxFailures: 3, loginWindow: 600 } });
    for (let i = 0; i < 6; i++) {
      expect([401, 429]).toContain((await loginAs('admin', `attack ${i} guess!`, '10.66.0.1')).statusCode);
    }
    expect((await loginAs('admin', PASSWORD, '10.66.0.1')).statusCode).toBe(429);
    expect((await loginAs('admin', PASSWORD, '10.20.0.5')).statusCode).toBe(200);
  });

  it('guesses spread over many addresses lock the account everywhere except where it signed in before', async () => {
    t = await createTestApp({ config: { loginMaxFailures: 2, loginWindow: 600 } });
    expect((await loginAs('admin', PASSWORD, '10.20.0.5')).statusCode).toBe(200); // the administrator's own PC
    // 2 × 10 failures from 20 addresses reach the account-wide ceiling.
    for (let i = 0; i < 20; i++) expect((await loginAs('admin', `spread guess ${i}!`, `10.77.0.${i + 1}`)).statusCode).toBe(401);
    expect((await loginAs('admin', 'one more from elsewhere', '10.77.1.1')).statusCode).toBe(429);
    expect((await loginAs('admin', PASSWORD, '10.88.0.1')).statusCode).toBe(429);
    expect((await loginAs('admin', PASSWORD, '10.20.0.5')).statusCode).toBe(200);
  });
});
