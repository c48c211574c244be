import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, login, PASSWORD, type TestApp } from '../helpers/app';

describe('PUT /api/users/:id/password (admin sets a password)', () => {
  let t: TestApp;
  afterEach(async () => { await t?.close(); });

  it('sets the password, ends the user’s sessions and audits without the secret', async () => {
    t = await createTestApp();
    const u = await t.user('yamada');
    const res = await t.as(t.admin, { method: 'PUT', url: `/api/users/${u.id}/password`, payload: { password: 'new password 2026!' } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: u.id, username: 'yamada' });
    expect((await t.as(u, { method: 'GET', url: '/api/me' })).statusCode).toBe(401);
    await expect(login(t.app, 'yamada', PASSWORD)).rejects.toThrow(/401/);
    expect(await login(t.app, 'yamada', 'new password 2026!')).toMatch(/^kotsu_sid=/);
    const audit = (await t.as(t.admin, { method: 'GET', url: '/api/moderation/audit?action=user.password_reset' })).json();
    expect(audit.items).toHaveLength(1);
    expect(audit.items[0]).toMatchObject({ targetId: u.id, detail: { username: 'yamada' } });
    expect(JSON.stringify(audit.items[0])).not.toContain('new password 2026!');
  });

  it('is for administrators only, checks the password rules and the user', async () => {
    t = await createTestApp();
    const u = await t.user('yamada');
    const mod = await t.user('mori', { role: 'moderator' });
    expect((await t.as(mod, { method: 'PUT', url: `/api/users/${u.id}/password`, payload: { password: 'new password 2026!' } })).statusCode).toBe(403);
    expect((await t.as(null, { method: 'PUT', url: `/api/users/${u.id}/password`, payload: { password: 'new password 2026!' } })).statusCode).toBe(401);
    const short = await t.as(t.admin, { method: 'PUT', url: `/api/users/${u.id}/password`, payload: { password: 'short' } });
    expect(short.statusCode).toBe(400);
    expect(short.json().error).toBe('bad_request');
    expect((await t.as(t.admin, { method: 'PUT', url: '/api/users/9999/password', payload: { password: 'new password 2026!' } })).statusCode).toBe(404);
    expect((await t.as(t.admin, { method: 'PUT', url: `/api/users/${u.id}/password`, payload: { password: 'new password 2026!', role: 'admin' } })).statusCode).toBe(400);
    // The old password still works after every refusal.
    expect(await login(t.app, 'yamada')).toMatch(/^kotsu_sid=/);
  });
});
