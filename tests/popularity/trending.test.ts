import { afterEach, describe, expect, it } from 'vitest';
import { setPostStatus } from '../../server/posts/service';
import { HALF_LIFE_DAYS, NO_TREND, scoreAt } from '../../server/popularity/trend';
import type { TestApp } from '../helpers/app';
import { clockedApp, getJson, ids, members, postTip, view } from './helpers';

let t: TestApp;
afterEach(async () => { await t.close(); });

const trendOf = (id: number) => t.db.prepare('SELECT trend FROM posts WHERE id = ?').pluck().get(id) as number;
const list = async (who: Parameters<typeof getJson>[1], query: string) =>
  (await getJson<{ items: { id: number; title: string }[]; nextCursor: string | null }>(t, who, `/api/posts?${query}`));

describe('GET /api/posts?sort=trending', () => {
  it('puts a tip many read this week above an old tip read more long ago; likes count five views', async () => {
    const c = await clockedApp('2026-02-09T12:00:00+09:00');
    t = c.t;
    const author = await t.user('author');
    const readers = await members(t, 'r', 12);
    const old = await postTip(t, author, { title: 'old' });
    for (const r of readers) await view(t, r, old.id);
    c.clock.set('2026-04-10T10:00:00+09:00');
    const fresh = await postTip(t, author, { title: 'fresh' });
    const liked = await postTip(t, author, { title: 'liked' });
    const quiet = await postTip(t, author, { title: 'quiet' });
    for (const r of readers.slice(0, 4)) await view(t, r, fresh.id);
    await view(t, readers[0], liked.id);

    expect(ids((await list(readers[0], 'sort=popular')).items).slice(0, 2)).toEqual([old.id, fresh.id]);
    expect(ids((await list(readers[0], 'sort=trending')).items)).toEqual([fresh.id, liked.id, old.id, quiet.id]);
    const now = Date.parse('2026-04-10T10:00:00+09:00');
    expect(scoreAt(trendOf(fresh.id), now)).toBeCloseTo(4, 6);
    // 12 views about 60 days (20 half-lives) ago are worth about 12 / 2^20 today.
    const age = (now - Date.parse('2026-02-09T12:00:00+09:00')) / 86_400_000;
    expect(scoreAt(trendOf(old.id), now) / (12 / 2 ** (age / HALF_LIFE_DAYS))).toBeCloseTo(1, 9);
    expect(trendOf(quiet.id)).toBe(NO_TREND);

    const before = trendOf(liked.id);
    expect((await t.as(readers[1], { method: 'PUT', url: `/api/posts/${liked.id}/like` })).statusCode).toBe(200);
    expect(scoreAt(trendOf(liked.id), now)).toBeCloseTo(6, 6);
    expect(ids((await list(readers[0], 'sort=trending')).items)).toEqual([liked.id, fresh.id, old.id, quiet.id]);
    await t.as(readers[1], { method: 'DELETE', url: `/api/posts/${liked.id}/like` });
    expect(trendOf(liked.id)).toBeCloseTo(before, 9);
    expect(ids((await list(readers[0], 'sort=trending')).items)).toEqual([fresh.id, liked.id, old.id, quiet.id]);

    // Two days later the order holds without any recomputation, and the scores have decayed.
    c.clock.set('2026-04-12T10:00:00+09:00');
    expect(scoreAt(trendOf(fresh.id), Date.parse('2026-04-12T10:00:00+09:00'))).toBeCloseTo(4 / 2 ** (2 / HALF_LIFE_DAYS), 6);

    // Pages follow the same order without repeats.
    const seen: number[] = [];
    let cursor: string | null = '';
    do {
      const page = await list(readers[0], `sort=trending&limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...ids(page.items));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual([fresh.id, liked.id, old.id, quiet.id]);

    // Rebuilding from the daily totals (views at noon of their day) keeps the order.
    t.app.ctx.popularity.rebuildTrend();
    expect(ids((await list(readers[0], 'sort=trending')).items)).toEqual([fresh.id, liked.id, old.id, quiet.id]);
    expect(trendOf(quiet.id)).toBe(NO_TREND);
  });

  it('leaves hidden tips out', async () => {
    const c = await clockedApp('2026-04-10T10:00:00+09:00');
    t = c.t;
    const [author, reader] = await members(t, 'u', 2);
    const a = await postTip(t, author, { title: 'a' });
    const b = await postTip(t, author, { title: 'b' });
    await view(t, reader, a.id);
    setPostStatus(t.app.ctx, a.id, 'hidden', '確認中');
    expect(ids((await list(reader, 'sort=trending')).items)).toEqual([b.id]);
  });
});
