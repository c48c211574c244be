import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setPostStatus } from '../../server/posts/service';
import type { TestApp, TestUser } from '../helpers/app';
import { clockedApp, getJson, members, postTip, view } from './helpers';

interface Ranking { period: string; from: string | null; to: string; items: { rank: number; post: { id: number; title: string }; views: number; likes: number }[] }

let t: TestApp;
let clock: { set(iso: string): void };
let readers: TestUser[];
let tips: Record<string, { id: number }>;
let dan: TestUser;

const titles = (r: Ranking) => r.items.map((i) => i.post.title);
const rank = (query: string, who: TestUser = dan) => getJson<Ranking>(t, who, `/api/rankings?${query}`);

/**
 * A crafted history, today being 2026-04-10 (Japan):
 *   A (財政課, Excel)  6 views on 03-01
 *   B (税務課, VBA)    4 views on 03-25, 1 on 04-08, 1 like
 *   C (財政課, Excel)  2 views on 03-25, 2 on 04-08, 1 on 04-10
 *   D (税務課)         2 views on 04-08
 *   E (企画課)         1 view on 04-08
 *   H (企画課)         4 views on 04-10, then hidden
 */
beforeEach(async () => {
  ({ t, clock } = await clockedApp('2026-03-01T12:00:00+09:00'));
  const alice = await t.user('alice', { department: '財政課' });
  const bob = await t.user('bob', { department: '税務課' });
  const carol = await t.user('carol', { department: '財政課' });
  const erin = await t.user('erin', { department: '企画課' });
  dan = await t.user('dan', { department: '財政課' });
  readers = await members(t, 'r', 6, '総務課');
  tips = {
    A: await postTip(t, alice, { title: 'A', tags: ['Excel'] }),
    B: await postTip(t, bob, { title: 'B', tags: ['VBA'] }),
    C: await postTip(t, carol, { title: 'C', tags: ['excel'] }),
    D: await postTip(t, bob, { title: 'D' }),
    E: await postTip(t, erin, { title: 'E' }),
    H: await postTip(t, erin, { title: 'H', tags: ['Excel'] }),
  };
  const views = async (tip: string, n: number) => { for (const r of readers.slice(0, n)) await view(t, r, tips[tip].id); };
  await views('A', 6);
  clock.set('2026-03-25T12:00:00+09:00');
  await views('B', 4);
  await views('C', 2);
  clock.set('2026-04-08T12:00:00+09:00');
  await views('B', 1);
  await views('C', 2);
  await views('D', 2);
  await views('E', 1);
  await t.as(readers[5], { method: 'PUT', url: `/api/posts/${tips.B.id}/like` });
  clock.set('2026-04-10T09:00:00+09:00');
  await views('C', 1);
  await views('H', 4);
  setPostStatus(t.app.ctx, tips.H.id, 'hidden', '確認中');
});
afterEach(async () => { await t.close(); });

describe('GET /api/rankings', () => {
  it('ranks by views in the period, then likes, never hidden tips', async () => {
    const week = await rank('period=week');
    expect(week).toMatchObject({ period: 'week', from: '2026-04-04', to: '2026-04-10' });
    expect(week.items.map((i) => [i.post.title, i.views, i.likes])).toEqual([['C', 3, 0], ['D', 2, 0], ['B', 1, 1], ['E', 1, 0]]);
    expect(week.items.map((i) => i.rank)).toEqual([1, 2, 3, 4]);
    const month = await rank('period=month');
    expect(month.from).toBe('2026-03-12');
    expect(month.items.map((i) => [i.post.title, i.views])).toEqual([['B', 5], ['C', 5], ['D', 2], ['E', 1]]);
    expect(titles(await rank('period=year'))).toEqual(['A', 'B', 'C', 'D', 'E']);
    const all = await rank('period=all');
    expect(all.from).toBeNull();
    expect(all.items.map((i) => [i.post.title, i.views])).toEqual([['A', 6], ['B', 5], ['C', 5], ['D', 2], ['E', 1]]);
    expect(titles(await rank(''))).toEqual(titles(week)); // week is the default
    expect(titles(await rank('period=all&limit=2'))).toEqual(['A', 'B']);
  });

  it('shows a hide, a like and a new view at once, though rankings are remembered', async () => {
    expect(titles(await rank('period=week'))).toEqual(['C', 'D', 'B', 'E']);
    await t.as(readers[4], { method: 'PUT', url: `/api/posts/${tips.E.id}/like` });
    expect(titles(await rank('period=week'))).toEqual(['C', 'D', 'E', 'B']); // E and B: 1 view, 1 like; E is newer
    setPostStatus(t.app.ctx, tips.C.id, 'hidden', '確認中');
    expect(titles(await rank('period=week'))).toEqual(['D', 'E', 'B']);
    await view(t, readers[5], tips.B.id);
    expect(titles(await rank('period=week'))).toEqual(['B', 'D', 'E']);
  });

  it('narrows to a tag (any spelling) or to the author\'s department', async () => {
    expect(titles(await rank('period=week&tag=EXCEL'))).toEqual(['C']);
    expect(titles(await rank('period=year&tag=Excel'))).toEqual(['A', 'C']);
    expect(titles(await rank('period=year&department=財政課'))).toEqual(['A', 'C']);
    expect(titles(await rank(`period=week&department=${encodeURIComponent('税務課')}`))).toEqual(['D', 'B']);
    expect((await rank('period=year&tag=nothing')).items).toEqual([]);
    for (const q of ['period=day', 'limit=0', 'limit=101', 'extra=1']) {
      expect((await t.as(dan, { method: 'GET', url: `/api/rankings?${q}` })).statusCode, q).toBe(400);
    }
  });

  it('moves its windows day by day exactly as a fresh sum would', async () => {
    clock.set('2026-04-15T08:00:00+09:00');
    expect((await rank('period=week')).items.map((i) => [i.post.title, i.views])).toEqual([['C', 1]]);
    clock.set('2026-04-25T08:00:00+09:00');
    expect(titles(await rank('period=week'))).toEqual([]);
    expect(titles(await rank('period=month'))).toEqual(['C', 'D', 'B', 'E']);
    await view(t, readers[0], tips.E.id);
    const snapshot = () => t.db.prepare('SELECT period, post_id, views, likes FROM post_window_views ORDER BY 1, 2').all();
    const moved = snapshot();
    t.app.ctx.views.windows.rebuildAll('2026-04-25');
    expect(snapshot()).toEqual(moved);
    expect(titles(await rank('period=week'))).toEqual(['E']);
    // A clock that goes back sums afresh rather than subtracting.
    clock.set('2026-04-09T08:00:00+09:00');
    expect(titles(await rank('period=week'))).toEqual(['D', 'C', 'B', 'E']); // C and D tie on views and likes: newer first
  });
});

describe('GET /api/rankings/other-departments', () => {
  it('leaves out my department and my tips, at most perDepartment from one department', async () => {
    const capped = await getJson<{ period: string; items: { department: string; post: { title: string } }[] }>(
      t, dan, '/api/rankings/other-departments?limit=2&perDepartment=1');
    expect(capped.period).toBe('week');
    expect(capped.items.map((i) => [i.post.title, i.department])).toEqual([['D', '税務課'], ['E', '企画課']]);
    const widened = await getJson<{ period: string; items: { post: { title: string } }[] }>(t, dan, '/api/rankings/other-departments?limit=5');
    expect(widened.period).toBe('month');
    expect(widened.items.map((i) => i.post.title)).toEqual(['B', 'D', 'E']);
    // bob (税務課) sees the 財政課 and 企画課 tips, never his own.
    const bobs = await getJson<{ items: { post: { title: string } }[] }>(t, readers[0], '/api/rankings/other-departments?limit=3');
    expect(bobs.items.map((i) => i.post.title)).toEqual(['C', 'D', 'B']);
  });
});
