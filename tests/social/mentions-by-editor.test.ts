/**
 * A mention is told as written by the person who wrote it. A moderator who edits someone else's
 * tip and names a colleague there (or restores an old version that names one) is that mention's
 * writer: the notification (and its mail) used to name the tip's author, who never wrote it.
 */
import { describe, expect, it } from 'vitest';
import { postTip, type TestUser } from '../helpers/app';
import { useClockedApp } from '../helpers/fixture';

const { t, later, users: { alice, bob, carol, mod } } = useClockedApp({
  users: { alice: {}, bob: {}, carol: {}, mod: { role: 'moderator' } },
});

const mentions = async (u: TestUser) => ((await t.as(u, { method: 'GET', url: '/api/me/notifications' })).json().items as
  { kind: string; actor: { username: string } | null; target: { id: number } }[]).filter((n) => n.kind === 'mention.post');

describe('who mentioned whom in a tip', () => {
  it('an edit by a moderator is told as the moderator\'s mention, not the author\'s', async () => {
    const tip = await postTip(t, alice, { title: '照会文の書き方', body: '本文' });
    later();
    const res = await t.as(mod, { method: 'PATCH', url: `/api/posts/${tip.id}`, payload: { body: '本文 @bob に確認してください' } });
    expect(res.statusCode).toBe(200);
    expect(await mentions(bob)).toMatchObject([{ actor: { username: 'mod' }, target: { id: tip.id } }]);
  });

  it('the author is not told of her own name in her tip when a moderator edits it', async () => {
    const tip = await postTip(t, alice, { title: '担当者メモ', body: '担当: @alice' });
    later();
    expect((await t.as(mod, { method: 'PATCH', url: `/api/posts/${tip.id}`, payload: { body: '担当: @alice（更新）' } })).statusCode).toBe(200);
    expect(await mentions(alice)).toEqual([]);
  });

  it('a moderator restoring a version that names someone is the one who names them', async () => {
    // Names written while the tip was a draft and taken out before publishing were never told.
    const draft = await t.as(alice, { method: 'POST', url: '/api/posts', payload: { title: '決裁の回し方', body: '@carol に確認済み', tags: [], status: 'draft' } });
    const id = draft.json().id;
    later(15); // past the autosave window: the draft's first save stays a version of its own
    expect((await t.as(alice, { method: 'PATCH', url: `/api/posts/${id}`, payload: { body: '確認済み' } })).statusCode).toBe(200);
    expect((await t.as(alice, { method: 'POST', url: `/api/posts/${id}/publish`, payload: {} })).statusCode).toBe(200);
    expect(await mentions(carol)).toEqual([]);
    later();
    expect((await t.as(mod, { method: 'POST', url: `/api/posts/${id}/revisions/1/restore`, payload: {} })).statusCode).toBe(200);
    expect(await mentions(carol)).toMatchObject([{ actor: { username: 'mod' }, target: { id } }]);
    expect(await mentions(alice)).toEqual([]);
  });
});
