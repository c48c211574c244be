import { describe, expect, it } from 'vitest';
import { deliverFollowNotifications, FOLLOW_BATCH_MINUTES } from '../../server/follows/service';
import { postTip, type TestUser } from '../helpers/app';
import { useClockedApp } from '../helpers/fixture';

const { t, later, users: { alice, bob, carol, mod } } = useClockedApp({
  users: { alice: { displayName: '佐藤 花子' }, bob: {}, carol: {}, mod: { role: 'moderator' } },
});

const call = (u: TestUser, method: 'GET' | 'PUT' | 'DELETE', url: string) => t.as(u, { method, url });
const feed = async (u: TestUser, q = '') => (await call(u, 'GET', `/api/me/following/posts${q}`)).json();
const notes = async (u: TestUser) => (await call(u, 'GET', '/api/me/notifications')).json();
const deliver = () => deliverFollowNotifications(t.app.ctx);
const followNotes = async (u: TestUser) => (await notes(u)).items.filter((n: { kind: string }) => n.kind === 'follow.posts');

describe('following tags and people', () => {
  it('follows and unfollows a tag, idempotently, matching any spelling of its name', async () => {
    await postTip(t, alice, { title: 'VLOOKUP', tags: ['Excel'] });
    expect((await call(bob, 'GET', '/api/tags/Excel/follow')).json()).toEqual({ following: false, followerCount: 0 });
    expect((await call(bob, 'PUT', `/api/tags/${encodeURIComponent('ＥＸＣＥＬ')}/follow`)).json()).toEqual({ following: true, followerCount: 1 });
    expect((await call(bob, 'PUT', '/api/tags/excel/follow')).json()).toEqual({ following: true, followerCount: 1 });
    expect((await call(carol, 'PUT', '/api/tags/Excel/follow')).json()).toEqual({ following: true, followerCount: 2 });
    expect((await call(bob, 'GET', '/api/me/follows')).json()).toEqual({ tags: [{ name: 'Excel', count: 1 }], users: [] });
    expect((await call(bob, 'DELETE', '/api/tags/Excel/follow')).json()).toEqual({ following: false, followerCount: 1 });
    expect((await call(bob, 'DELETE', '/api/tags/Excel/follow')).json()).toEqual({ following: false, followerCount: 1 });
    const missing = await call(bob, 'PUT', '/api/tags/NoSuchTag/follow');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error).toBe('not_found');
    expect((await t.as(null, { method: 'PUT', url: '/api/tags/Excel/follow' })).statusCode).toBe(401);
  });

  it('follows a person but never oneself', async () => {
    expect((await call(bob, 'PUT', '/api/profiles/alice/follow')).json()).toEqual({ following: true, followerCount: 1 });
    expect((await call(alice, 'GET', '/api/profiles/alice/follow')).json()).toEqual({ following: false, followerCount: 1 });
    const self = await call(alice, 'PUT', '/api/profiles/alice/follow');
    expect(self.statusCode).toBe(400);
    expect(self.json().error).toBe('bad_request');
    expect((await call(bob, 'PUT', '/api/profiles/nobody/follow')).statusCode).toBe(404);
    expect((await call(bob, 'GET', '/api/me/follows')).json().users).toEqual([
      { id: alice.id, username: 'alice', displayName: '佐藤 花子', department: '総務課' },
    ]);
  });

  it('lists new tips from followed tags and people in フォロー中, newest first, without my own or unpublished ones', async () => {
    await call(bob, 'PUT', '/api/profiles/alice/follow');
    await postTip(t, carol, { title: 'タグ作成用', tags: ['Word'] });
    await call(bob, 'PUT', '/api/tags/Word/follow');
    const a1 = await postTip(t, alice, { title: 'aliceのコツ1', tags: ['Excel'] });
    later();
    const c1 = await postTip(t, carol, { title: 'carolのWordのコツ', tags: ['Word'] });
    later();
    await postTip(t, carol, { title: 'carolのExcelのコツ', tags: ['Excel'] });
    later();
    await postTip(t, bob, { title: '自分のWordのコツ', tags: ['Word'] });
    later();
    const draft = await t.as(alice, { method: 'POST', url: '/api/posts', payload: { title: '下書き', body: '', tags: ['Word'], status: 'draft' } });
    expect(draft.statusCode).toBe(201);
    const titles = async (u: TestUser) => (await feed(u)).items.map((p: { title: string }) => p.title);
    expect(await titles(bob)).toEqual(['carolのWordのコツ', 'aliceのコツ1', 'タグ作成用']);
    // Paged by cursor.
    const first = await feed(bob, '?limit=2');
    expect(first.items).toHaveLength(2);
    const second = await feed(bob, `?limit=2&cursor=${first.nextCursor}`);
    expect(second.items.map((p: { title: string }) => p.title)).toEqual(['タグ作成用']);
    expect(second.nextCursor).toBeNull();
    // A hidden tip leaves the list.
    expect((await t.as(mod, { method: 'POST', url: `/api/posts/${c1.id}/hide`, payload: { reason: '確認中' } })).statusCode).toBe(200);
    expect(await titles(bob)).toEqual(['aliceのコツ1', 'タグ作成用']);
    expect(await titles(carol)).toEqual([]);
    expect(a1.id).toBeGreaterThan(0);
    expect((await call(bob, 'GET', '/api/me/following/posts?cursor=bad')).statusCode).toBe(400);
    expect((await call(bob, 'GET', '/api/me/following/posts?x=1')).statusCode).toBe(400);
  });

  it('notifies followers of new tips in one notification per batch window, never one per tip', async () => {
    await postTip(t, alice, { title: '最初のExcel', tags: ['Excel'] });
    await call(bob, 'PUT', '/api/tags/Excel/follow');
    await call(bob, 'PUT', '/api/profiles/carol/follow');
    await call(carol, 'PUT', '/api/tags/Excel/follow');
    await postTip(t, alice, { title: 'Excel その1', tags: ['Excel'] });
    // Nothing is told inside the write: the inbox is drained in the background.
    expect(await followNotes(bob)).toEqual([]);
    later();
    expect(deliver()).toBe(2);
    const [one] = await followNotes(bob);
    expect(one).toMatchObject({ kind: 'follow.posts', actor: { username: 'alice' }, target: { type: 'post', title: 'Excel その1' }, text: '' });
    expect((await followNotes(carol))).toHaveLength(1);

    // Three more tips within the window: nothing now, then one notification naming all three.
    later();
    await postTip(t, alice, { title: 'Excel その2', tags: ['Excel'] });
    later();
    await postTip(t, carol, { title: 'carolの新作', tags: ['PowerShell'] });
    later();
    const gone = await postTip(t, alice, { title: '消されるコツ', tags: ['Excel'] });
    later();
    await postTip(t, alice, { title: 'Excel その3', tags: ['Excel'] });
    expect((await t.as(alice, { method: 'DELETE', url: `/api/posts/${gone.id}` })).statusCode).toBe(204);
    expect(deliver()).toBe(0);
    expect(await followNotes(bob)).toHaveLength(1);
    later(FOLLOW_BATCH_MINUTES);
    expect(deliver()).toBe(2);
    const bobs = await followNotes(bob);
    expect(bobs).toHaveLength(2);
    expect(bobs[0]).toMatchObject({ actor: null, target: { type: 'following', id: null, title: 'Excel その3' }, text: 'carolの新作、Excel その2' });
    // carol follows only Excel; her own tip is not told to her.
    expect((await followNotes(carol))[0]).toMatchObject({ target: { type: 'following', title: 'Excel その3' }, text: 'Excel その2' });
    // Drained: nothing more to tell.
    later(FOLLOW_BATCH_MINUTES);
    expect(deliver()).toBe(0);
    // alice follows nothing and hears nothing.
    expect(await followNotes(alice)).toEqual([]);
  });

  it('drops a tip hidden before its followers were told', async () => {
    await postTip(t, alice, { title: 'seed', tags: ['Excel'] });
    await call(bob, 'PUT', '/api/tags/Excel/follow');
    const tip = await postTip(t, alice, { title: '問題のあるコツ', tags: ['Excel'] });
    await t.as(mod, { method: 'POST', url: `/api/posts/${tip.id}/hide`, payload: { reason: '個人情報' } });
    expect(deliver()).toBe(0);
    expect(t.db.prepare('SELECT count(*) FROM follow_inbox').pluck().get()).toBe(0);
  });

  it('moves a tag\'s followers to the tag it is merged into', async () => {
    await postTip(t, alice, { title: 'エクセル', tags: ['エクセル'] });
    await postTip(t, alice, { title: 'Excel', tags: ['Excel'] });
    await call(bob, 'PUT', `/api/tags/${encodeURIComponent('エクセル')}/follow`);
    const merged = await t.as(mod, { method: 'POST', url: '/api/tags/merge', payload: { from: ['エクセル'], into: 'Excel' } });
    expect(merged.statusCode).toBe(200);
    expect((await call(bob, 'GET', '/api/me/follows')).json().tags).toEqual([{ name: 'Excel', count: 2 }]);
  });

  it('lists the new routes in the OpenAPI document', async () => {
    const doc = (await t.as(null, { method: 'GET', url: '/api/openapi.json' })).json();
    for (const path of ['/api/tags/{name}/follow', '/api/profiles/{username}/follow', '/api/me/follows', '/api/me/following/posts']) {
      expect(Object.keys(doc.paths)).toContain(path);
    }
  });
});
