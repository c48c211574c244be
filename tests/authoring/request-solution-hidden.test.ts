import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, postTip, type TestApp, type TestUser } from '../helpers/app';

/**
 * A 教えて request solved by a tip that was hidden since named the hidden tip's id to everyone
 * (`solvedPostId`), while the tip itself answers as missing and a deleted solution reads null:
 * the id alone told that a hidden tip exists and solved the request. It is null to readers who
 * may not read the tip; its author and moderators still see it.
 */
let t: TestApp;
let asker: TestUser;
let writer: TestUser;
let reader: TestUser;
let mod: TestUser;

beforeEach(async () => {
  t = await createTestApp();
  asker = await t.user('asker');
  writer = await t.user('writer');
  reader = await t.user('reader');
  mod = await t.user('mod', { role: 'moderator' });
});
afterEach(() => t.close());

describe('the solution of a request', () => {
  it('is not named to readers who may not read it', async () => {
    const request = (await t.as(asker, { method: 'POST', url: '/api/requests', payload: { title: '差し込み印刷のやり方' } })).json();
    const tip = await postTip(t, writer, { title: '差し込み印刷の手順' });
    expect((await t.as(writer, { method: 'POST', url: `/api/requests/${request.id}/answers`, payload: { postId: tip.id } })).statusCode).toBe(201);
    expect((await t.as(asker, { method: 'POST', url: `/api/requests/${request.id}/solve`, payload: { postId: tip.id } })).statusCode).toBe(200);
    const solvedFor = async (u: TestUser) => ({
      detail: (await t.as(u, { method: 'GET', url: `/api/requests/${request.id}` })).json().solvedPostId,
      list: (await t.as(u, { method: 'GET', url: '/api/requests?status=solved' })).json().items
        .find((r: { id: number }) => r.id === request.id).solvedPostId,
    });
    expect(await solvedFor(reader)).toEqual({ detail: tip.id, list: tip.id });

    expect((await t.as(mod, { method: 'POST', url: `/api/posts/${tip.id}/hide`, payload: { reason: '誤り' } })).statusCode).toBe(200);
    expect(await solvedFor(reader)).toEqual({ detail: null, list: null });
    expect(await solvedFor(asker)).toEqual({ detail: null, list: null });
    expect(await solvedFor(writer)).toEqual({ detail: tip.id, list: tip.id });
    expect(await solvedFor(mod)).toEqual({ detail: tip.id, list: tip.id });

    // As for a deleted solution.
    expect((await t.as(mod, { method: 'POST', url: `/api/posts/${tip.id}/restore` })).statusCode).toBe(200);
    expect(await solvedFor(reader)).toEqual({ detail: tip.id, list: tip.id });
    expect((await t.as(writer, { method: 'DELETE', url: `/api/posts/${tip.id}` })).statusCode).toBe(204);
    expect(await solvedFor(writer)).toEqual({ detail: null, list: null });
  });
});
