import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, postTip, type TestApp, type TestUser } from '../helpers/app';

let t: TestApp;
let alice: TestUser;
let bob: TestUser;
beforeEach(async () => {
  t = await createTestApp();
  alice = await t.user('alice');
  bob = await t.user('bob');
});
afterEach(async () => { await t.close(); });

describe('minutesSavedPerUse on tips', () => {
  it('is null unless the author states it; POST sets it, PATCH changes and clears it', async () => {
    const plain = await postTip(t, alice, { title: '見積もりなし' });
    expect(plain.minutesSavedPerUse).toBeNull();
    const res = await t.as(alice, { method: 'POST', url: '/api/posts', payload: { title: '差し込み印刷', body: '', tags: [], minutesSavedPerUse: 30 } });
    expect(res.statusCode).toBe(201);
    expect(res.json().minutesSavedPerUse).toBe(30);
    const id = res.json().id;
    const patch = await t.as(alice, { method: 'PATCH', url: `/api/posts/${id}`, payload: { minutesSavedPerUse: 45 } });
    expect(patch.json()).toMatchObject({ minutesSavedPerUse: 45, title: '差し込み印刷' });
    const untouched = await t.as(alice, { method: 'PATCH', url: `/api/posts/${id}`, payload: { title: '差し込み印刷（改）' } });
    expect(untouched.json().minutesSavedPerUse).toBe(45);
    const cleared = await t.as(alice, { method: 'PATCH', url: `/api/posts/${id}`, payload: { minutesSavedPerUse: null } });
    expect(cleared.json().minutesSavedPerUse).toBeNull();
    expect((await t.as(bob, { method: 'GET', url: `/api/posts/${id}` })).json().minutesSavedPerUse).toBeNull();
  });

  it.each([-1, 1.5, '30', 1441])('refuses %j with 400', async (value) => {
    const res = await t.as(alice, { method: 'POST', url: '/api/posts', payload: { title: 't', body: '', tags: [], minutesSavedPerUse: value } });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toMatch(/minutesSavedPerUse/);
  });

  it('accepts 0 and only the author (or a moderator) may change it', async () => {
    const tip = await postTip(t, alice, { title: 't' });
    expect((await t.as(alice, { method: 'PATCH', url: `/api/posts/${tip.id}`, payload: { minutesSavedPerUse: 0 } })).json().minutesSavedPerUse).toBe(0);
    expect((await t.as(bob, { method: 'PATCH', url: `/api/posts/${tip.id}`, payload: { minutesSavedPerUse: 600 } })).statusCode).toBe(403);
  });

  it('summaries carry an empty awards list', async () => {
    await postTip(t, alice, { title: 't' });
    expect((await t.as(bob, { method: 'GET', url: '/api/posts' })).json().items[0].awards).toEqual([]);
  });
});
