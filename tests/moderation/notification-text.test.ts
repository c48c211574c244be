import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, postTip, type TestApp } from '../helpers/app';
import { ok } from './helpers';

let t: TestApp;
afterEach(async () => { await t?.close(); });

const notifications = async (user: Parameters<TestApp['as']>[0]) =>
  (await ok(t, user, 200, { method: 'GET', url: '/api/me/notifications' })).items as { kind: string; text: string; actor: { username: string } | null }[];

describe('notification texts', () => {
  it('quote a comment as plain text, without Markdown syntax or HTML', async () => {
    t = await createTestApp();
    const author = await t.user('author');
    const reader = await t.user('reader');
    const tip = await postTip(t, author, { title: 'VLOOKUP の使い方' });
    const body = '## 質問\n**とても**役に立ちました。[手順書](https://example.jp/a) の `=VLOOKUP(A1,B:C,2,FALSE)` も <b>参考</b> に & 感謝';
    await ok(t, reader, 201, { method: 'POST', url: `/api/posts/${tip.id}/comments`, payload: { body } });
    const [n] = await notifications(author);
    expect(n.kind).toBe('comment.created');
    expect(n.text).toContain('質問 とても役に立ちました。手順書 の =VLOOKUP(A1,B:C,2,FALSE) も <b>参考</b> に & 感謝');
    expect(n.text).not.toMatch(/\*\*|##|\]\(|`|&amp;/);
  });

  it('no longer show a comment once a moderator hides it', async () => {
    t = await createTestApp();
    const author = await t.user('author');
    const reader = await t.user('reader');
    const tip = await postTip(t, author, { title: 'マクロ' });
    const c = await ok(t, reader, 201, { method: 'POST', url: `/api/posts/${tip.id}/comments`, payload: { body: '不適切な宣伝文句 http://spam.example' } });
    await ok(t, reader, 201, { method: 'POST', url: `/api/posts/${tip.id}/comments`, payload: { body: 'ふつうの感想' } });
    expect((await notifications(author)).map((n) => n.text)).toEqual(['ふつうの感想', '不適切な宣伝文句 http://spam.example']);
    await ok(t, t.admin, 200, { method: 'POST', url: `/api/comments/${c.id}/hide`, payload: { reason: '宣伝' } });
    const texts = (await notifications(author)).map((n) => n.text);
    expect(texts.join()).not.toContain('宣伝文句');
    expect(texts).toContain('ふつうの感想');
  });

  it('tell the author when a moderator edits their tip, and not when they edit it themself', async () => {
    t = await createTestApp();
    const author = await t.user('author');
    const mod = await t.user('mod', { role: 'moderator' });
    const tip = await postTip(t, author, { title: '古い題名' });
    await ok(t, author, 200, { method: 'PATCH', url: `/api/posts/${tip.id}`, payload: { body: '自分で直した' } });
    expect(await notifications(author)).toEqual([]);
    await ok(t, mod, 200, { method: 'PATCH', url: `/api/posts/${tip.id}`, payload: { title: '新しい題名' } });
    const [n] = await notifications(author);
    expect(n).toMatchObject({ kind: 'post.edited', actor: { username: 'mod' }, target: { type: 'post', id: tip.id, title: '新しい題名' } });
  });
});

describe('the moderation queue', () => {
  it('marks a group whose tip the looking moderator wrote, and only for them', async () => {
    t = await createTestApp();
    const mod = await t.user('mod', { role: 'moderator' });
    const reader = await t.user('reader');
    const own = await postTip(t, mod, { title: '自分のコツ' });
    const other = await postTip(t, reader, { title: '他人のコツ' });
    for (const id of [own.id, other.id]) {
      await ok(t, id === own.id ? reader : mod, 201, { method: 'POST', url: `/api/posts/${id}/reports`, payload: { reason: 'incorrect' } });
    }
    const queue = (u: Parameters<TestApp['as']>[0]) => ok(t, u, 200, { method: 'GET', url: '/api/moderation/queue' });
    const byMod = (await queue(mod)).items.map((g: { post: { title: string }; ownTip: boolean }) => [g.post.title, g.ownTip]);
    expect(byMod.sort()).toEqual([['他人のコツ', false], ['自分のコツ', true]]);
    const byAdmin = (await queue(t.admin)).items.map((g: { ownTip: boolean }) => g.ownTip);
    expect(byAdmin).toEqual([false, false]);
  });
});
