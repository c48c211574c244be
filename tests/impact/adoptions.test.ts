import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setPostStatus } from '../../server/posts/service';
import { createTestApp, postTip, type TestApp, type TestUser } from '../helpers/app';

// The clock jumps months ahead; sessions must outlive it.
const LONG_SESSIONS = { sessionIdle: 10 * 365 * 86_400, sessionMaxAge: 10 * 365 * 86_400 };

let t: TestApp;
let now: Date;
let author: TestUser;
let bob: TestUser;
let carol: TestUser;
beforeEach(async () => {
  now = new Date('2026-05-10T03:00:00.000Z');
  t = await createTestApp({ now: () => now, config: LONG_SESSIONS });
  author = await t.user('author', { department: '財政課' });
  bob = await t.user('bob', { department: '税務課', displayName: '税務 太郎' });
  carol = await t.user('carol', { department: '土木部' });
});
afterEach(async () => { await t.close(); });

const adopt = (user: TestUser | null, postId: number, payload: Record<string, unknown>) =>
  t.as(user, { method: 'POST', url: `/api/posts/${postId}/adoptions`, payload });

describe('POST /api/posts/:id/adoptions (使ってみた)', () => {
  it('records the member\'s adoption with their department, minutes per month and a note', async () => {
    const tip = await postTip(t, author, { title: 'RPA' });
    const res = await adopt(bob, tip.id, { minutesSavedPerMonth: 120, note: '月次集計で使用' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toEqual({
      adoptions: 1, minutesSavedPerMonth: 120,
      mine: {
        user: { id: bob.id, username: 'bob', displayName: '税務 太郎', department: '税務課' }, department: '税務課',
        minutesSavedPerMonth: 120, usesPerMonth: null, minutesSavedPerUse: null, note: '月次集計で使用', createdAt: now.toISOString(), updatedAt: now.toISOString(),
      },
      recent: [expect.objectContaining({ minutesSavedPerMonth: 120 })],
    });
  });

  it('one per member per tip: a second report replaces the first and keeps its first date', async () => {
    const tip = await postTip(t, author, { title: 'RPA' });
    await adopt(bob, tip.id, { minutesSavedPerMonth: 120, note: '最初' });
    const first = now.toISOString();
    now = new Date('2026-05-20T03:00:00.000Z');
    const res = await adopt(bob, tip.id, { minutesSavedPerMonth: 60 });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ adoptions: 1, minutesSavedPerMonth: 60, mine: { note: '', createdAt: first, updatedAt: now.toISOString() } });
    await adopt(carol, tip.id, { minutesSavedPerMonth: 30 });
    expect(t.db.prepare('SELECT user_id, minutes_saved_per_month FROM adoptions ORDER BY user_id').all())
      .toEqual([{ user_id: bob.id, minutes_saved_per_month: 60 }, { user_id: carol.id, minutes_saved_per_month: 30 }]);
    const view = await t.as(author, { method: 'GET', url: `/api/posts/${tip.id}/adoptions` });
    expect(view.json()).toMatchObject({ adoptions: 2, minutesSavedPerMonth: 90, mine: null });
    expect(view.json().recent.map((a: { user: { username: string } }) => a.user.username)).toEqual(['carol', 'bob']);
  });

  it('the author does not report adopting their own tip (403)', async () => {
    const tip = await postTip(t, author, { title: 'RPA' });
    expect((await adopt(author, tip.id, { minutesSavedPerMonth: 600 })).statusCode).toBe(403);
  });

  it.each([
    [{ minutesSavedPerMonth: -1 }], [{ minutesSavedPerMonth: 1.5 }], [{ minutesSavedPerMonth: '60' }], [{}],
    [{ minutesSavedPerMonth: 44_641 }], [{ minutesSavedPerMonth: 10, note: 'x'.repeat(501) }], [{ minutesSavedPerMonth: 10, extra: 1 }],
    [{ minutesSavedPerMonth: 10, note: 'a\u0000b' }],
  ])('refuses %j with 400', async (payload) => {
    const tip = await postTip(t, author, { title: 'RPA' });
    expect((await adopt(bob, tip.id, payload)).statusCode).toBe(400);
    expect(t.db.prepare('SELECT count(*) FROM adoptions').pluck().get()).toBe(0);
  });

  it('404 for a missing or hidden tip; 401 without a session', async () => {
    const tip = await postTip(t, author, { title: 'RPA' });
    expect((await adopt(bob, 9999, { minutesSavedPerMonth: 10 })).statusCode).toBe(404);
    expect((await adopt(null, tip.id, { minutesSavedPerMonth: 10 })).statusCode).toBe(401);
    setPostStatus(t.app.ctx, tip.id, 'hidden', 'spam');
    expect((await adopt(bob, tip.id, { minutesSavedPerMonth: 10 })).statusCode).toBe(404);
  });

  it('a member withdraws their report', async () => {
    const tip = await postTip(t, author, { title: 'RPA' });
    await adopt(bob, tip.id, { minutesSavedPerMonth: 10 });
    expect((await t.as(bob, { method: 'DELETE', url: `/api/posts/${tip.id}/adoptions` })).statusCode).toBe(204);
    expect((await t.as(bob, { method: 'DELETE', url: `/api/posts/${tip.id}/adoptions` })).statusCode).toBe(404);
    expect((await t.as(bob, { method: 'GET', url: `/api/posts/${tip.id}/adoptions` })).json()).toMatchObject({ adoptions: 0, mine: null });
  });

  it('deleting a tip removes its adoptions', async () => {
    const tip = await postTip(t, author, { title: 'RPA' });
    await adopt(bob, tip.id, { minutesSavedPerMonth: 10 });
    await t.as(author, { method: 'DELETE', url: `/api/posts/${tip.id}` });
    expect(t.db.prepare('SELECT count(*) FROM adoptions').pluck().get()).toBe(0);
  });
});
