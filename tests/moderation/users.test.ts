import type { InjectOptions } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app';
import { loadConfig } from '../../server/config';
import { openDatabase } from '../../server/db/database';
import { createTestApp, login, type TestApp } from '../helpers/app';
import { auditRows, ok } from './helpers';

let t: TestApp;
afterEach(async () => { await t?.close(); });

const patch = (t: TestApp, id: number, payload: Record<string, unknown>, as = t.admin) =>
  t.as(as, { method: 'PATCH', url: `/api/users/${id}`, payload });

describe('user administration', () => {
  it('changes role, display name and department; admin only', async () => {
    t = await createTestApp();
    const member = await t.user('member');
    const mod = await t.user('mod', { role: 'moderator' });
    expect((await patch(t, member.id, { role: 'moderator' }, mod)).statusCode).toBe(403);
    expect((await patch(t, member.id, { role: 'moderator' }, member)).statusCode).toBe(403);
    const res = await patch(t, member.id, { role: 'moderator', displayName: ' 佐藤 花子 ', department: '子育て支援課' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: member.id, role: 'moderator', displayName: '佐藤 花子', department: '子育て支援課', suspended: false });
    expect((await ok(t, member, 200, { method: 'GET', url: '/api/me' })).role).toBe('moderator');
    // The new role takes effect at once.
    expect((await t.as(member, { method: 'GET', url: '/api/moderation/queue' })).statusCode).toBe(200);
  });

  it('writes one audit entry per change with before and after, named for what mattered', async () => {
    t = await createTestApp();
    const member = await t.user('member');
    const start = auditRows(t).length;
    await patch(t, member.id, { role: 'moderator' });
    await patch(t, member.id, { suspended: true, department: '税務課' });
    await patch(t, member.id, { suspended: false });
    await patch(t, member.id, { displayName: '新しい名前' });
    await patch(t, member.id, { displayName: '新しい名前' }); // no change, no entry
    const rows = auditRows(t).slice(start);
    expect(rows.map((r) => [r.action, r.target_type, r.target_id])).toEqual([
      ['user.role', 'user', member.id],
      ['user.suspend', 'user', member.id],
      ['user.reactivate', 'user', member.id],
      ['user.update', 'user', member.id],
    ]);
    expect(JSON.parse(rows[0].detail)).toEqual({ username: 'member', before: { role: 'member' }, after: { role: 'moderator' } });
    expect(JSON.parse(rows[1].detail)).toEqual({ username: 'member',
      before: { suspended: false, department: '総務課' }, after: { suspended: true, department: '税務課' } });
  });

  it('suspension ends the user\'s sessions and refuses new logins and requests; reactivation lets them back', async () => {
    t = await createTestApp();
    const member = await t.user('member');
    const sessions = () => t.db.prepare('SELECT count(*) FROM sessions WHERE user_id = ?').pluck().get(member.id);
    expect(sessions()).toBe(1);
    const res = await patch(t, member.id, { suspended: true });
    expect(res.json().suspended).toBe(true);
    expect(sessions()).toBe(0);
    expect((await t.as(member, { method: 'GET', url: '/api/posts' })).statusCode).toBe(401);
    await expect(login(t.app, 'member')).rejects.toThrow(/403/);
    await patch(t, member.id, { suspended: false });
    const cookie = await login(t.app, 'member');
    expect((await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } })).statusCode).toBe(200);
  });

  it('does not let administrators demote or suspend themselves', async () => {
    t = await createTestApp();
    const start = auditRows(t).length;
    expect((await patch(t, t.admin.id, { role: 'member' })).statusCode).toBe(403);
    expect((await patch(t, t.admin.id, { suspended: true })).statusCode).toBe(403);
    expect((await patch(t, t.admin.id, { department: '秘書課' })).statusCode).toBe(200);
    expect((await ok(t, t.admin, 200, { method: 'GET', url: '/api/me' })).role).toBe('admin');
    expect(auditRows(t).length).toBe(start + 1);
  });

  it('validates the body: unknown fields, bad roles, blank names, empty bodies, unknown users', async () => {
    t = await createTestApp();
    const member = await t.user('member');
    expect((await patch(t, member.id, { role: 'owner' })).statusCode).toBe(400);
    expect((await patch(t, member.id, { password: 'x' })).statusCode).toBe(400);
    expect((await patch(t, member.id, { displayName: '   ' })).statusCode).toBe(400);
    expect((await patch(t, member.id, { department: 'a\u0007b' })).statusCode).toBe(400);
    expect((await patch(t, member.id, { suspended: 'yes' })).statusCode).toBe(400);
    expect((await patch(t, member.id, {})).statusCode).toBe(400);
    expect((await patch(t, 9999, { role: 'member' })).statusCode).toBe(404);
  });

  it('keeps KOTSU_ADMINS administrators as administrators in proxy mode', async () => {
    const db = openDatabase(':memory:');
    const config = loadConfig({ KOTSU_AUTH: 'proxy', KOTSU_ADMINS: 'boss,chief' }, { dbPath: ':memory:', webRoot: null });
    const app = await buildApp({ config, db });
    try {
      const as = (user: string, opts: InjectOptions) => app.inject({ ...opts, headers: { 'x-remote-user': user, origin: 'http://localhost:3000' } });
      const chief = (await as('chief', { method: 'GET', url: '/api/me' })).json();
      const staff = (await as('staff', { method: 'GET', url: '/api/me' })).json();
      expect(chief.role).toBe('admin');
      const refused = await as('boss', { method: 'PATCH', url: `/api/users/${chief.id}`, payload: { role: 'member' } });
      expect(refused.statusCode).toBe(409);
      const promoted = await as('boss', { method: 'PATCH', url: `/api/users/${staff.id}`, payload: { role: 'moderator' } });
      expect(promoted.json().role).toBe('moderator');
    } finally {
      await app.close();
      db.close();
    }
  });

  it('finds users by part of the name, login name or department', async () => {
    t = await createTestApp();
    await t.user('tanaka', { displayName: '田中 一郎', department: '道路維持課' });
    await t.user('suzuki', { displayName: '鈴木 次郎', department: '子育て支援課' });
    const q = async (s: string) => (await ok(t, t.admin, 200, { method: 'GET', url: `/api/users?q=${encodeURIComponent(s)}` }))
      .items.map((u: { username: string }) => u.username);
    expect(await q('田中')).toEqual(['tanaka']);
    expect(await q('子育て')).toEqual(['suzuki']);
    expect(await q('SUZ')).toEqual(['suzuki']);
  });
});
