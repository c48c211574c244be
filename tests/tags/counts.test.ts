import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, postTip, type TestApp } from '../helpers/app';

/** Tag counts are kept by triggers (migrations/0008_tag_counts.sql); they must equal a recount. */
describe('tag counts follow every write', () => {
  let t: TestApp;
  afterEach(async () => { await t?.close(); });

  const stored = () => Object.fromEntries(
    (t.db.prepare('SELECT name, post_count FROM tags ORDER BY name').all() as { name: string; post_count: number }[])
      .map((r) => [r.name, r.post_count]));
  const truth = () => Object.fromEntries(
    (t.db.prepare(`SELECT t.name, (SELECT count(*) FROM post_tags pt JOIN posts p ON p.id = pt.post_id
        WHERE pt.tag_id = t.id AND p.status = 'published') AS n FROM tags t ORDER BY t.name`).all() as { name: string; n: number }[])
      .map((r) => [r.name, r.n]));

  it('through create, retag, hide, restore, delete, drafts and merge', async () => {
    t = await createTestApp();
    const sato = await t.user('sato');
    const mod = await t.user('mori', { role: 'moderator' });
    const a = await postTip(t, sato, { title: 'A', tags: ['Excel', '関数'] });
    const b = await postTip(t, sato, { title: 'B', tags: ['excel', 'VBA'] });
    expect(stored()).toEqual({ Excel: 2, 関数: 1, VBA: 1 });

    await t.as(sato, { method: 'PATCH', url: `/api/posts/${a.id}`, payload: { tags: ['VBA', 'PDF'] } });
    expect(stored()).toMatchObject({ Excel: 1, 関数: 0, VBA: 2, PDF: 1 });

    expect((await t.as(mod, { method: 'POST', url: `/api/posts/${b.id}/hide`, payload: { reason: '確認中' } })).statusCode).toBe(200);
    expect(stored()).toMatchObject({ Excel: 0, VBA: 1 });
    // Retagging a hidden tip changes nothing that is counted.
    await t.as(sato, { method: 'PATCH', url: `/api/posts/${b.id}`, payload: { tags: ['Excel', 'PDF'] } });
    expect(stored()).toMatchObject({ Excel: 0, PDF: 1 });
    expect((await t.as(mod, { method: 'POST', url: `/api/posts/${b.id}/restore` })).statusCode).toBe(200);
    expect(stored()).toMatchObject({ Excel: 1, PDF: 2, VBA: 1 });

    const draft = await t.as(sato, { method: 'POST', url: '/api/posts', payload: { title: 'D', body: '', tags: ['下書きタグ', 'PDF'], status: 'draft' } });
    expect(draft.statusCode).toBe(201);
    expect(stored()).toMatchObject({ 下書きタグ: 0, PDF: 2 });
    expect((await t.as(sato, { method: 'POST', url: `/api/posts/${draft.json().id}/publish` })).statusCode).toBe(200);
    expect(stored()).toMatchObject({ 下書きタグ: 1, PDF: 3 });

    expect((await t.as(mod, { method: 'POST', url: '/api/tags/merge', payload: { from: ['PDF'], into: 'VBA' } })).statusCode).toBe(200);
    expect(stored()).toEqual(truth());
    expect(stored().VBA).toBe(3);

    expect((await t.as(sato, { method: 'DELETE', url: `/api/posts/${a.id}` })).statusCode).toBe(204);
    await t.as(mod, { method: 'POST', url: `/api/posts/${b.id}/hide`, payload: { reason: '重複' } });
    expect((await t.as(sato, { method: 'DELETE', url: `/api/posts/${b.id}` })).statusCode).toBe(204);
    expect(stored()).toEqual(truth());
    expect(stored()).toMatchObject({ Excel: 0, VBA: 1, 下書きタグ: 1 });
  });
});
