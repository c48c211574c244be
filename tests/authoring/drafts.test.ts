import { describe, expect, it } from 'vitest';
import { postTip, type TestUser } from '../helpers/app';
import { useClockedApp } from '../helpers/fixture';

const { t, now, later, users: { alice, bob } } = useClockedApp({ users: { alice: {}, bob: {} } });
const draft = async (u: TestUser, title: string, extra: object = {}) => {
  const res = await t.as(u, { method: 'POST', url: '/api/posts', payload: { title, body: '下書き本文 ひみつ', tags: ['秘密タグ'], status: 'draft', ...extra } });
  expect(res.statusCode).toBe(201);
  return res.json();
};

describe('drafts', () => {
  it('are readable by their author only; everyone else gets 404, moderators and admins too', async () => {
    const d = await draft(alice, '書きかけのマクロ');
    expect(d.status).toBe('draft');
    expect((await t.as(alice, { method: 'GET', url: `/api/posts/${d.id}` })).json()).toMatchObject({ status: 'draft', title: '書きかけのマクロ' });
    const mod = await t.user('mod', { role: 'moderator' });
    for (const u of [bob, mod, t.admin]) {
      for (const url of [`/api/posts/${d.id}`, `/api/posts/${d.id}/revisions`, `/api/posts/${d.id}/revisions/1`, `/api/posts/${d.id}/diff`, `/api/posts/${d.id}/comments`]) {
        const res = await t.as(u, { method: 'GET', url });
        expect(res.statusCode, `${u.username} ${url}`).toBe(404);
      }
      expect((await t.as(u, { method: 'PATCH', url: `/api/posts/${d.id}`, payload: { title: 'x' } })).statusCode).toBe(404);
      expect((await t.as(u, { method: 'DELETE', url: `/api/posts/${d.id}` })).statusCode).toBe(404);
      expect((await t.as(u, { method: 'POST', url: `/api/posts/${d.id}/publish` })).statusCode).toBe(404);
      expect((await t.as(u, { method: 'POST', url: `/api/posts/${d.id}/comments`, payload: { body: 'x' } })).statusCode).toBe(404);
    }
  });

  it('never appear in lists, tags, search, suggestions, rankings, feeds or another member\'s drafts', async () => {
    const d = await draft(alice, '書きかけのマクロ');
    await postTip(t, alice, { title: '公開済みのマクロ', tags: ['Excel'] });
    const ids = (res: { json(): { items: { id: number }[] } }) => res.json().items.map((p) => p.id);
    expect(ids(await t.as(bob, { method: 'GET', url: '/api/posts' }))).not.toContain(d.id);
    expect(ids(await t.as(bob, { method: 'GET', url: '/api/posts?author=alice' }))).not.toContain(d.id);
    expect(ids(await t.as(alice, { method: 'GET', url: '/api/posts?author=alice' }))).not.toContain(d.id);
    expect((await t.as(bob, { method: 'GET', url: '/api/tags' })).json().items).toEqual([{ name: 'Excel', count: 1 }]);
    const search = await t.as(bob, { method: 'GET', url: `/api/search?q=${encodeURIComponent('マクロ')}` });
    expect(search.statusCode).toBe(200);
    expect(search.json().items.map((i: { title: string }) => i.title)).toEqual(['公開済みのマクロ']);
    const secret = await t.as(bob, { method: 'GET', url: `/api/search?q=${encodeURIComponent('ひみつ')}` });
    expect(secret.json().total).toBe(0);
    const suggest = (await t.as(bob, { method: 'GET', url: `/api/search/suggest?q=${encodeURIComponent('書きかけ')}` })).json();
    expect(suggest.posts).toEqual([]);
    expect(suggest.tags).toEqual([]);
    expect((await t.as(bob, { method: 'PUT', url: `/api/posts/${d.id}/like` })).statusCode).toBe(404);
    expect((await t.as(bob, { method: 'PUT', url: `/api/posts/${d.id}/bookmark` })).statusCode).toBe(404);
    const rankings = (await t.as(bob, { method: 'GET', url: '/api/rankings?period=all' })).json();
    expect(rankings.items.map((i: { post: { id: number } }) => i.post.id)).not.toContain(d.id);
    const feed = (await t.as(bob, { method: 'GET', url: '/api/feeds/tips.atom' })).body;
    expect(feed).toContain('公開済みのマクロ');
    expect(feed).not.toContain('書きかけ');
    expect((await t.as(bob, { method: 'GET', url: `/api/feeds/tips.atom?tag=${encodeURIComponent('秘密タグ')}` })).body).not.toContain('書きかけ');
    expect((await t.as(bob, { method: 'GET', url: '/api/me/drafts' })).json().items).toEqual([]);
  });

  it('lists my drafts last edited first, with paging', async () => {
    const a = await draft(alice, '一つ目');
    later(1);
    const b = await draft(alice, '二つ目');
    later(1);
    await t.as(alice, { method: 'PATCH', url: `/api/posts/${a.id}`, payload: { body: '更新' } });
    const first = (await t.as(alice, { method: 'GET', url: '/api/me/drafts?limit=1' })).json();
    expect(first.items.map((p: { id: number }) => p.id)).toEqual([a.id]);
    expect(first.items[0].status).toBe('draft');
    const second = (await t.as(alice, { method: 'GET', url: `/api/me/drafts?limit=1&cursor=${first.nextCursor}` })).json();
    expect(second.items.map((p: { id: number }) => p.id)).toEqual([b.id]);
  });

  it('folds autosaves into one revision while drafting, then publishes as new', async () => {
    const d = await draft(alice, '自動保存');
    for (let i = 1; i <= 5; i++) {
      later(1);
      const res = await t.as(alice, { method: 'PATCH', url: `/api/posts/${d.id}`, payload: { body: `本文 ${i}` } });
      expect(res.statusCode).toBe(200);
    }
    const revisions = (await t.as(alice, { method: 'GET', url: `/api/posts/${d.id}/revisions` })).json().items;
    expect(revisions).toHaveLength(1);
    // Five autosaves fold into version 1: the history starts at 1, not at 6.
    expect(revisions[0].number).toBe(1);
    later(30);
    await t.as(alice, { method: 'PATCH', url: `/api/posts/${d.id}`, payload: { body: '翌日の本文' } });
    const two = (await t.as(alice, { method: 'GET', url: `/api/posts/${d.id}/revisions` })).json().items;
    expect(two.map((r: { number: number }) => r.number)).toEqual([2, 1]);

    expect((await t.as(bob, { method: 'POST', url: `/api/posts/${d.id}/publish` })).statusCode).toBe(404);
    later(60);
    const published = await t.as(alice, { method: 'POST', url: `/api/posts/${d.id}/publish` });
    expect(published.statusCode).toBe(200);
    expect(published.json()).toMatchObject({ status: 'published', body: '翌日の本文', createdAt: now().toISOString(), updatedAt: now().toISOString() });
    expect((await t.as(alice, { method: 'POST', url: `/api/posts/${d.id}/publish` })).statusCode).toBe(409);
    // Now it is a tip like any other: found, listed, counted, and every save is a revision.
    expect((await t.as(bob, { method: 'GET', url: `/api/posts/${d.id}` })).statusCode).toBe(200);
    expect((await t.as(bob, { method: 'GET', url: '/api/posts' })).json().items.map((p: { id: number }) => p.id)).toEqual([d.id]);
    expect((await t.as(bob, { method: 'GET', url: '/api/tags' })).json().items).toEqual([{ name: '秘密タグ', count: 1 }]);
    expect((await t.as(bob, { method: 'GET', url: `/api/search?q=${encodeURIComponent('翌日')}` })).json().total).toBe(1);
    expect((await t.as(alice, { method: 'GET', url: '/api/me/drafts' })).json().items).toEqual([]);
    later(1);
    await t.as(alice, { method: 'PATCH', url: `/api/posts/${d.id}`, payload: { body: '公開後1' } });
    later(1);
    await t.as(alice, { method: 'PATCH', url: `/api/posts/${d.id}`, payload: { body: '公開後2' } });
    expect((await t.as(alice, { method: 'GET', url: `/api/posts/${d.id}/revisions` })).json().items).toHaveLength(4);
  });

  it('refuses to publish a tip that is already published and refuses unknown statuses', async () => {
    const tip = await postTip(t, alice, { title: '公開' });
    expect((await t.as(alice, { method: 'POST', url: `/api/posts/${tip.id}/publish` })).statusCode).toBe(409);
    const hidden = await t.as(alice, { method: 'POST', url: '/api/posts', payload: { title: 'x', body: '', tags: [], status: 'hidden' } });
    expect(hidden.statusCode).toBe(400);
  });
});
