import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app';
import { loadConfig } from '../../server/config';
import { openDatabase } from '../../server/db/database';
import { createTestApp, login, PASSWORD, type TestApp } from '../helpers/app';

let t: TestApp | undefined;
afterEach(async () => { await t?.close(); t = undefined; });

// Sessions and their users are held in memory (server/sessions/store.ts). Each test first makes
// a request so the entry is cached, then changes the row some other way than the session
// store's own methods, and checks that the very next request sees the change.
describe('the in-memory session cache', () => {
  it('sees a suspension, a role change and a renamed user written straight to the table', async () => {
    t = await createTestApp();
    const bob = await t.user('bob', { role: 'moderator' });
    const me = () => t!.as(bob, { method: 'GET', url: '/api/me' });
    expect((await me()).json()).toMatchObject({ role: 'moderator', displayName: 'bobさん' });
    t.db.prepare("UPDATE users SET role = 'member', display_name = 'ボブ' WHERE id = ?").run(bob.id);
    expect((await me()).json()).toMatchObject({ role: 'member', displayName: 'ボブ' });
    t.db.prepare('UPDATE users SET suspended = 1 WHERE id = ?').run(bob.id);
    expect((await me()).statusCode).toBe(403);
  });

  it('forgets a session whose row is deleted, by a statement or by the cascade of a deleted account', async () => {
    t = await createTestApp();
    const bob = await t.user('bob');
    const carol = await t.user('carol');
    expect((await t.as(bob, { method: 'GET', url: '/api/me' })).statusCode).toBe(200);
    expect((await t.as(carol, { method: 'GET', url: '/api/me' })).statusCode).toBe(200);
    t.db.prepare('DELETE FROM sessions WHERE user_id = ?').run(bob.id);
    expect((await t.as(bob, { method: 'GET', url: '/api/me' })).statusCode).toBe(401);
    t.db.pragma('foreign_keys = ON');
    t.db.prepare('DELETE FROM users WHERE id = ?').run(carol.id);
    expect((await t.as(carol, { method: 'GET', url: '/api/me' })).statusCode).toBe(401);
  });

  it('ends every cached session on logout everywhere and on a password change', async () => {
    t = await createTestApp();
    const bob = await t.user('bob');
    const other = await login(t.app, 'bob');
    const asOther = () => t!.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: other } });
    expect((await asOther()).statusCode).toBe(200);
    const res = await t.as(bob, { method: 'PUT', url: '/api/me/password', payload: { currentPassword: PASSWORD, newPassword: 'a brand new passphrase 42' } });
    expect(res.statusCode).toBe(204);
    expect((await asOther()).statusCode).toBe(401);
    const again = await login(t.app, 'bob', 'a brand new passphrase 42');
    const asAgain = () => t!.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: again, origin: 'http://localhost:3000' } });
    expect((await asAgain()).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'DELETE', url: '/api/me/sessions', headers: { cookie: again, origin: 'http://localhost:3000' } })).statusCode).toBe(204);
    expect((await asAgain()).statusCode).toBe(401);
  });

  it('keeps no row read inside a transaction that is then rolled back', async () => {
    t = await createTestApp();
    const bob = await t.user('bob');
    const token = decodeURIComponent(bob.cookie.split('=')[1]);
    const ctx = t.app.ctx;
    expect(() => t!.db.transaction(() => {
      t!.db.prepare("UPDATE users SET display_name = 'まぼろし' WHERE id = ?").run(bob.id);
      expect(ctx.sessions.lookup(token, new Date())?.display_name).toBe('まぼろし');
      throw new Error('roll back');
    })()).toThrow('roll back');
    expect(ctx.sessions.lookup(token, new Date())?.display_name).toBe('bobさん');
  });

  it('is emptied when another process commits to the database file', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kotsu-cache-'));
    const dbPath = path.join(dir, 'kotsu.db');
    const db = openDatabase(dbPath);
    const config = loadConfig({}, { dbPath, webRoot: null, scryptCost: 1024, writeLimitPerMinute: 1e6, loginMaxPerAddress: 1e6 });
    const app = await buildApp({ config, db });
    try {
      await app.inject({ method: 'POST', url: '/api/setup', payload: { username: 'admin', password: PASSWORD, displayName: '管理者', department: 'デジタル推進課' } });
      const cookie = await login(app, 'admin');
      const me = () => app.inject({ method: 'GET', url: '/api/me', headers: { cookie } });
      expect((await me()).json().displayName).toBe('管理者');
      const shell = new Database(dbPath); // as if an operator used the sqlite3 shell
      shell.prepare("UPDATE users SET display_name = '運用担当' WHERE username = 'admin'").run();
      shell.close();
      expect((await me()).json().displayName).toBe('運用担当');
    } finally {
      await app.close();
      db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
