import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, postTip, type TestApp, type TestUser } from '../helpers/app';
import { hide, ok, restore } from './helpers';

let t: TestApp;
afterEach(async () => { await t?.close(); });

/** Everything but search and plain lists (covered elsewhere) that could show or count a tip. */
async function everywhere(t: TestApp, viewer: TestUser, tag: string, department: string) {
  const get = (url: string) => ok(t, viewer, 200, { method: 'GET', url });
  const ranked = async (query: string) => (await get(`/api/rankings?${query}`)).items
    .map((i: { post: { id: number }; views: number; likes: number }) => [i.post.id, i.views, i.likes]);
  const feed = async (url: string) => (await t.as(viewer, { method: 'GET', url })).body;
  return {
    week: await ranked('period=week'),
    month: await ranked('period=month'),
    year: await ranked('period=year'),
    all: await ranked('period=all'),
    byTag: await ranked(`period=all&tag=${encodeURIComponent(tag)}`),
    byDepartment: await ranked(`period=all&department=${encodeURIComponent(department)}`),
    otherDepartments: (await get('/api/rankings/other-departments')).items.map((i: { post: { id: number } }) => i.post.id),
    bookmarks: (await get('/api/me/bookmarks')).items.map((p: { id: number }) => p.id),
    feed: await feed('/api/feeds/tips.atom'),
    tagFeed: await feed(`/api/feeds/tips.atom?tag=${encodeURIComponent(tag)}`),
  };
}

describe('hidden tips in rankings, bookmarks and feeds', () => {
  it('leave every ranking, the bookmarks list and the feeds, and come back with their views and likes on restore', async () => {
    t = await createTestApp();
    const author = await t.user('author', { department: '財政課' });
    const reader = await t.user('reader', { department: '総務課' });
    const other = await t.user('other', { department: '総務課' });
    const tip = await postTip(t, author, { title: '予算要求書の様式チェック', tags: ['予算'] });
    for (const u of [reader, other]) {
      await ok(t, u, 200, { method: 'POST', url: `/api/posts/${tip.id}/views` });
      await ok(t, u, 200, { method: 'PUT', url: `/api/posts/${tip.id}/like` });
    }
    await ok(t, reader, 200, { method: 'PUT', url: `/api/posts/${tip.id}/bookmark` });

    const before = await everywhere(t, reader, '予算', '財政課');
    for (const k of ['week', 'month', 'year', 'all', 'byTag', 'byDepartment'] as const) expect(before[k]).toEqual([[tip.id, 2, 2]]);
    expect(before.otherDepartments).toEqual([tip.id]);
    expect(before.bookmarks).toEqual([tip.id]);
    expect(before.feed).toContain('予算要求書の様式チェック');
    expect(before.tagFeed).toContain('予算要求書の様式チェック');

    await hide(t, t.admin, tip.id, '確認中');
    const during = await everywhere(t, reader, '予算', '財政課');
    for (const k of ['week', 'month', 'year', 'all', 'byTag', 'byDepartment', 'otherDepartments', 'bookmarks'] as const) {
      expect(during[k], k).toEqual([]);
    }
    expect(during.feed).not.toContain('予算要求書の様式チェック');
    expect(during.tagFeed).not.toContain('予算要求書の様式チェック');
    // A moderator's view of the listings is no different.
    expect((await everywhere(t, t.admin, '予算', '財政課')).all).toEqual([]);

    await restore(t, t.admin, tip.id);
    expect(await everywhere(t, reader, '予算', '財政課')).toEqual(before);
  });

  it('do not take views or likes while hidden', async () => {
    t = await createTestApp();
    const author = await t.user('author');
    const reader = await t.user('reader');
    const tip = await postTip(t, author, { title: 'x' });
    await hide(t, t.admin, tip.id);
    expect((await t.as(reader, { method: 'POST', url: `/api/posts/${tip.id}/views` })).statusCode).toBe(404);
    expect((await t.as(reader, { method: 'PUT', url: `/api/posts/${tip.id}/like` })).statusCode).toBe(404);
    expect((await t.as(reader, { method: 'PUT', url: `/api/posts/${tip.id}/bookmark` })).statusCode).toBe(404);
    await restore(t, t.admin, tip.id);
    const post = await ok(t, reader, 200, { method: 'GET', url: `/api/posts/${tip.id}` });
    expect([post.viewCount, post.likeCount]).toEqual([0, 0]);
  });
});
