import fastJsonStringify from 'fast-json-stringify';
import { afterEach, describe, expect, it } from 'vitest';
import { presentPost } from '../../server/posts/presenter';
import { presentPage } from '../../server/posts/page';
import { Post } from '../../server/posts/schemas';
import { createTestApp, postTip, type TestApp } from '../helpers/app';

let t: TestApp | undefined;
afterEach(async () => { await t?.close(); t = undefined; });

// GET /api/posts/:id reads a tip in one statement (server/posts/page.ts); every other answer
// uses the general presenter. The two must never disagree, in every state a tip can be in.
describe('the one-statement tip page', () => {
  it('answers exactly what the general presenter answers', async () => {
    t = await createTestApp();
    const ctx = t.app.ctx;
    const alice = await t.user('alice');
    const bob = await t.user('bob');
    const tip = await postTip(t, alice, { title: 'VLOOKUPの使い方', body: '# 見出し\n本文', tags: ['Excel', '関数', 'VBA'] });
    const bare = await postTip(t, alice, { title: 'タグなし', body: '' });
    const same = (id: number, viewer: { id: number }) => {
      const user = ctx.users.byId(viewer.id)!;
      const expected = presentPost(ctx, ctx.posts.byId(id)!, user);
      expect(presentPage(ctx.postPages.read(id, viewer.id)!, ctx.config.staleAfterDays)).toStrictEqual(expected);
      return expected;
    };
    expect(same(bare.id, bob)).toMatchObject({ tags: [], awards: [], commentCount: 0, revision: 1, likedByMe: false });

    expect((await t.as(bob, { method: 'PUT', url: `/api/posts/${tip.id}/like` })).statusCode).toBe(200);
    expect((await t.as(bob, { method: 'PUT', url: `/api/posts/${tip.id}/bookmark` })).statusCode).toBe(200);
    for (const body of ['一つ目', '二つ目']) {
      expect((await t.as(bob, { method: 'POST', url: `/api/posts/${tip.id}/comments`, payload: { body } })).statusCode).toBe(201);
    }
    const first = t.db.prepare('SELECT min(id) FROM comments').pluck().get();
    t.db.prepare("UPDATE comments SET status = 'hidden' WHERE id = ?").run(first);
    expect((await t.as(alice, { method: 'PATCH', url: `/api/posts/${tip.id}`, payload: { body: '# 見出し\n本文を直した', tags: ['関数', 'Excel'] } })).statusCode).toBe(200);
    // Two published award rounds and one not yet published: only the published badges, newest first.
    const now = new Date().toISOString();
    const round = t.db.prepare(`INSERT INTO award_rounds (title, phase, created_at, updated_at, published_at) VALUES (?, ?, ?, ?, ?)`);
    const nominate = t.db.prepare(`INSERT INTO award_nominations (round_id, post_id, category, statement, nominated_by, created_at, prize, prize_order)
      VALUES (?, ?, '業務改善', '推薦', ?, ?, ?, 1)`);
    nominate.run(round.run('2024年度 DX賞', 'published', now, now, '2025-03-01T00:00:00Z').lastInsertRowid, tip.id, bob.id, now, '優秀賞');
    nominate.run(round.run('2025年度 DX賞', 'published', now, now, '2026-03-01T00:00:00Z').lastInsertRowid, tip.id, bob.id, now, '最優秀賞');
    nominate.run(round.run('2026年度 DX賞', 'closed', now, now, null).lastInsertRowid, tip.id, bob.id, now, '大賞');

    const forBob = same(tip.id, bob);
    expect(forBob).toMatchObject({ tags: ['関数', 'Excel'], likedByMe: true, bookmarkedByMe: true, commentCount: 1, revision: 2 });
    expect(forBob.awards.map((a) => a.prize)).toEqual(['最優秀賞', '優秀賞']);
    expect(same(tip.id, alice)).toMatchObject({ likedByMe: false, bookmarkedByMe: false });

    expect((await t.as(t.admin, { method: 'POST', url: `/api/posts/${tip.id}/hide`, payload: { reason: '確認中' } })).statusCode).toBeLessThan(300);
    expect(same(tip.id, alice)).toMatchObject({ status: 'hidden', hiddenReason: '確認中' });
    expect(ctx.postPages.read(987654, bob.id)).toBeUndefined();
  });

  it('GET /api/posts/:id (serialized with JSON.stringify) answers what the Post schema serializer gives', async () => {
    t = await createTestApp();
    const alice = await t.user('alice');
    const bob = await t.user('bob');
    const schema = fastJsonStringify(Post);
    const bodies = ['', '"引用" と \\ バックスラッシュ\n\t タブ </script> & <b>', '絵文字 😀 と 全角ＡＢＣ', '```vba\nSub a()\n  MsgBox "済"\nEnd Sub\n```'];
    for (const [i, body] of bodies.entries()) {
      const tip = await postTip(t, alice, { title: `題名 "${i}" \\ <${i}>`, body, tags: body ? ['Excel'] : [] });
      for (const viewer of [alice, bob]) {
        const res = await t.as(viewer, { method: 'GET', url: `/api/posts/${tip.id}` });
        expect(res.statusCode).toBe(200);
        expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
        const viaSchema = JSON.parse(schema(presentPage(t.app.ctx.postPages.read(tip.id, viewer.id)!, t.app.ctx.config.staleAfterDays)));
        expect(JSON.parse(res.body)).toStrictEqual(viaSchema);
      }
    }
    // A hidden tip (its reason shown to the author) and a tip with minutes saved set.
    const tip = await postTip(t, alice, { title: '非表示', body: '本文' });
    t.db.prepare("UPDATE posts SET status = 'hidden', hidden_reason = '確認中', minutes_saved_per_use = 15 WHERE id = ?").run(tip.id);
    const res = await t.as(alice, { method: 'GET', url: `/api/posts/${tip.id}` });
    expect(res.json()).toMatchObject({ status: 'hidden', hiddenReason: '確認中', minutesSavedPerUse: 15 });
    expect(res.json()).toStrictEqual(JSON.parse(schema(presentPage(t.app.ctx.postPages.read(tip.id, alice.id)!, t.app.ctx.config.staleAfterDays))));
  });

  it('is what GET /api/posts/:id answers, 404 for a tip the reader may not see', async () => {
    t = await createTestApp();
    const alice = await t.user('alice');
    const bob = await t.user('bob');
    const tip = await postTip(t, alice, { title: '印刷範囲の設定', body: '手順', tags: ['Excel'] });
    const res = await t.as(bob, { method: 'GET', url: `/api/posts/${tip.id}` });
    expect(res.json()).toStrictEqual(presentPost(t.app.ctx, t.app.ctx.posts.byId(tip.id)!, t.app.ctx.users.byId(bob.id)!));
    t.db.prepare("UPDATE posts SET status = 'hidden' WHERE id = ?").run(tip.id);
    expect((await t.as(bob, { method: 'GET', url: `/api/posts/${tip.id}` })).statusCode).toBe(404);
    expect((await t.as(alice, { method: 'GET', url: `/api/posts/${tip.id}` })).statusCode).toBe(200);
  });
});
