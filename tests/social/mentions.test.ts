import { describe, expect, it } from 'vitest';
import { mentionedUsernames } from '../../server/markdown/mentions';
import { renderMarkdown } from '../../server/markdown/render';
import { postTip, type TestUser } from '../helpers/app';
import { useClockedApp } from '../helpers/fixture';

const { t, later, users: { alice, bob, carol, dave, mod } } = useClockedApp({
  users: { alice: {}, bob: {}, carol: {}, dave: {}, mod: { role: 'moderator' } },
});

const notes = async (u: TestUser) => (await t.as(u, { method: 'GET', url: '/api/me/notifications' })).json().items as
  { kind: string; actor: { username: string } | null; target: { id: number }; text: string }[];
const kinds = async (u: TestUser) => (await notes(u)).map((n) => n.kind);
const comment = (u: TestUser, postId: number, body: string, parentId?: number) =>
  t.as(u, { method: 'POST', url: `/api/posts/${postId}/comments`, payload: parentId === undefined ? { body } : { body, parentId } });

describe('mentions in the renderer', () => {
  it('links @name in text, never in code, links or addresses', () => {
    expect(renderMarkdown('@bob さん')).toBe('<p><a href="/users/bob" class="mention">@bob</a> さん</p>\n');
    for (const src of ['`@bob`', '```\n@bob\n```', '    @bob', '[@bob](https://example.jp)', 'a@bob.jp', 'x@bob', '@@bob', '@佐藤']) {
      expect(renderMarkdown(src), src).not.toContain('class="mention"');
    }
    expect(mentionedUsernames(renderMarkdown('cc @bob, @t.sato. and @bob again; `@carol`'))).toEqual(['bob', 't.sato']);
    // A hand-written link to a person's page is not a mention.
    expect(mentionedUsernames(renderMarkdown('[@carol](/users/carol) <a href="/users/carol" class="mention">'))).toEqual([]);
  });
});

describe('mentions in tips and comments', () => {
  it('tells each person named in a published tip once, and people newly named in an edit', async () => {
    const tip = await postTip(t, alice, { title: '照会文の書き方', body: '@bob と @carol に確認済み。@alice @nobody `@dave`\n```\n@dave\n```' });
    expect(await kinds(bob)).toEqual(['mention.post']);
    expect((await notes(bob))[0]).toMatchObject({ actor: { username: 'alice' }, target: { id: tip.id } });
    expect(await kinds(carol)).toEqual(['mention.post']);
    expect(await kinds(dave)).toEqual([]);
    expect(await kinds(alice)).toEqual([]);
    later();
    const edited = await t.as(alice, { method: 'PATCH', url: `/api/posts/${tip.id}`, payload: { body: '@bob @carol @dave に確認済み。' } });
    expect(edited.statusCode).toBe(200);
    expect(await kinds(bob)).toEqual(['mention.post']);
    expect(await kinds(dave)).toEqual(['mention.post']);
  });

  it('tells nobody from a draft until it is published, nor from a hidden tip', async () => {
    const draft = await t.as(alice, { method: 'POST', url: '/api/posts', payload: { title: '下書き', body: '@bob 見て', tags: [], status: 'draft' } });
    expect(draft.statusCode).toBe(201);
    expect(await kinds(bob)).toEqual([]);
    expect((await t.as(alice, { method: 'POST', url: `/api/posts/${draft.json().id}/publish` })).statusCode).toBe(200);
    expect(await kinds(bob)).toEqual(['mention.post']);
    const tip = await postTip(t, alice, { title: '公開', body: '本文' });
    await t.as(mod, { method: 'POST', url: `/api/posts/${tip.id}/hide`, payload: { reason: '確認中' } });
    const edit = await t.as(alice, { method: 'PATCH', url: `/api/posts/${tip.id}`, payload: { body: '@carol 見て' } });
    expect(edit.statusCode).toBe(200);
    expect(await kinds(carol)).toEqual([]);
  });

  it('tells people named in a comment, once, and not twice the tip\'s author', async () => {
    const tip = await postTip(t, alice, { title: 'VBAの配列' });
    const res = await comment(bob, tip.id, '@carol @alice 参考に。`@dave`');
    expect(res.statusCode).toBe(201);
    expect(res.json().html).toContain('<a href="/users/carol" class="mention">@carol</a>');
    expect(await kinds(carol)).toEqual(['mention.comment']);
    // The quote is the comment's plain text (as the other comment notifications), not its Markdown.
    expect((await notes(carol))[0].text).toBe('@carol @alice 参考に。@dave');
    expect(await kinds(alice)).toEqual(['comment.created']);
    expect(await kinds(dave)).toEqual([]);
    const id = res.json().id;
    const edited = await t.as(bob, { method: 'PATCH', url: `/api/comments/${id}`, payload: { body: '@carol @dave 参考に。' } });
    expect(edited.statusCode).toBe(200);
    expect(await kinds(carol)).toEqual(['mention.comment']);
    expect(await kinds(dave)).toEqual(['mention.comment']);
  });
});

describe('replies', () => {
  it('answers a comment in a one-level thread and tells the answered comment\'s author', async () => {
    const tip = await postTip(t, alice, { title: 'Power Query' });
    const top = (await comment(bob, tip.id, '質問です')).json();
    expect(top.parentId).toBeNull();
    later();
    const reply = await comment(alice, tip.id, '回答です', top.id);
    expect(reply.statusCode).toBe(201);
    expect(reply.json().parentId).toBe(top.id);
    expect(await kinds(bob)).toEqual(['comment.replied']);
    // A reply to a reply joins the same thread; its author (alice, the tip's author) hears once.
    later();
    const nested = await comment(carol, tip.id, '補足です', reply.json().id);
    expect(nested.json().parentId).toBe(top.id);
    expect(await kinds(alice)).toEqual(['comment.created', 'comment.created']);
    expect(await kinds(bob)).toEqual(['comment.replied', 'comment.replied']);
    const list = (await t.as(dave, { method: 'GET', url: `/api/posts/${tip.id}/comments` })).json().items;
    expect(list.map((c: { parentId: number | null }) => c.parentId)).toEqual([null, top.id, top.id]);
  });

  it('refuses a parent on another tip, a missing one, a hidden one, and a parentId on edit', async () => {
    const tip = await postTip(t, alice, { title: 'A' });
    const other = await postTip(t, alice, { title: 'B' });
    const top = (await comment(bob, other.id, 'Bへのコメント')).json();
    const wrong = await comment(carol, tip.id, '返信', top.id);
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error).toBe('bad_request');
    expect((await comment(carol, tip.id, '返信', 999999)).statusCode).toBe(400);
    expect((await comment(carol, other.id, '返信', 0)).statusCode).toBe(400);
    await t.as(mod, { method: 'POST', url: `/api/comments/${top.id}/hide`, payload: { reason: '不適切' } });
    expect((await comment(carol, other.id, '返信', top.id)).statusCode).toBe(404);
    const patch = await t.as(bob, { method: 'PATCH', url: `/api/comments/${top.id}`, payload: { body: 'x', parentId: 1 } });
    expect(patch.statusCode).toBe(400);
  });
});

describe('who found it useful', () => {
  it('lists the people who pressed 役に立った, newest first, only to those who can read the tip', async () => {
    const tip = await postTip(t, alice, { title: 'ショートカット' });
    for (const u of [bob, carol, dave]) {
      expect((await t.as(u, { method: 'PUT', url: `/api/posts/${tip.id}/like` })).statusCode).toBe(200);
      later();
    }
    const res = await t.as(alice, { method: 'GET', url: `/api/posts/${tip.id}/likes?limit=2` });
    expect(res.statusCode).toBe(200);
    const page = res.json();
    expect(page.items.map((l: { user: { username: string } }) => l.user.username)).toEqual(['dave', 'carol']);
    expect(page.items[0]).toEqual({ user: { id: dave.id, username: 'dave', displayName: 'daveさん', department: '総務課' }, likedAt: expect.any(String) });
    const rest = (await t.as(alice, { method: 'GET', url: `/api/posts/${tip.id}/likes?cursor=${page.nextCursor}` })).json();
    expect(rest).toEqual({ items: [expect.objectContaining({ user: expect.objectContaining({ username: 'bob' }) })], nextCursor: null });
    await t.as(mod, { method: 'POST', url: `/api/posts/${tip.id}/hide`, payload: { reason: '確認中' } });
    expect((await t.as(bob, { method: 'GET', url: `/api/posts/${tip.id}/likes` })).statusCode).toBe(404);
    expect((await t.as(null, { method: 'GET', url: `/api/posts/${tip.id}/likes` })).statusCode).toBe(401);
    const doc = (await t.as(null, { method: 'GET', url: '/api/openapi.json' })).json();
    expect(Object.keys(doc.paths)).toContain('/api/posts/{id}/likes');
  });
});
