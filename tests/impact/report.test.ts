import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lastMonths, periodStart } from '../../server/impact/service';
import { setPostStatus } from '../../server/posts/service';
import { createTestApp, postTip, type TestApp, type TestUser } from '../helpers/app';

// The clock jumps months ahead; sessions must outlive it.
const LONG_SESSIONS = { sessionIdle: 10 * 365 * 86_400, sessionMaxAge: 10 * 365 * 86_400 };

describe('period and month arithmetic', () => {
  it('month and year are rolling 30 and 365 days; all has no start', () => {
    const now = new Date('2026-05-10T00:00:00.000Z');
    expect(periodStart('month', now)).toBe('2026-04-10T00:00:00.000Z');
    expect(periodStart('year', now)).toBe('2025-05-10T00:00:00.000Z');
    expect(periodStart('all', now)).toBeNull();
  });

  it('months are Japan months: 31 March 16:00 UTC is already April in Japan', () => {
    const r = lastMonths(new Date('2026-03-31T16:00:00.000Z'), 3);
    expect(r).toEqual({ months: ['2026-02', '2026-03', '2026-04'], since: '2026-01-31T15:00:00.000Z' });
    expect(lastMonths(new Date('2026-01-15T00:00:00.000Z'), 2).months).toEqual(['2025-12', '2026-01']);
  });
});

describe('GET /api/impact', () => {
  let t: TestApp;
  let now: Date;
  let author: TestUser;
  const users: Record<string, TestUser> = {};
  beforeEach(async () => {
    now = new Date('2026-01-05T00:00:00.000Z');
    t = await createTestApp({ now: () => now, config: LONG_SESSIONS });
    author = await t.user('author', { department: '財政課' });
    for (const [name, dept] of [['z1', '税務課'], ['z2', '税務課'], ['d1', '土木部'], ['n1', '']] as const) {
      users[name] = await t.user(name, { department: dept });
    }
  });
  afterEach(async () => { await t.close(); });

  const adoptAt = async (at: string, user: TestUser, postId: number, minutes: number) => {
    now = new Date(at);
    const res = await t.as(user, { method: 'POST', url: `/api/posts/${postId}/adoptions`, payload: { minutesSavedPerMonth: minutes } });
    if (res.statusCode !== 201) throw new Error(res.body);
  };
  const impact = async (query = '') => {
    const res = await t.as(users.z1, { method: 'GET', url: `/api/impact${query}` });
    expect(res.statusCode).toBe(200);
    return res.json();
  };

  it('totals, by department and top tips for month, year and all', async () => {
    const rpa = await postTip(t, author, { title: 'RPA' });
    const macro = await postTip(t, author, { title: 'マクロ' });
    const old = await postTip(t, author, { title: '古いコツ' });
    await adoptAt('2025-02-01T00:00:00.000Z', users.d1, old.id, 600); // over a year before "now" below
    await adoptAt('2026-02-01T00:00:00.000Z', users.z1, macro.id, 90);
    await adoptAt('2026-04-20T00:00:00.000Z', users.z1, rpa.id, 120);
    await adoptAt('2026-04-25T00:00:00.000Z', users.z2, rpa.id, 60);
    await adoptAt('2026-05-01T00:00:00.000Z', users.d1, rpa.id, 30);
    await adoptAt('2026-05-02T00:00:00.000Z', users.n1, macro.id, 15);
    now = new Date('2026-05-10T00:00:00.000Z');

    const month = await impact('?period=month');
    expect(month).toMatchObject({
      period: 'month', since: '2026-04-10T00:00:00.000Z', adoptions: 4, minutesSavedPerMonth: 225,
      byDepartment: [
        { department: '税務課', adoptions: 2, minutesSavedPerMonth: 180 },
        { department: '土木部', adoptions: 1, minutesSavedPerMonth: 30 },
        { department: '', adoptions: 1, minutesSavedPerMonth: 15 },
      ],
    });
    expect(month.topPosts.map((p: { post: { id: number }; adoptions: number; minutesSavedPerMonth: number }) =>
      [p.post.id, p.adoptions, p.minutesSavedPerMonth])).toEqual([[rpa.id, 3, 210], [macro.id, 1, 15]]);
    expect(month.topPosts[0].post).toMatchObject({ title: 'RPA', awards: [] });

    const year = await impact('?period=year');
    expect(year).toMatchObject({ adoptions: 5, minutesSavedPerMonth: 315 });
    expect(year.topPosts.map((p: { post: { id: number } }) => p.post.id)).toEqual([rpa.id, macro.id]);

    const everything = await impact();
    expect(everything).toMatchObject({ period: 'all', since: null, adoptions: 6, minutesSavedPerMonth: 915 });
    expect(everything.topPosts[0]).toMatchObject({ post: { id: old.id }, adoptions: 1, minutesSavedPerMonth: 600 });
    expect(everything.byDepartment[0]).toEqual({ department: '土木部', adoptions: 2, minutesSavedPerMonth: 630 });
    expect((await impact('?period=all&limit=1')).topPosts).toHaveLength(1);
  });

  it('a monthly series of the last 12 Japan months with a running total', async () => {
    const tip = await postTip(t, author, { title: 'RPA' });
    const other = await postTip(t, author, { title: 'マクロ' });
    await adoptAt('2025-01-10T00:00:00.000Z', users.z1, other.id, 100); // before the window: in the running total only
    await adoptAt('2026-03-31T16:00:00.000Z', users.z1, tip.id, 60); // 1 April in Japan
    await adoptAt('2026-04-15T00:00:00.000Z', users.z2, tip.id, 30);
    await adoptAt('2026-05-01T00:00:00.000Z', users.d1, tip.id, 10);
    now = new Date('2026-05-10T00:00:00.000Z');
    const { byMonth } = await impact('?period=month');
    expect(byMonth).toHaveLength(12);
    expect(byMonth[0]).toEqual({ month: '2025-06', adoptions: 0, minutesSavedPerMonth: 0, cumulativeMinutesSavedPerMonth: 100 });
    expect(byMonth.slice(-3)).toEqual([
      { month: '2026-03', adoptions: 0, minutesSavedPerMonth: 0, cumulativeMinutesSavedPerMonth: 100 },
      { month: '2026-04', adoptions: 2, minutesSavedPerMonth: 90, cumulativeMinutesSavedPerMonth: 190 },
      { month: '2026-05', adoptions: 1, minutesSavedPerMonth: 10, cumulativeMinutesSavedPerMonth: 200 },
    ]);
  });

  it('leaves out adoptions of hidden tips everywhere', async () => {
    const tip = await postTip(t, author, { title: 'RPA' });
    await adoptAt('2026-01-06T00:00:00.000Z', users.z1, tip.id, 120);
    setPostStatus(t.app.ctx, tip.id, 'hidden', 'incorrect');
    const all = await impact();
    expect(all).toMatchObject({ adoptions: 0, minutesSavedPerMonth: 0, byDepartment: [], topPosts: [] });
    expect(all.byMonth.at(-1).cumulativeMinutesSavedPerMonth).toBe(0);
  });

  it('refuses an unknown period (400) and needs a session (401)', async () => {
    expect((await t.as(users.z1, { method: 'GET', url: '/api/impact?period=week' })).statusCode).toBe(400);
    expect((await t.as(null, { method: 'GET', url: '/api/impact' })).statusCode).toBe(401);
  });
});
