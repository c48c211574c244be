import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setPostStatus } from '../../server/posts/service';
import { createTestApp, type TestApp, type TestUser } from '../helpers/app';
import { getJson, ids, postTip } from './helpers';

let t: TestApp;
let alice: TestUser;
let bob: TestUser;
let carol: TestUser;
beforeEach(async () => {
  t = await createTestApp();
  alice = await t.user('alice');
  bob = await t.user('bob');
  carol = await t.user('carol');
});
afterEach(async () => { await t.close(); });

const send = (u: TestUser, method: 'PUT' | 'DELETE', url: string) => t.as(u, { method, url });

describe('likes (役に立った)', () => {
  it('are idempotent per user and keep the count in step', async () => {
    const tip = await postTip(t, alice, { title: 'A' });
    const url = `/api/posts/${tip.id}/like`;
    expect((await send(bob, 'PUT', url)).json()).toEqual({ likeCount: 1, likedByMe: true });
    expect((await send(bob, 'PUT', url)).json()).toEqual({ likeCount: 1, likedByMe: true });
    expect((await send(carol, 'PUT', url)).json()).toEqual({ likeCount: 2, likedByMe: true });
    expect((await getJson(t, bob, `/api/posts/${tip.id}`))).toMatchObject({ likeCount: 2, likedByMe: true });
    expect((await getJson(t, alice, `/api/posts/${tip.id}`))).toMatchObject({ likeCount: 2, likedByMe: false });
    expect((await send(bob, 'DELETE', url)).json()).toEqual({ likeCount: 1, likedByMe: false });
    expect((await send(bob, 'DELETE', url)).json()).toEqual({ likeCount: 1, likedByMe: false });
    const list = await getJson<{ items: { id: number; likeCount: number; likedByMe: boolean }[] }>(t, carol, '/api/posts');
    expect(list.items[0]).toMatchObject({ id: tip.id, likeCount: 1, likedByMe: true });
    expect(t.db.prepare('SELECT COUNT(*) FROM likes WHERE post_id = ?').pluck().get(tip.id)).toBe(1);
  });

  it('counts concurrent likes exactly', async () => {
    const tip = await postTip(t, alice, { title: 'A' });
    const answers = await Promise.all([bob, carol, bob, carol, bob].map((u) => send(u, 'PUT', `/api/posts/${tip.id}/like`)));
    expect(answers.map((a) => a.statusCode)).toEqual([200, 200, 200, 200, 200]);
    expect(t.db.prepare('SELECT like_count FROM posts WHERE id = ?').pluck().get(tip.id)).toBe(2);
  });

  it('refuses the author, hidden tips and missing tips', async () => {
    const tip = await postTip(t, alice, { title: 'A' });
    const own = await send(alice, 'PUT', `/api/posts/${tip.id}/like`);
    expect(own.statusCode).toBe(403);
    expect(own.json().error).toBe('forbidden');
    expect((await send(bob, 'PUT', '/api/posts/9999/like')).statusCode).toBe(404);
    expect((await send(bob, 'PUT', '/api/posts/abc/like')).statusCode).toBe(400);
    expect((await t.as(null, { method: 'PUT', url: `/api/posts/${tip.id}/like` })).statusCode).toBe(401);
    await send(bob, 'PUT', `/api/posts/${tip.id}/like`);
    setPostStatus(t.app.ctx, tip.id, 'hidden', '確認中');
    expect((await send(carol, 'PUT', `/api/posts/${tip.id}/like`)).statusCode).toBe(404);
    expect((await send(bob, 'DELETE', `/api/posts/${tip.id}/like`)).statusCode).toBe(404);
    const other = await postTip(t, bob, { title: 'B' });
    setPostStatus(t.app.ctx, other.id, 'hidden', '確認中');
    // A moderator can read the hidden tip but not like it.
    expect((await send(t.admin, 'PUT', `/api/posts/${other.id}/like`)).statusCode).toBe(409);
  });
});

describe('bookmarks (ストック)', () => {
  it('are idempotent, counted, flagged on tips and listed newest first with a cursor', async () => {
    let now = new Date('2026-04-01T09:00:00Z');
    await t.close();
    t = await createTestApp({ now: () => now });
    alice = await t.user('alice');
    bob = await t.user('bob');
    const tips = [];
    for (const title of ['A', 'B', 'C', 'D']) tips.push(await postTip(t, alice, { title }));
    for (const tip of [tips[1], tips[3], tips[0], tips[2]]) {
      now = new Date(now.getTime() + 60_000);
      expect((await send(bob, 'PUT', `/api/posts/${tip.id}/bookmark`)).json()).toEqual({ bookmarkedByMe: true, bookmarkCount: 1 });
    }
    expect((await send(bob, 'PUT', `/api/posts/${tips[0].id}/bookmark`)).json()).toEqual({ bookmarkedByMe: true, bookmarkCount: 1 });
    expect((await send(alice, 'PUT', `/api/posts/${tips[0].id}/bookmark`)).json()).toEqual({ bookmarkedByMe: true, bookmarkCount: 2 });
    expect(await getJson(t, bob, `/api/posts/${tips[0].id}`)).toMatchObject({ bookmarkedByMe: true, bookmarkCount: 2 });

    const first = await getJson<{ items: { id: number }[]; nextCursor: string }>(t, bob, '/api/me/bookmarks?limit=3');
    expect(ids(first.items)).toEqual([tips[2].id, tips[0].id, tips[3].id]);
    const second = await getJson<{ items: { id: number }[]; nextCursor: string | null }>(t, bob, `/api/me/bookmarks?limit=3&cursor=${first.nextCursor}`);
    expect(ids(second.items)).toEqual([tips[1].id]);
    expect(second.nextCursor).toBeNull();

    // A hidden tip leaves the list (and comes back if restored); a removed bookmark leaves for good.
    setPostStatus(t.app.ctx, tips[2].id, 'hidden', '確認中');
    expect((await send(bob, 'DELETE', `/api/posts/${tips[0].id}/bookmark`)).json()).toEqual({ bookmarkedByMe: false, bookmarkCount: 1 });
    expect((await send(bob, 'DELETE', `/api/posts/${tips[0].id}/bookmark`)).json()).toEqual({ bookmarkedByMe: false, bookmarkCount: 1 });
    const after = await getJson<{ items: { id: number; bookmarkedByMe: boolean }[] }>(t, bob, '/api/me/bookmarks');
    expect(ids(after.items)).toEqual([tips[3].id, tips[1].id]);
    expect(after.items.every((p) => p.bookmarkedByMe)).toBe(true);
    expect((await getJson<{ items: unknown[] }>(t, alice, '/api/me/bookmarks')).items).toHaveLength(1);
    expect((await t.as(bob, { method: 'GET', url: '/api/me/bookmarks?cursor=bad' })).statusCode).toBe(400);
  });

  it('disappear with a deleted tip', async () => {
    const tip = await postTip(t, alice, { title: 'A' });
    await send(bob, 'PUT', `/api/posts/${tip.id}/bookmark`);
    await send(bob, 'PUT', `/api/posts/${tip.id}/like`);
    expect((await t.as(alice, { method: 'DELETE', url: `/api/posts/${tip.id}` })).statusCode).toBe(204);
    expect((await getJson<{ items: unknown[] }>(t, bob, '/api/me/bookmarks')).items).toEqual([]);
    expect((await send(bob, 'DELETE', `/api/posts/${tip.id}/bookmark`)).statusCode).toBe(404);
  });
});
