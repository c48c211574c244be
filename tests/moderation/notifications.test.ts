import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, postTip, type TestApp } from '../helpers/app';
import { hide, ok, restore } from './helpers';

let t: TestApp;
afterEach(async () => { await t?.close(); });

const list = (t: TestApp, user: Parameters<TestApp['as']>[0], query = '') =>
  ok(t, user, 200, { method: 'GET', url: `/api/me/notifications${query}` });
const markRead = (t: TestApp, user: Parameters<TestApp['as']>[0], payload: Record<string, unknown>) =>
  t.as(user, { method: 'POST', url: '/api/me/notifications/read', payload });

describe('in-app notifications', () => {
  it('need a login and show each user only their own', async () => {
    t = await createTestApp();
    const author = await t.user('author');
    const other = await t.user('other');
    const tip = await postTip(t, author, { title: 'x' });
    await hide(t, t.admin, tip.id);
    expect((await t.as(null, { method: 'GET', url: '/api/me/notifications' })).statusCode).toBe(401);
    expect((await list(t, other)).items).toEqual([]);
    expect((await list(t, author)).items).toHaveLength(1);
  });

  it('are marked read by id (only one\'s own) or all at once, and filter to unread', async () => {
    t = await createTestApp();
    const author = await t.user('author');
    const other = await t.user('other');
    const tip = await postTip(t, author, { title: 'x' });
    await hide(t, t.admin, tip.id);
    await restore(t, t.admin, tip.id);
    await hide(t, t.admin, tip.id);
    const all = await list(t, author);
    expect(all.unreadCount).toBe(3);
    const [newest, middle] = all.items;
    // Someone else's id is ignored, not an error that would confirm it exists.
    const foreign = await markRead(t, other, { ids: [newest.id] });
    expect(foreign.json()).toEqual({ unreadCount: 0 });
    expect((await list(t, author)).unreadCount).toBe(3);

    expect((await markRead(t, author, { ids: [newest.id] })).json()).toEqual({ unreadCount: 2 });
    const unread = await list(t, author, '?unread=true');
    expect(unread.items.map((n: { id: number }) => n.id)).not.toContain(newest.id);
    expect(unread.items).toHaveLength(2);
    expect((await list(t, author)).items.find((n: { id: number }) => n.id === newest.id).read).toBe(true);
    expect(middle.read).toBe(false);

    expect((await markRead(t, author, { all: true })).json()).toEqual({ unreadCount: 0 });
    expect((await list(t, author, '?unread=true')).items).toEqual([]);
  });

  it('validates the mark-read body', async () => {
    t = await createTestApp();
    const author = await t.user('author');
    expect((await markRead(t, author, {})).statusCode).toBe(400);
    expect((await markRead(t, author, { ids: [] })).statusCode).toBe(400);
    expect((await markRead(t, author, { all: false })).statusCode).toBe(400);
    expect((await markRead(t, author, { ids: [1], all: true })).statusCode).toBe(400);
    expect((await markRead(t, author, { ids: ['1'] })).statusCode).toBe(400);
  });

  it('page newest first with a cursor', async () => {
    t = await createTestApp();
    const author = await t.user('author');
    const tip = await postTip(t, author, { title: 'x' });
    for (let i = 0; i < 3; i++) { await hide(t, t.admin, tip.id); await restore(t, t.admin, tip.id); }
    const first = await list(t, author, '?limit=4');
    expect(first.items).toHaveLength(4);
    expect(first.items[0].kind).toBe('post.restored');
    const second = await list(t, author, `?limit=4&cursor=${first.nextCursor}`);
    expect(second.items).toHaveLength(2);
    expect(second.nextCursor).toBeNull();
    const ids = [...first.items, ...second.items].map((n: { id: number }) => n.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
  });

  it('keep the tip title as it was when the tip is later deleted', async () => {
    t = await createTestApp();
    const author = await t.user('author');
    const tip = await postTip(t, author, { title: '消える記事' });
    await hide(t, t.admin, tip.id, '重複');
    await ok(t, t.admin, 204, { method: 'DELETE', url: `/api/posts/${tip.id}` });
    const [n] = (await list(t, author)).items;
    expect(n).toMatchObject({ kind: 'post.hidden', text: '重複', target: { type: 'post', id: tip.id, title: '消える記事' } });
  });
});
