import { afterEach, describe, expect, it } from 'vitest';
import type { TestApp } from '../helpers/app';
import { clockedApp, getJson, members, postTip, view } from './helpers';

let t: TestApp;
afterEach(async () => { await t.close(); });

interface Stats {
  monthStart: string;
  today: string;
  totals: Record<string, number>;
  daily: { day: string; views: number }[];
  items: { post: { id: number; title: string }; views: number; viewsThisMonth: number; uniqueViewers: number; likes: number; likesThisMonth: number; bookmarks: number }[];
}

describe('GET /api/me/stats', () => {
  it('gives my views and likes this month (Japan) and overall, a daily series and per-tip numbers', async () => {
    const c = await clockedApp('2026-03-28T12:00:00+09:00');
    t = c.t;
    const alice = await t.user('alice');
    const bob = await t.user('bob');
    const [r0, r1, r2] = await members(t, 'r', 3);
    const first = await postTip(t, alice, { title: 'first' });
    const second = await postTip(t, alice, { title: 'second' });
    const bobs = await postTip(t, bob, { title: 'bob' });
    await view(t, r0, first.id);
    await view(t, r1, first.id);
    await view(t, r0, bobs.id);
    c.clock.set('2026-03-31T23:30:00+09:00'); // still March in Japan
    await t.as(r0, { method: 'PUT', url: `/api/posts/${first.id}/like` });
    c.clock.set('2026-04-01T00:30:00+09:00'); // April in Japan, March 31 in UTC
    await t.as(r1, { method: 'PUT', url: `/api/posts/${first.id}/like` });
    await t.as(r2, { method: 'PUT', url: `/api/posts/${first.id}/bookmark` });
    c.clock.set('2026-04-02T12:00:00+09:00');
    for (const r of [r0, r1, r2]) await view(t, r, first.id);
    c.clock.set('2026-04-10T08:00:00+09:00');
    await view(t, r2, second.id);
    await t.as(r2, { method: 'PUT', url: `/api/posts/${second.id}/like` });

    const stats = await getJson<Stats>(t, alice, '/api/me/stats?days=14');
    expect(stats.monthStart).toBe('2026-04-01');
    expect(stats.today).toBe('2026-04-10');
    expect(stats.totals).toEqual({ tips: 2, views: 6, viewsThisMonth: 4, uniqueViewers: 3, likes: 3, likesThisMonth: 2, bookmarks: 1 });
    expect(stats.items.map((i) => [i.post.title, i.views, i.viewsThisMonth, i.uniqueViewers, i.likes, i.likesThisMonth, i.bookmarks]))
      .toEqual([['first', 5, 3, 3, 2, 1, 1], ['second', 1, 1, 1, 1, 1, 0]]);
    expect(stats.daily).toHaveLength(14);
    expect(stats.daily[0]).toEqual({ day: '2026-03-28', views: 2 });
    expect(stats.daily.filter((d) => d.views > 0)).toEqual([
      { day: '2026-03-28', views: 2 }, { day: '2026-04-02', views: 3 }, { day: '2026-04-10', views: 1 },
    ]);
    const one = await getJson<Stats>(t, alice, `/api/me/stats?postId=${second.id}`);
    expect(one.daily).toHaveLength(30);
    expect(one.daily.filter((d) => d.views > 0)).toEqual([{ day: '2026-04-10', views: 1 }]);
    expect((await t.as(alice, { method: 'GET', url: `/api/me/stats?postId=${bobs.id}` })).statusCode).toBe(404);
    expect((await t.as(alice, { method: 'GET', url: '/api/me/stats?days=3' })).statusCode).toBe(400);
    const empty = await getJson<Stats>(t, r0, '/api/me/stats');
    expect(empty.totals).toEqual({ tips: 0, views: 0, viewsThisMonth: 0, uniqueViewers: 0, likes: 0, likesThisMonth: 0, bookmarks: 0 });
    expect(empty.daily.every((d) => d.views === 0)).toBe(true);
  });
});
