import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, postTip, type TestApp } from '../helpers/app';
import { hide, ok, restore } from './helpers';

let t: TestApp;
afterEach(async () => { await t?.close(); });

interface Entry { id: number; at: string; actor: { username: string } | null; action: string; targetType: string; targetId: number | null; detail: Record<string, unknown> }
const audit = async (t: TestApp, query = '') =>
  (await ok(t, t.admin, 200, { method: 'GET', url: `/api/moderation/audit${query}` })) as { items: Entry[]; nextCursor: string | null };

describe('the audit log API', () => {
  it('is for administrators only — not even moderators read it', async () => {
    t = await createTestApp();
    const mod = await t.user('mod', { role: 'moderator' });
    const member = await t.user('member');
    expect((await t.as(mod, { method: 'GET', url: '/api/moderation/audit' })).statusCode).toBe(403);
    expect((await t.as(member, { method: 'GET', url: '/api/moderation/audit' })).statusCode).toBe(403);
    expect((await t.as(null, { method: 'GET', url: '/api/moderation/audit' })).statusCode).toBe(401);
    expect((await t.as(mod, { method: 'GET', url: '/api/moderation/audit/actions' })).statusCode).toBe(403);
  });

  it('lists entries newest first with actor, action, target and detail, and filters them', async () => {
    let clock = new Date('2026-04-01T00:00:00Z');
    t = await createTestApp({ now: () => clock });
    const author = await t.user('author');
    const mod = await t.user('mod', { role: 'moderator' });
    const tip = await postTip(t, author, { title: '監査' });
    clock = new Date('2026-04-02T00:00:00Z');
    await hide(t, mod, tip.id, '理由');
    clock = new Date('2026-04-03T00:00:00Z');
    await restore(t, t.admin, tip.id);
    await ok(t, t.admin, 200, { method: 'PATCH', url: `/api/users/${author.id}`, payload: { department: '財政課' } });

    const all = await audit(t);
    const mine = all.items.filter((e) => e.action !== 'user.create' && e.action !== 'setup.admin');
    expect(mine.map((e) => [e.action, e.actor?.username, e.targetType, e.targetId])).toEqual([
      ['user.update', 'admin', 'user', author.id],
      ['post.restore', 'admin', 'post', tip.id],
      ['post.hide', 'mod', 'post', tip.id],
    ]);
    expect(mine[2].detail).toMatchObject({ reason: '理由', title: '監査' });
    expect(mine[2].at).toBe('2026-04-02T00:00:00.000Z');

    expect((await audit(t, '?actor=mod')).items.map((e) => e.action)).toEqual(['post.hide']);
    expect((await audit(t, '?action=post.hide')).items).toHaveLength(1);
    expect((await audit(t, '?action=post.*')).items.map((e) => e.action)).toEqual(['post.restore', 'post.hide']);
    expect((await audit(t, `?targetType=post&targetId=${tip.id}`)).items).toHaveLength(2);
    expect((await audit(t, '?since=2026-04-02T12:00:00Z')).items.map((e) => e.action)).toEqual(['user.update', 'post.restore']);
    expect((await audit(t, '?until=2026-04-02T12:00:00Z&action=post.*')).items.map((e) => e.action)).toEqual(['post.hide']);
    expect((await audit(t, '?actor=nobody')).items).toEqual([]);
    expect((await t.as(t.admin, { method: 'GET', url: '/api/moderation/audit?action=DROP%20TABLE' })).statusCode).toBe(400);
    const actions = await ok(t, t.admin, 200, { method: 'GET', url: '/api/moderation/audit/actions' });
    expect(actions.items).toEqual(expect.arrayContaining(['post.hide', 'post.restore', 'user.update']));
  });

  it('pages with a cursor without repeating or skipping entries', async () => {
    t = await createTestApp();
    const author = await t.user('author');
    const tip = await postTip(t, author, { title: 'x' });
    for (let i = 0; i < 3; i++) { await hide(t, t.admin, tip.id); await restore(t, t.admin, tip.id); }
    const all = (await audit(t, '?limit=100')).items.map((e) => e.id);
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: Entry[]; nextCursor: string | null } = await audit(t, `?limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...page.items.map((e) => e.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all);
    expect(all.length).toBeGreaterThanOrEqual(6);
  });

  it('cannot be edited or deleted: no route does it and the database refuses', async () => {
    t = await createTestApp();
    const author = await t.user('author');
    const tip = await postTip(t, author, { title: 'x' });
    await hide(t, t.admin, tip.id);
    const [entry] = (await audit(t, '?action=post.hide')).items;
    for (const method of ['PUT', 'PATCH', 'DELETE'] as const) {
      const res = await t.as(t.admin, { method, url: `/api/moderation/audit/${entry.id}`, payload: {} });
      expect(res.statusCode).toBe(404);
    }
    expect(() => t.db.prepare("UPDATE audit_log SET action = 'x'").run()).toThrow(/append-only/);
    expect(() => t.db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
    expect((await audit(t, '?action=post.hide')).items[0]).toEqual(entry);
  });
});
