import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, postTip, type TestApp, type TestUser } from '../helpers/app';
import { hide, ok, restore } from './helpers';

let t: TestApp;
afterEach(async () => { await t?.close(); });

async function findable(t: TestApp, viewer: TestUser, word: string, tag: string) {
  const get = (url: string) => ok(t, viewer, 200, { method: 'GET', url });
  const search = await get(`/api/search?q=${encodeURIComponent(word)}`);
  const byTag = await get(`/api/search?tag=${encodeURIComponent(tag)}`);
  const suggest = await get(`/api/search/suggest?q=${encodeURIComponent(word)}`);
  return {
    search: { total: search.total, ids: search.items.map((i: { id: number }) => i.id) },
    byTag: byTag.items.map((i: { id: number }) => i.id),
    suggestPosts: suggest.posts.map((p: { id: number }) => p.id),
    suggestTags: suggest.tags as { name: string; count: number }[],
  };
}

describe('hidden tips and search', () => {
  it('leave search, tag search and suggestions in the same request that hides them, and come back on restore', async () => {
    t = await createTestApp();
    const author = await t.user('author');
    const member = await t.user('member');
    const tip = await postTip(t, author, { title: '勤怠集計マクロ', body: '勤怠の集計を自動化する', tags: ['勤怠'] });
    const before = await findable(t, member, '勤怠', '勤怠');
    expect(before.search.ids).toEqual([tip.id]);
    expect(before.byTag).toEqual([tip.id]);
    expect(before.suggestPosts).toContain(tip.id);

    await hide(t, t.admin, tip.id, '確認中');
    const during = await findable(t, member, '勤怠', '勤怠');
    expect(during.search).toEqual({ total: 0, ids: [] });
    expect(during.byTag).toEqual([]);
    expect(during.suggestPosts).toEqual([]);
    expect(during.suggestTags.filter((x) => x.count > 0).map((x) => x.name)).not.toContain('勤怠');
    // Moderators do not find it through search either: the queue and the tip page are their way in.
    expect((await findable(t, t.admin, '勤怠', '勤怠')).search.total).toBe(0);

    await restore(t, t.admin, tip.id);
    expect(await findable(t, member, '勤怠', '勤怠')).toEqual(before);
  });
});
