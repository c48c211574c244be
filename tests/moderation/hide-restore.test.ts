import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, postTip, type TestApp, type TestUser } from '../helpers/app';
import { auditRows, hide, ok, report, restore } from './helpers';

let t: TestApp;
afterEach(async () => { await t?.close(); });

const ids = (page: { items: { id: number }[] }) => page.items.map((i) => i.id);

/** Every listing a member can reach that could show the tip or count it. */
async function listings(t: TestApp, viewer: TestUser, tag: string, author: string) {
  const get = (url: string) => ok(t, viewer, 200, { method: 'GET', url });
  return {
    new: ids(await get('/api/posts?sort=new')),
    popular: ids(await get('/api/posts?sort=popular')),
    byTag: ids(await get(`/api/posts?tag=${encodeURIComponent(tag)}`)),
    byAuthor: ids(await get(`/api/posts?author=${encodeURIComponent(author)}`)),
    tags: (await get('/api/tags')).items as { name: string; count: number }[],
    tagPrefix: (await get(`/api/tags?q=${encodeURIComponent(tag.slice(0, 2))}`)).items as { name: string; count: number }[],
  };
}

describe('hide and restore', () => {
  it('are for moderators and admins only', async () => {
    t = await createTestApp();
    const author = await t.user('author');
    const member = await t.user('member');
    const mod = await t.user('mod', { role: 'moderator' });
    const tip = await postTip(t, author, { title: 'x' });
    expect((await hide(t, member, tip.id)).statusCode).toBe(403);
    expect((await hide(t, author, tip.id)).statusCode).toBe(403);
    expect((await hide(t, mod, tip.id)).statusCode).toBe(200);
    expect((await restore(t, member, tip.id)).statusCode).toBe(403);
    expect((await restore(t, author, tip.id)).statusCode).toBe(403);
    expect((await restore(t, mod, tip.id)).statusCode).toBe(200);
    expect((await hide(t, t.admin, tip.id)).statusCode).toBe(200);
  });

  it('needs a reason, and answers 409 when the tip is not in the state the action expects', async () => {
    t = await createTestApp();
    const author = await t.user('author');
    const tip = await postTip(t, author, { title: 'x' });
    expect((await t.as(t.admin, { method: 'POST', url: `/api/posts/${tip.id}/hide`, payload: {} })).statusCode).toBe(400);
    expect((await hide(t, t.admin, tip.id, '   ')).statusCode).toBe(400);
    expect((await restore(t, t.admin, tip.id)).statusCode).toBe(409);
    expect((await hide(t, t.admin, tip.id)).statusCode).toBe(200);
    expect((await hide(t, t.admin, tip.id)).statusCode).toBe(409);
    expect((await hide(t, t.admin, 4242)).statusCode).toBe(404);
    expect((await restore(t, t.admin, 4242)).statusCode).toBe(404);
  });

  it('takes a hidden tip out of every list and tag count at once, and restore brings it all back', async () => {
    t = await createTestApp();
    const author = await t.user('author');
    const member = await t.user('member');
    const hidden = await postTip(t, author, { title: '隠す記事', tags: ['Excel', 'マクロ'] });
    const other = await postTip(t, author, { title: '残る記事', tags: ['Excel'] });
    const before = await listings(t, member, 'マクロ', 'author');
    expect(before.new).toEqual([other.id, hidden.id]);
    expect(before.byTag).toEqual([hidden.id]);
    expect(before.tags).toEqual([{ name: 'Excel', count: 2 }, { name: 'マクロ', count: 1 }]);

    const res = await hide(t, t.admin, hidden.id, '個人情報が写っています');
    expect(res.json()).toMatchObject({ id: hidden.id, status: 'hidden', hiddenReason: '個人情報が写っています' });

    const during = await listings(t, member, 'マクロ', 'author');
    expect(during.new).toEqual([other.id]);
    expect(during.popular).toEqual([other.id]);
    expect(during.byTag).toEqual([]);
    expect(during.byAuthor).toEqual([other.id]);
    expect(during.tags).toEqual([{ name: 'Excel', count: 1 }]);
    expect(during.tagPrefix).toEqual([]);
    // Even the author's own lists do not show it: hidden is hidden everywhere but on its page.
    expect((await listings(t, author, 'マクロ', 'author')).new).toEqual([other.id]);
    // Counts come from the stored counters too, not only from the list query.
    expect(t.db.prepare("SELECT post_count FROM tags WHERE name = 'マクロ'").pluck().get()).toBe(0);

    expect((await restore(t, t.admin, hidden.id)).json()).toMatchObject({ status: 'published', hiddenReason: null });
    const after = await listings(t, member, 'マクロ', 'author');
    expect(after).toEqual(before);
  });

  it('keeps the tip readable by its author and moderators with the reason; 404 to other members', async () => {
    t = await createTestApp();
    const author = await t.user('author');
    const member = await t.user('member');
    const mod = await t.user('mod', { role: 'moderator' });
    const tip = await postTip(t, author, { title: 'x', body: '本文' });
    await hide(t, mod, tip.id, '確認中です');
    for (const viewer of [author, mod, t.admin]) {
      const post = await ok(t, viewer, 200, { method: 'GET', url: `/api/posts/${tip.id}` });
      expect(post).toMatchObject({ status: 'hidden', hiddenReason: '確認中です', body: '本文' });
    }
    const denied = await t.as(member, { method: 'GET', url: `/api/posts/${tip.id}` });
    expect(denied.statusCode).toBe(404);
    expect(denied.body).not.toContain('確認中です');
    expect((await t.as(member, { method: 'POST', url: `/api/posts/${tip.id}/views` })).statusCode).toBe(404);
    expect((await t.as(member, { method: 'PATCH', url: `/api/posts/${tip.id}`, payload: { title: 'y' } })).statusCode).toBe(404);
  });

  it('restores views, likes and tags exactly as they were', async () => {
    t = await createTestApp();
    const author = await t.user('author');
    const [a, b] = [await t.user('alice'), await t.user('bob')];
    const tip = await postTip(t, author, { title: 'x', tags: ['Power Automate', 'RPA'] });
    await t.as(a, { method: 'POST', url: `/api/posts/${tip.id}/views` });
    await t.as(b, { method: 'POST', url: `/api/posts/${tip.id}/views` });
    const hasLikes = t.app.hasRoute({ method: 'PUT', url: '/api/posts/:id/like' });
    if (hasLikes) await t.as(a, { method: 'PUT', url: `/api/posts/${tip.id}/like` });
    const before = await ok(t, a, 200, { method: 'GET', url: `/api/posts/${tip.id}` });
    expect(before.viewCount).toBe(2);
    await hide(t, t.admin, tip.id);
    await restore(t, t.admin, tip.id);
    const after = await ok(t, a, 200, { method: 'GET', url: `/api/posts/${tip.id}` });
    expect(after).toEqual(before);
    expect(after.tags).toEqual(['Power Automate', 'RPA']);
    if (hasLikes) expect(after.likeCount).toBe(1);
  });

  it('writes exactly one audit entry per hide and per restore, in the same transaction', async () => {
    t = await createTestApp();
    const author = await t.user('author');
    const mod = await t.user('mod', { role: 'moderator' });
    const tip = await postTip(t, author, { title: '監査対象' });
    const start = auditRows(t).length;
    await hide(t, mod, tip.id, '理由A');
    await restore(t, mod, tip.id);
    const rows = auditRows(t).slice(start);
    expect(rows.map((r) => [r.action, r.actor_id, r.target_type, r.target_id])).toEqual([
      ['post.hide', mod.id, 'post', tip.id],
      ['post.restore', mod.id, 'post', tip.id],
    ]);
    expect(JSON.parse(rows[0].detail)).toMatchObject({ title: '監査対象', reason: '理由A', before: { status: 'published' }, after: { status: 'hidden' } });
    expect(JSON.parse(rows[1].detail)).toMatchObject({ before: { status: 'hidden', reason: '理由A' }, after: { status: 'published' } });
  });

  it('rolls the hide back when its audit entry cannot be written', async () => {
    t = await createTestApp();
    const author = await t.user('author');
    const tip = await postTip(t, author, { title: 'x' });
    t.db.exec("CREATE TRIGGER fail_audit BEFORE INSERT ON audit_log BEGIN SELECT RAISE(ABORT, 'disk full'); END");
    const res = await hide(t, t.admin, tip.id);
    expect(res.statusCode).toBe(500);
    t.db.exec('DROP TRIGGER fail_audit');
    expect((await ok(t, author, 200, { method: 'GET', url: `/api/posts/${tip.id}` })).status).toBe('published');
    expect(t.db.prepare('SELECT count(*) FROM notifications').pluck().get()).toBe(0);
  });

  it('answers the tip\'s open reports when it is hidden directly', async () => {
    t = await createTestApp();
    const author = await t.user('author');
    const a = await t.user('alice');
    const tip = await postTip(t, author, { title: 'x' });
    await report(t, a, tip.id, { reason: 'spam' });
    await hide(t, t.admin, tip.id, 'スパム');
    const queue = await ok(t, t.admin, 200, { method: 'GET', url: '/api/moderation/queue' });
    expect(queue.items).toHaveLength(0);
    const resolved = await ok(t, t.admin, 200, { method: 'GET', url: '/api/moderation/reports?status=resolved' });
    expect(resolved.items[0]).toMatchObject({ resolution: 'hide', note: 'スパム', resolvedBy: { username: 'admin' } });
  });
});

describe('notifications to the author', () => {
  it('tells the author when the tip is hidden (with the reason) and when it is restored', async () => {
    t = await createTestApp();
    const author = await t.user('author');
    const mod = await t.user('mod', { role: 'moderator', displayName: '山田 モデレーター' });
    const tip = await postTip(t, author, { title: '共有フォルダの整理術' });
    await hide(t, mod, tip.id, '内部のサーバー名が書かれています');
    let list = await ok(t, author, 200, { method: 'GET', url: '/api/me/notifications' });
    expect(list.unreadCount).toBe(1);
    expect(list.items[0]).toMatchObject({
      kind: 'post.hidden', read: false, text: '内部のサーバー名が書かれています',
      actor: { username: 'mod', displayName: '山田 モデレーター' },
      target: { type: 'post', id: tip.id, title: '共有フォルダの整理術' },
    });
    await restore(t, mod, tip.id);
    list = await ok(t, author, 200, { method: 'GET', url: '/api/me/notifications' });
    expect(list.unreadCount).toBe(2);
    expect(list.items.map((n: { kind: string }) => n.kind)).toEqual(['post.restored', 'post.hidden']);
    // Nobody else is told.
    expect((await ok(t, mod, 200, { method: 'GET', url: '/api/me/notifications' })).items).toHaveLength(0);
  });

  it('does not notify a moderator about hiding their own tip', async () => {
    t = await createTestApp();
    const mod = await t.user('mod', { role: 'moderator' });
    const tip = await postTip(t, mod, { title: 'x' });
    await hide(t, mod, tip.id);
    expect((await ok(t, mod, 200, { method: 'GET', url: '/api/me/notifications' })).items).toHaveLength(0);
  });
});
