import { afterEach, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app';
import { loadConfig } from '../../server/config';
import { openDatabase } from '../../server/db/database';
import { createTestApp, login, PASSWORD, type TestApp } from '../helpers/app';

let t: TestApp | undefined;
afterEach(async () => { await t?.close(); t = undefined; });

async function bareApp() {
  const db = openDatabase(':memory:');
  const app = await buildApp({ config: loadConfig({}, { dbPath: ':memory:', webRoot: null, scryptCost: 1024 }), db });
  return { app, db };
}

describe('first-run setup', () => {
  it('creates the first administrator once, then answers 409', async () => {
    const { app, db } = await bareApp();
    expect((await app.inject({ method: 'GET', url: '/api/setup' })).json()).toEqual({ needed: true, authMode: 'local' });
    const body = { username: 'admin', password: PASSWORD, displayName: '管理者', department: '情報政策課' };
    const first = await app.inject({ method: 'POST', url: '/api/setup', payload: body });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ username: 'admin', role: 'admin', department: '情報政策課' });
    const again = await app.inject({ method: 'POST', url: '/api/setup', payload: { ...body, username: 'other' } });
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toBe('conflict');
    expect((await app.inject({ method: 'GET', url: '/api/setup' })).json().needed).toBe(false);
    await app.close(); db.close();
  });

  it('never stores the password in clear', async () => {
    const { app, db } = await bareApp();
    await app.inject({ method: 'POST', url: '/api/setup', payload: { username: 'admin', password: PASSWORD, displayName: '管理者' } });
    const hash = db.prepare('SELECT password_hash FROM users').pluck().get() as string;
    expect(hash).toMatch(/^scrypt\$/);
    expect(hash).not.toContain(PASSWORD);
    await app.close(); db.close();
  });

  it('refuses weak passwords and unknown fields with 400 naming the problem', async () => {
    const { app, db } = await bareApp();
    const weak = await app.inject({ method: 'POST', url: '/api/setup', payload: { username: 'admin', password: 'short', displayName: 'A' } });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().message).toMatch(/password/);
    const extra = await app.inject({ method: 'POST', url: '/api/setup', payload: { username: 'admin', password: PASSWORD, displayName: 'A', role: 'member' } });
    expect(extra.statusCode).toBe(400);
    expect(extra.json().message).toMatch(/role/);
    await app.close(); db.close();
  });
});

describe('sessions', () => {
  it('logs in with the right pair only and sets an HttpOnly SameSite=Lax cookie with an expiry', async () => {
    t = await createTestApp();
    const bad = await t.app.inject({ method: 'POST', url: '/api/session', payload: { username: 'admin', password: 'wrong password!!' } });
    expect(bad.statusCode).toBe(401);
    expect(bad.json().error).toBe('unauthenticated');
    const nobody = await t.app.inject({ method: 'POST', url: '/api/session', payload: { username: 'nobody', password: PASSWORD } });
    expect(nobody.statusCode).toBe(401);
    const ok = await t.app.inject({ method: 'POST', url: '/api/session', payload: { username: 'ADMIN', password: PASSWORD } });
    expect(ok.statusCode).toBe(200);
    const cookie = String(ok.headers['set-cookie']);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/Max-Age=\d+/);
    expect(cookie).not.toMatch(/Secure/);
  });

  it('answers /api/me for the session and 401 after logout; the session survives in the database', async () => {
    t = await createTestApp();
    const me = await t.as(t.admin, { method: 'GET', url: '/api/me' });
    expect(me.json()).toEqual({ id: t.admin.id, username: 'admin', displayName: '管理者', department: 'デジタル推進課', role: 'admin' });
    expect(t.db.prepare('SELECT count(*) FROM sessions').pluck().get()).toBeGreaterThan(0);
    const out = await t.as(t.admin, { method: 'DELETE', url: '/api/session' });
    expect(out.statusCode).toBe(204);
    expect((await t.as(t.admin, { method: 'GET', url: '/api/me' })).statusCode).toBe(401);
  });

  it('sets Secure cookies when the public URL is https', async () => {
    t = await createTestApp({ env: { KOTSU_PUBLIC_URL: 'https://kotsu.pref.example.lg.jp' } });
    const ok = await t.app.inject({ method: 'POST', url: '/api/session', payload: { username: 'admin', password: PASSWORD } });
    expect(String(ok.headers['set-cookie'])).toMatch(/Secure/);
  });
});

describe('POST /api/users', () => {
  it('lets an admin create members (default role) and refuses members', async () => {
    t = await createTestApp();
    const res = await t.as(t.admin, { method: 'POST', url: '/api/users', payload: { username: 'sato', password: PASSWORD, displayName: '佐藤', department: '税務課' } });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ username: 'sato', role: 'member', department: '税務課', suspended: false });
    const sato = { id: res.json().id, username: 'sato', cookie: await login(t.app, 'sato') };
    const denied = await t.as(sato, { method: 'POST', url: '/api/users', payload: { username: 'x1', password: PASSWORD, displayName: 'x' } });
    expect(denied.statusCode).toBe(403);
    expect((await t.as(null, { method: 'POST', url: '/api/users', payload: {} })).statusCode).toBe(401);
    const dup = await t.as(t.admin, { method: 'POST', url: '/api/users', payload: { username: 'SATO', password: PASSWORD, displayName: '別人' } });
    expect(dup.statusCode).toBe(409);
  });

  it('lists users for admins with cursor paging', async () => {
    t = await createTestApp();
    for (const n of ['u1', 'u2', 'u3']) await t.user(n);
    const first = await t.as(t.admin, { method: 'GET', url: '/api/users?limit=2' });
    expect(first.json().items).toHaveLength(2);
    const next = await t.as(t.admin, { method: 'GET', url: `/api/users?limit=2&cursor=${first.json().nextCursor}` });
    expect(next.json().items.map((u: { username: string }) => u.username)).toEqual(['u2', 'u3']);
    expect(next.json().nextCursor).toBeNull();
  });
});
