import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setPostStatus } from '../../server/posts/service';
import { createTestApp, postTip, type TestApp, type TestUser } from '../helpers/app';

let t: TestApp;
let alice: TestUser;
let bob: TestUser;
beforeEach(async () => {
  t = await createTestApp();
  alice = await t.user('alice', { department: '財政課', displayName: '青木' });
  bob = await t.user('bob');
});
afterEach(async () => { await t.close(); });

describe('POST /api/posts', () => {
  it('publishes a tip with rendered html, tags and author', async () => {
    const res = await t.as(alice, { method: 'POST', url: '/api/posts', payload: { title: 'VLOOKUPの使い方', body: '## 手順\n`=VLOOKUP(A2,B:C,2,FALSE)`', tags: ['Excel', '関数'] } });
    expect(res.statusCode).toBe(201);
    const p = res.json();
    expect(p).toMatchObject({
      title: 'VLOOKUPの使い方', tags: ['Excel', '関数'], status: 'published', viewCount: 0, likeCount: 0, likedByMe: false,
      author: { id: alice.id, username: 'alice', displayName: '青木', department: '財政課' },
    });
    expect(p.html).toContain('<h2 id="h-手順">手順</h2>');
    expect(Date.parse(p.createdAt)).not.toBeNaN();
  });

  it.each([
    [{ title: '', body: 'x', tags: [] }, /title/],
    [{ title: '   ', body: 'x', tags: [] }, /title/],
    [{ title: 'あ'.repeat(201), body: 'x', tags: [] }, /title/],
    [{ title: 'ok', body: 'x'.repeat(100_001), tags: [] }, /body/],
    [{ title: 'ok', body: 'x', tags: Array.from({ length: 11 }, (_, i) => `t${i}`) }, /tags/],
    [{ title: 'ok', body: 'x', tags: ['a'.repeat(41)] }, /tags/],
    [{ title: 'ok', body: 'x', tags: [''] }, /tags/],
    [{ title: 'ok', body: 'x' }, /tags/],
    [{ title: 'ok', body: 'x', tags: [], extra: true }, /extra/],
    [{ title: 'a\u0000b', body: 'x', tags: [] }, /title/],
    [{ title: 'ok', body: 'x\ud800', tags: [] }, /body/],
    [{ title: 123, body: 'x', tags: [] }, /title/],
  ])('refuses %j with 400 naming the field', async (payload, field) => {
    const res = await t.as(alice, { method: 'POST', url: '/api/posts', payload });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toBe('bad_request');
    expect(res.json().message).toMatch(field);
    expect(t.db.prepare('SELECT count(*) FROM posts').pluck().get()).toBe(0);
  });

  it('accepts exactly the limits', async () => {
    const res = await t.as(alice, { method: 'POST', url: '/api/posts', payload: { title: 'あ'.repeat(200), body: 'x'.repeat(100_000), tags: Array.from({ length: 10 }, (_, i) => 'タ'.repeat(39) + i) } });
    expect(res.statusCode).toBe(201);
  });

  it('refuses non-JSON bodies with 415 and prototype keys with 400', async () => {
    const text = await t.as(alice, { method: 'POST', url: '/api/posts', headers: { 'content-type': 'text/plain' }, payload: '{"title":"a","body":"b","tags":[]}' });
    expect(text.statusCode).toBe(415);
    expect(text.json().error).toBe('unsupported_media_type');
    const form = await t.as(alice, { method: 'POST', url: '/api/posts', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'title=a' });
    expect(form.statusCode).toBe(415);
    const proto = await t.as(alice, { method: 'POST', url: '/api/posts', headers: { 'content-type': 'application/json' }, payload: '{"title":"a","body":"b","tags":[],"__proto__":{"x":1}}' });
    expect(proto.statusCode).toBe(400);
    const broken = await t.as(alice, { method: 'POST', url: '/api/posts', headers: { 'content-type': 'application/json' }, payload: '{"title":' });
    expect(broken.statusCode).toBe(400);
    expect(broken.json().error).toBe('bad_request');
  });

  it('needs a session', async () => {
    const res = await t.as(null, { method: 'POST', url: '/api/posts', payload: { title: 'a', body: 'b', tags: [] } });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toMatchObject({ error: 'unauthenticated' });
  });
});

describe('GET/PATCH/DELETE /api/posts/:id', () => {
  it('reads a tip; 404 for a missing one; 400 for a bad id', async () => {
    const tip = await postTip(t, alice, { title: '印刷範囲の設定', body: '本文' });
    expect((await t.as(bob, { method: 'GET', url: `/api/posts/${tip.id}` })).json().body).toBe('本文');
    expect((await t.as(bob, { method: 'GET', url: '/api/posts/9999' })).statusCode).toBe(404);
    expect((await t.as(bob, { method: 'GET', url: '/api/posts/abc' })).statusCode).toBe(400);
    expect((await t.as(null, { method: 'GET', url: `/api/posts/${tip.id}` })).statusCode).toBe(401);
  });

  it('lets the author edit, refuses others, and lets a moderator edit', async () => {
    const tip = await postTip(t, alice, { title: '旧題', body: 'a', tags: ['Excel'] });
    const denied = await t.as(bob, { method: 'PATCH', url: `/api/posts/${tip.id}`, payload: { title: '乗っ取り' } });
    expect(denied.statusCode).toBe(403);
    const edited = await t.as(alice, { method: 'PATCH', url: `/api/posts/${tip.id}`, payload: { title: '新題', tags: ['Word'] } });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ title: '新題', body: 'a', tags: ['Word'] });
    expect(edited.json().updatedAt >= tip.updatedAt).toBe(true);
    const mod = await t.user('mod', { role: 'moderator' });
    expect((await t.as(mod, { method: 'PATCH', url: `/api/posts/${tip.id}`, payload: { body: '**直し**' } })).json().html).toContain('<strong>直し</strong>');
    expect((await t.as(alice, { method: 'PATCH', url: `/api/posts/${tip.id}`, payload: {} })).statusCode).toBe(400);
    const tags = (await t.as(bob, { method: 'GET', url: '/api/tags' })).json().items;
    expect(tags).toEqual([{ name: 'Word', count: 1 }]);
  });

  it('lets the author or an admin delete; a moderator or another member may not', async () => {
    const tip = await postTip(t, alice, { title: '消す', tags: ['PDF'] });
    const mod = await t.user('mod', { role: 'moderator' });
    expect((await t.as(bob, { method: 'DELETE', url: `/api/posts/${tip.id}` })).statusCode).toBe(403);
    expect((await t.as(mod, { method: 'DELETE', url: `/api/posts/${tip.id}` })).statusCode).toBe(403);
    expect((await t.as(alice, { method: 'DELETE', url: `/api/posts/${tip.id}` })).statusCode).toBe(204);
    expect((await t.as(alice, { method: 'GET', url: `/api/posts/${tip.id}` })).statusCode).toBe(404);
    expect((await t.as(alice, { method: 'GET', url: '/api/tags' })).json().items).toEqual([]);
    const other = await postTip(t, alice, { title: '管理者が消す' });
    expect((await t.as(t.admin, { method: 'DELETE', url: `/api/posts/${other.id}` })).statusCode).toBe(204);
    const audit = t.db.prepare("SELECT action, target_id FROM audit_log WHERE action = 'post.delete'").all();
    expect(audit).toEqual([{ action: 'post.delete', target_id: other.id }]);
  });

  it('hides a hidden tip from others with 404 but not from its author or moderators', async () => {
    const tip = await postTip(t, alice, { title: '非公開になる' });
    setPostStatus(t.app.ctx, tip.id, 'hidden', '内容に誤り');
    expect((await t.as(bob, { method: 'GET', url: `/api/posts/${tip.id}` })).statusCode).toBe(404);
    expect((await t.as(bob, { method: 'PATCH', url: `/api/posts/${tip.id}`, payload: { title: 'x' } })).statusCode).toBe(404);
    expect((await t.as(bob, { method: 'DELETE', url: `/api/posts/${tip.id}` })).statusCode).toBe(404);
    const own = await t.as(alice, { method: 'GET', url: `/api/posts/${tip.id}` });
    expect(own.json()).toMatchObject({ status: 'hidden', hiddenReason: '内容に誤り' });
    const mod = await t.user('mod', { role: 'moderator' });
    expect((await t.as(mod, { method: 'GET', url: `/api/posts/${tip.id}` })).statusCode).toBe(200);
    expect((await t.as(bob, { method: 'GET', url: '/api/posts' })).json().items).toEqual([]);
  });
});

describe('GET /api/posts', () => {
  it('lists newest first with cursor pagination and no duplicates', async () => {
    const ids: number[] = [];
    for (let i = 0; i < 7; i++) ids.push((await postTip(t, alice, { title: `tip ${i}` })).id);
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/posts?limit=3${cursor ? `&cursor=${cursor}` : ''}`;
      const page: { items: { id: number }[]; nextCursor: string | null } = (await t.as(bob, { method: "GET", url })).json();
      expect(page.items.length).toBeLessThanOrEqual(3);
      expect(page.items[0]).not.toHaveProperty('body');
      expect(page.items[0]).not.toHaveProperty('html');
      seen.push(...page.items.map((p: { id: number }) => p.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual([...ids].reverse());
  });

  it('filters by tag across width and case, and by author', async () => {
    const a = await postTip(t, alice, { title: 'A', tags: ['Excel'] });
    await postTip(t, bob, { title: 'B', tags: ['Word'] });
    const c = await postTip(t, bob, { title: 'C', tags: ['ｅｘｃｅｌ'] });
    const byTag = (await t.as(bob, { method: 'GET', url: `/api/posts?tag=${encodeURIComponent('ＥＸＣＥＬ')}` })).json();
    expect(byTag.items.map((p: { id: number }) => p.id)).toEqual([c.id, a.id]);
    expect(byTag.items[0].tags).toEqual(['Excel']);
    const byAuthor = (await t.as(bob, { method: 'GET', url: '/api/posts?author=alice' })).json();
    expect(byAuthor.items.map((p: { id: number }) => p.id)).toEqual([a.id]);
    expect((await t.as(bob, { method: 'GET', url: '/api/posts?tag=nothing' })).json()).toEqual({ items: [], nextCursor: null });
  });

  it('sorts by views for popular', async () => {
    const a = await postTip(t, alice, { title: 'A' });
    const b = await postTip(t, alice, { title: 'B' });
    await t.as(bob, { method: 'POST', url: `/api/posts/${a.id}/views` });
    const items = (await t.as(bob, { method: 'GET', url: '/api/posts?sort=popular' })).json().items;
    expect(items.map((p: { id: number }) => p.id)).toEqual([a.id, b.id]);
  });

  it('answers 400 for bad query values', async () => {
    for (const q of ['limit=0', 'limit=101', 'sort=random', 'cursor=%%%', 'cursor=WzFd', 'foo=1']) {
      const res = await t.as(bob, { method: 'GET', url: `/api/posts?${q}` });
      expect(res.statusCode, q).toBe(400);
      expect(res.json().error).toBe('bad_request');
    }
  });
});

describe('tags and views', () => {
  it('counts tags of published tips, matches prefixes across width, keeps the first spelling', async () => {
    await postTip(t, alice, { title: 'A', tags: ['Excel', 'VBA'] });
    await postTip(t, bob, { title: 'B', tags: ['EXCEL'] });
    const all = (await t.as(bob, { method: 'GET', url: '/api/tags' })).json().items;
    expect(all).toEqual([{ name: 'Excel', count: 2 }, { name: 'VBA', count: 1 }]);
    const prefix = (await t.as(bob, { method: 'GET', url: `/api/tags?q=${encodeURIComponent('ＥＸ')}` })).json().items;
    expect(prefix).toEqual([{ name: 'Excel', count: 2 }]);
    expect((await t.as(bob, { method: 'GET', url: '/api/tags?q=%25' })).json().items).toEqual([]);
  });

  it('counts one view per user per tip per Japan day, none for the author', async () => {
    let now = new Date('2026-04-01T14:00:00Z'); // 23:00 in Japan
    await t.close();
    t = await createTestApp({ now: () => now });
    alice = await t.user('alice');
    bob = await t.user('bob');
    const tip = await postTip(t, alice, { title: 'A' });
    const view = async (u: TestUser) => (await t.as(u, { method: 'POST', url: `/api/posts/${tip.id}/views` })).json().viewCount;
    expect(await view(bob)).toBe(1);
    expect(await view(bob)).toBe(1);
    expect(await view(alice)).toBe(1);
    now = new Date('2026-04-01T15:30:00Z'); // 00:30 the next day in Japan
    expect(await view(bob)).toBe(2);
    expect((await t.as(bob, { method: 'POST', url: '/api/posts/999/views' })).statusCode).toBe(404);
  });
});
