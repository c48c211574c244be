import { afterEach, beforeAll, afterAll, describe, expect, it } from 'vitest';
import { setPostStatus } from '../../server/posts/service';
import type { TestApp, TestUser } from '../helpers/app';
import { clockedApp, getJson, members, postTip, view } from './helpers';

/** Issue 18 item 9: the ranking pages its list, filters by any department, and ranks departments. */
interface Ranking { items: { rank: number; post: { id: number; title: string }; views: number }[]; nextCursor: string | null }
interface Board { period: string; from: string | null; to: string; items: { department: string; tips: number; views: number; adoptionsReceived: number; adoptionsReported: number }[] }

let t: TestApp;
let clock: { set(iso: string): void };
let dan: TestUser;
let readers: TestUser[];

/**
 * alice, carol (財政課), bob (税務課), erin (企画課), dan (財政課, the reader), r0–r3 (総務課).
 * A, B, C, G written 2026-03-01; E, F on 2026-04-10 (today). Views all today:
 * A 3, C 2, B 2, F 1, E 1, D 1; G (税務課) 4 views, then hidden.
 */
beforeAll(async () => {
  ({ t, clock } = await clockedApp('2026-03-01T12:00:00+09:00'));
  const alice = await t.user('alice', { department: '財政課' });
  const bob = await t.user('bob', { department: '税務課' });
  const erin = await t.user('erin', { department: '企画課' });
  dan = await t.user('dan', { department: '財政課' });
  readers = await members(t, 'r', 4, '総務課');
  const tips: Record<string, { id: number }> = {};
  for (const [k, who] of [['A', alice], ['B', bob], ['C', alice], ['D', bob], ['G', bob]] as const) tips[k] = await postTip(t, who, { title: k });
  clock.set('2026-04-10T10:00:00+09:00');
  for (const [k, who] of [['E', erin], ['F', erin]] as const) tips[k] = await postTip(t, who, { title: k });
  const views = async (k: string, n: number) => { for (const r of readers.slice(0, n)) await view(t, r, tips[k].id); };
  await views('A', 3); await views('C', 2); await views('B', 2); await views('F', 1); await views('E', 1); await views('D', 1); await views('G', 4);
  setPostStatus(t.app.ctx, tips.G.id, 'hidden', '確認中');
  const adopt = (u: TestUser, k: string, payload: Record<string, unknown>) =>
    t.as(u, { method: 'POST', url: `/api/posts/${tips[k].id}/adoptions`, payload });
  await adopt(readers[0], 'A', { minutesSavedPerMonth: 30 });
  await adopt(readers[1], 'B', { usesPerMonth: 2, minutesSavedPerUse: 10 });
  await adopt(erin, 'A', { usesPerMonth: 1, minutesSavedPerUse: 5 });
}, 600_000);
afterAll(async () => { await t.close(); });
afterEach(() => undefined);

const rank = (q: string) => getJson<Ranking>(t, dan, `/api/rankings?${q}`);

/** Every page of a ranking, following nextCursor. */
async function allPages(q: string, limit: number) {
  const pages: Ranking[] = [];
  let cursor: string | null = null;
  do {
    const page: Ranking = await rank(`${q}&limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    pages.push(page);
    cursor = page.nextCursor;
  } while (cursor && pages.length < 20);
  return pages;
}

describe('GET /api/rankings pages', () => {
  it.each(['all', 'week'])('pages the %s ranking without duplicates or gaps, ranks going on across pages', async (period) => {
    const whole = await rank(`period=${period}&limit=100`);
    expect(whole.items.map((i) => i.post.title)).toEqual(['A', 'C', 'B', 'F', 'E', 'D']);
    expect(whole.nextCursor).toBeNull();
    const pages = await allPages(`period=${period}`, 2);
    expect(pages.map((p) => p.items.map((i) => i.post.title))).toEqual([['A', 'C'], ['B', 'F'], ['E', 'D']]);
    expect(pages.flatMap((p) => p.items.map((i) => [i.rank, i.post.title, i.views])))
      .toEqual(whole.items.map((i) => [i.rank, i.post.title, i.views]));
    expect(pages.flatMap((p) => p.items.map((i) => i.rank))).toEqual([1, 2, 3, 4, 5, 6]);
    expect(pages.at(-1)!.nextCursor).toBeNull();
    // Page sizes that do not divide the list evenly give the same list.
    expect((await allPages(`period=${period}`, 4)).flatMap((p) => p.items.map((i) => i.post.title))).toEqual(['A', 'C', 'B', 'F', 'E', 'D']);
  });

  it('filters by any department, not only the reader\'s, and pages it', async () => {
    expect((await rank('period=all&department=企画課')).items.map((i) => i.post.title)).toEqual(['F', 'E']);
    const pages = await allPages('period=all&department=税務課', 1);
    expect(pages.map((p) => p.items.map((i) => [i.rank, i.post.title]))).toEqual([[[1, 'B']], [[2, 'D']]]);
    expect((await rank('period=all&department=存在しない課')).items).toEqual([]);
  });

  it('refuses a forged cursor (400 cursor_invalid)', async () => {
    for (const cursor of ['nope', Buffer.from('["a",1,2,3]').toString('base64url'), Buffer.from('[1,2,3]').toString('base64url')]) {
      const res = await t.as(dan, { method: 'GET', url: `/api/rankings?period=all&cursor=${cursor}` });
      expect(res.statusCode, cursor).toBe(400);
      expect(res.json().reason).toBe('cursor_invalid');
    }
  });
});

describe('GET /api/rankings/departments (department leaderboard)', () => {
  const rows = (b: Board) => b.items.map((d) => [d.department, d.views, d.tips, d.adoptionsReceived, d.adoptionsReported]);

  it('gives every department its views, tips written and adoptions for all time, hidden tips left out', async () => {
    const all = await getJson<Board>(t, dan, '/api/rankings/departments?period=all');
    expect(all).toMatchObject({ period: 'all', from: null, to: '2026-04-10' });
    expect(rows(all)).toEqual([
      ['財政課', 5, 2, 2, 0],
      ['税務課', 3, 2, 1, 0],
      ['企画課', 2, 2, 0, 1],
      ['総務課', 0, 0, 0, 2],
      ['デジタル推進課', 0, 0, 0, 0], // the test app's administrator: listed, so it can be chosen
    ]);
  });

  it('counts only the period: tips written this week, views and reports in it', async () => {
    const week = await getJson<Board>(t, dan, '/api/rankings/departments?period=week');
    expect(week).toMatchObject({ period: 'week', from: '2026-04-04', to: '2026-04-10' });
    expect(rows(week)).toEqual([
      ['財政課', 5, 0, 2, 0],
      ['税務課', 3, 0, 1, 0],
      ['企画課', 2, 2, 0, 1],
      ['総務課', 0, 0, 0, 2],
      ['デジタル推進課', 0, 0, 0, 0], // the test app's administrator: listed, so it can be chosen
    ]);
    // A month later nothing falls in the week.
    clock.set('2026-05-20T10:00:00+09:00');
    const later = await getJson<Board>(t, dan, '/api/rankings/departments?period=week');
    expect(later.items.every((d) => d.views + d.tips + d.adoptionsReceived + d.adoptionsReported === 0)).toBe(true);
    expect(later.items.map((d) => d.department).sort()).toEqual(['デジタル推進課', '企画課', '総務課', '税務課', '財政課'].sort());
    clock.set('2026-04-10T10:00:00+09:00');
  });

  it('needs a session and a known period', async () => {
    expect((await t.as(null, { method: 'GET', url: '/api/rankings/departments' })).statusCode).toBe(401);
    expect((await t.as(dan, { method: 'GET', url: '/api/rankings/departments?period=decade' })).statusCode).toBe(400);
  });
});
