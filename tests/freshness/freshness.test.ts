import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../server/config';
import { createTestApp, login, type TestApp, type TestUser } from '../helpers/app';

const DAY = 86_400_000;
const T0 = new Date('2025-04-01T00:00:00.000Z');

/** An app on a clock the test moves; sessions are renewed after each move (they idle out after 7 days). */
async function clockApp(env: Record<string, string> = {}) {
  let now = T0;
  const t = await createTestApp({ now: () => now, env });
  const users: Record<string, TestUser> = {};
  for (const [name, role] of [['alice', 'member'], ['bob', 'member'], ['mod', 'moderator']] as const) users[name] = await t.user(name, { role });
  const at = async (days: number) => {
    now = new Date(T0.getTime() + days * DAY);
    for (const u of [...Object.values(users), t.admin]) u.cookie = await login(t.app, u.username);
  };
  return { t, users, at, now: () => now };
}

describe('freshness: tips due for a look, confirmed without an edit', () => {
  let t: TestApp;
  afterEach(() => t?.close());

  it('a tip is due KOTSU_STALE_AFTER_DAYS (365) after its last edit, and only then is on its author’s list', async () => {
    const c = await clockApp();
    t = c.t;
    const { alice } = c.users;
    const tip = (await t.as(alice, { method: 'POST', url: '/api/posts', payload: { title: '古い手順', body: '本文', tags: [] } })).json();
    expect(tip.reviewDueAt).toBe(new Date(T0.getTime() + 365 * DAY).toISOString());
    expect(tip.confirmedAt).toBeNull();
    await c.at(364);
    expect((await t.as(alice, { method: 'GET', url: '/api/me/review' })).json()).toEqual({ staleAfterDays: 365, items: [] });
    await c.at(366);
    const list = (await t.as(alice, { method: 'GET', url: '/api/me/review' })).json();
    expect(list.items.map((i: { post: { id: number } }) => i.post.id)).toEqual([tip.id]);
    expect(list.items[0].reviewedAt).toBe(T0.toISOString());
    // Only the author's own tips.
    expect((await t.as(c.users.bob, { method: 'GET', url: '/api/me/review' })).json().items).toEqual([]);
    expect((await t.as(null, { method: 'GET', url: '/api/me/review' })).statusCode).toBe(401);
    // An edit makes it fresh again.
    await t.as(alice, { method: 'PATCH', url: `/api/posts/${tip.id}`, payload: { body: '新しい手順' } });
    const edited = (await t.as(alice, { method: 'GET', url: `/api/posts/${tip.id}` })).json();
    expect(edited.reviewDueAt).toBe(new Date(c.now().getTime() + 365 * DAY).toISOString());
    expect((await t.as(alice, { method: 'GET', url: '/api/me/review' })).json().items).toEqual([]);
  });

  it('its author or a moderator confirms it still valid: no revision, no new date, due again a period later', async () => {
    const c = await clockApp();
    t = c.t;
    const { alice, bob, mod } = c.users;
    const tip = (await t.as(alice, { method: 'POST', url: '/api/posts', payload: { title: '申請の手順', body: '本文', tags: [] } })).json();
    await c.at(400);
    const res = (url: string, user: TestUser | null) => t.as(user, { method: 'POST', url });
    expect((await res(`/api/posts/${tip.id}/confirm`, bob)).statusCode).toBe(403);
    expect((await res(`/api/posts/${tip.id}/confirm`, null)).statusCode).toBe(401);
    expect((await res('/api/posts/999999/confirm', alice)).statusCode).toBe(404);
    const confirmed = await res(`/api/posts/${tip.id}/confirm`, alice);
    expect(confirmed.statusCode).toBe(200);
    const body = confirmed.json();
    expect(body.confirmedAt).toBe(c.now().toISOString());
    expect(body.updatedAt).toBe(tip.updatedAt);
    expect(body.revision).toBe(tip.revision);
    expect(body.reviewDueAt).toBe(new Date(c.now().getTime() + 365 * DAY).toISOString());
    expect((await t.as(alice, { method: 'GET', url: '/api/me/review' })).json().items).toEqual([]);
    expect((await t.as(alice, { method: 'GET', url: `/api/posts/${tip.id}/revisions` })).json().items).toHaveLength(1);
    // A moderator may confirm someone else's tip; that is audited, the author's own is not.
    await c.at(800);
    expect((await res(`/api/posts/${tip.id}/confirm`, mod)).statusCode).toBe(200);
    const audit = (await t.as(t.admin, { method: 'GET', url: '/api/moderation/audit?action=post.confirm' })).json();
    expect(audit.items).toHaveLength(1);
    expect(audit.items[0]).toMatchObject({ action: 'post.confirm', targetId: tip.id });
  });

  it('drafts and hidden tips cannot be confirmed; a draft is a missing tip to others', async () => {
    const c = await clockApp();
    t = c.t;
    const { alice, mod } = c.users;
    const draft = (await t.as(alice, { method: 'POST', url: '/api/posts', payload: { title: '下書き', body: 'x', tags: [], status: 'draft' } })).json();
    expect((await t.as(alice, { method: 'POST', url: `/api/posts/${draft.id}/confirm` })).statusCode).toBe(409);
    expect((await t.as(mod, { method: 'POST', url: `/api/posts/${draft.id}/confirm` })).statusCode).toBe(404);
    const tip = (await t.as(alice, { method: 'POST', url: '/api/posts', payload: { title: '隠す', body: 'x', tags: [] } })).json();
    await t.as(mod, { method: 'POST', url: `/api/posts/${tip.id}/hide`, payload: { reason: '確認中' } });
    expect((await t.as(alice, { method: 'POST', url: `/api/posts/${tip.id}/confirm` })).statusCode).toBe(409);
    await c.at(400);
    expect((await t.as(alice, { method: 'GET', url: '/api/me/review' })).json().items).toEqual([]);
  });

  it('KOTSU_STALE_AFTER_DAYS sets the period, within 30–3650 days', async () => {
    const c = await clockApp({ KOTSU_STALE_AFTER_DAYS: '30' });
    t = c.t;
    const tip = (await t.as(c.users.alice, { method: 'POST', url: '/api/posts', payload: { title: '月次', body: 'x', tags: [] } })).json();
    expect(tip.reviewDueAt).toBe(new Date(T0.getTime() + 30 * DAY).toISOString());
    await c.at(31);
    expect((await t.as(c.users.alice, { method: 'GET', url: '/api/me/review' })).json()).toMatchObject({ staleAfterDays: 30, items: [{ post: { id: tip.id } }] });
    for (const bad of ['29', '3651', 'year', '1.5']) expect(() => loadConfig({ KOTSU_STALE_AFTER_DAYS: bad })).toThrow(ConfigError);
  });
});
