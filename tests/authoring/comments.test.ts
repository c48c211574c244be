import { beforeEach, describe, expect, it } from 'vitest';
import { postTip, type TestUser } from '../helpers/app';
import { useTestApp } from '../helpers/fixture';

const { t, users: { alice, bob, carol, mod } } = useTestApp({ users: { alice: {}, bob: {}, carol: {}, mod: { role: 'moderator' } } });
let tip: { id: number };
beforeEach(async () => {
  tip = await postTip(t, alice, { title: 'ピボットテーブルの基本', tags: ['Excel'] });
});

const comment = (u: TestUser, body: string, id = tip.id) =>
  t.as(u, { method: 'POST', url: `/api/posts/${id}/comments`, payload: { body } });
const list = async (u: TestUser, id = tip.id) => (await t.as(u, { method: 'GET', url: `/api/posts/${id}/comments` })).json();
const notifications = async (u: TestUser) => (await t.as(u, { method: 'GET', url: '/api/me/notifications' })).json();

describe('comments', () => {
  it('renders Markdown with the safe renderer and lists oldest first', async () => {
    const res = await comment(bob, '**助かりました**\n<script>alert(1)</script> [x](javascript:alert(1))');
    expect(res.statusCode).toBe(201);
    const c = res.json();
    expect(c).toMatchObject({ postId: tip.id, author: { username: 'bob' }, status: 'visible', edited: false, hiddenReason: null });
    expect(c.html).toContain('<strong>助かりました</strong>');
    expect(c.html).not.toContain('<script>');
    expect(c.html).not.toMatch(/href="javascript/i);
    await comment(carol, '2つ目');
    expect((await list(alice)).items.map((x: { author: { username: string } }) => x.author.username)).toEqual(['bob', 'carol']);
  });

  it('notifies the tip\'s author, but not of their own comments', async () => {
    await comment(bob, 'スライサーも便利です');
    await comment(alice, '自分の返信');
    const n = await notifications(alice);
    expect(n.unreadCount).toBe(1);
    expect(n.items[0]).toMatchObject({ kind: 'comment.created', actor: { username: 'bob' }, target: { type: 'post', id: tip.id, title: 'ピボットテーブルの基本' }, text: 'スライサーも便利です' });
  });

  it('lets only the author edit, and the author or an admin delete', async () => {
    const c = (await comment(bob, '初稿')).json();
    expect((await t.as(carol, { method: 'PATCH', url: `/api/comments/${c.id}`, payload: { body: '乗っ取り' } })).statusCode).toBe(403);
    expect((await t.as(mod, { method: 'PATCH', url: `/api/comments/${c.id}`, payload: { body: '修正' } })).statusCode).toBe(403);
    const edited = await t.as(bob, { method: 'PATCH', url: `/api/comments/${c.id}`, payload: { body: '*改稿*' } });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ body: '*改稿*', html: '<p><em>改稿</em></p>\n' });
    expect((await t.as(carol, { method: 'DELETE', url: `/api/comments/${c.id}` })).statusCode).toBe(403);
    expect((await t.as(mod, { method: 'DELETE', url: `/api/comments/${c.id}` })).statusCode).toBe(403);
    expect((await t.as(bob, { method: 'DELETE', url: `/api/comments/${c.id}` })).statusCode).toBe(204);
    expect((await list(alice)).items).toEqual([]);
    const other = (await comment(bob, '管理者が消す')).json();
    expect((await t.as(t.admin, { method: 'DELETE', url: `/api/comments/${other.id}` })).statusCode).toBe(204);
    expect(t.db.prepare("SELECT action, target_id AS id FROM audit_log WHERE action LIKE 'comment.%'").all()).toEqual([{ action: 'comment.delete', id: other.id }]);
  });

  it('lets moderators hide and restore (audited, author told); hidden ones show only to their author and staff', async () => {
    const c = (await comment(bob, '不適切な内容')).json();
    expect((await t.as(carol, { method: 'POST', url: `/api/comments/${c.id}/hide`, payload: { reason: 'x' } })).statusCode).toBe(403);
    const hidden = await t.as(mod, { method: 'POST', url: `/api/comments/${c.id}/hide`, payload: { reason: '個人情報を含むため' } });
    expect(hidden.statusCode).toBe(200);
    expect(hidden.json()).toMatchObject({ status: 'hidden', hiddenReason: '個人情報を含むため' });
    expect((await list(carol)).items).toEqual([]);
    expect((await list(alice)).items).toEqual([]);
    expect((await list(bob)).items).toMatchObject([{ id: c.id, status: 'hidden' }]);
    expect((await list(mod)).items).toMatchObject([{ id: c.id, status: 'hidden' }]);
    expect((await t.as(carol, { method: 'PATCH', url: `/api/comments/${c.id}`, payload: { body: 'x' } })).statusCode).toBe(404);
    const told = await notifications(bob);
    expect(told.items[0]).toMatchObject({ kind: 'comment.hidden', text: '個人情報を含むため' });
    // Hidden comments do not count on lists.
    const summary = (await t.as(carol, { method: 'GET', url: '/api/posts' })).json().items[0];
    expect(summary.commentCount).toBe(0);
    expect((await t.as(mod, { method: 'POST', url: `/api/comments/${c.id}/restore` })).json().status).toBe('visible');
    expect((await list(carol)).items).toHaveLength(1);
    const audit = t.db.prepare("SELECT action, actor_id AS actor, target_id AS id FROM audit_log WHERE target_type = 'comment' ORDER BY rowid").all();
    expect(audit).toEqual([{ action: 'comment.hide', actor: mod.id, id: c.id }, { action: 'comment.restore', actor: mod.id, id: c.id }]);
  });

  it('counts visible comments on lists and on the tip', async () => {
    const other = await postTip(t, bob, { title: '別のコツ' });
    await comment(bob, '1');
    await comment(carol, '2');
    await comment(alice, '3', other.id);
    const items = (await t.as(carol, { method: 'GET', url: '/api/posts' })).json().items;
    expect(Object.fromEntries(items.map((p: { id: number; commentCount: number }) => [p.id, p.commentCount]))).toEqual({ [tip.id]: 2, [other.id]: 1 });
    expect((await t.as(carol, { method: 'GET', url: `/api/posts/${tip.id}` })).json().commentCount).toBe(2);
  });

  it('refuses blank or oversized comments, comments on hidden tips, and unknown tips', async () => {
    expect((await comment(bob, '')).statusCode).toBe(400);
    expect((await comment(bob, '  \n ')).statusCode).toBe(400);
    expect((await comment(bob, 'あ'.repeat(10_001))).statusCode).toBe(400);
    expect((await comment(bob, 'x', 9999)).statusCode).toBe(404);
    await t.as(mod, { method: 'POST', url: `/api/posts/${tip.id}/hide`, payload: { reason: '確認中' } });
    expect((await comment(bob, 'x')).statusCode).toBe(404);
    expect((await comment(alice, 'x')).statusCode).toBe(409);
    expect((await t.as(bob, { method: 'GET', url: `/api/posts/${tip.id}/comments` })).statusCode).toBe(404);
  });

  it('goes with its tip', async () => {
    await comment(bob, 'x');
    await t.as(alice, { method: 'DELETE', url: `/api/posts/${tip.id}` });
    expect(t.db.prepare('SELECT count(*) FROM comments').pluck().get()).toBe(0);
  });
});
