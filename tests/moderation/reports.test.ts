import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, postTip, type TestApp } from '../helpers/app';
import { auditRows, ok, report } from './helpers';

let t: TestApp;
afterEach(async () => { await t?.close(); });

describe('reporting a tip', () => {
  it('lets any member report with a reason and a comment, answering 201 with a receipt', async () => {
    t = await createTestApp();
    const author = await t.user('author');
    const member = await t.user('member');
    const tip = await postTip(t, author, { title: 'VLOOKUP の使い方' });
    const res = await report(t, member, tip.id, { reason: 'outdated', comment: 'XLOOKUP の方が良いです' });
    expect(res.statusCode).toBe(201);
    const receipt = res.json();
    expect(receipt).toMatchObject({ id: expect.any(Number), status: 'open' });
    expect(Date.parse(receipt.createdAt)).not.toBeNaN();
    const mine = await ok(t, member, 200, { method: 'GET', url: '/api/me/reports' });
    expect(mine.items).toHaveLength(1);
    expect(mine.items[0]).toMatchObject({ id: receipt.id, reason: 'outdated', comment: 'XLOOKUP の方が良いです', status: 'open',
      post: { id: tip.id, title: 'VLOOKUP の使い方' } });
  });

  it('allows one open report per member per tip (409), but others may report the same tip', async () => {
    t = await createTestApp();
    const author = await t.user('author');
    const a = await t.user('alice');
    const b = await t.user('bob');
    const tip = await postTip(t, author, { title: 'マクロ' });
    expect((await report(t, a, tip.id, { reason: 'spam' })).statusCode).toBe(201);
    const again = await report(t, a, tip.id, { reason: 'incorrect', comment: 'やはり誤り' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toBe('conflict');
    expect((await report(t, b, tip.id, { reason: 'spam' })).statusCode).toBe(201);
    expect(t.db.prepare('SELECT count(*) FROM reports').pluck().get()).toBe(2);
  });

  it('lets the member report again once the first report is resolved', async () => {
    t = await createTestApp();
    const author = await t.user('author');
    const a = await t.user('alice');
    const tip = await postTip(t, author, { title: 'マクロ' });
    const first = (await report(t, a, tip.id, { reason: 'spam' })).json();
    await ok(t, t.admin, 200, { method: 'POST', url: `/api/moderation/reports/${first.id}/resolve`, payload: { action: 'dismiss' } });
    expect((await report(t, a, tip.id, { reason: 'incorrect' })).statusCode).toBe(201);
  });

  it('refuses unknown reasons, unknown fields, control characters and missing tips', async () => {
    t = await createTestApp();
    const author = await t.user('author');
    const a = await t.user('alice');
    const tip = await postTip(t, author, { title: 'マクロ' });
    expect((await report(t, a, tip.id, { reason: 'boring' })).statusCode).toBe(400);
    expect((await report(t, a, tip.id, { reason: 'spam', extra: 1 })).statusCode).toBe(400);
    expect((await report(t, a, tip.id, { reason: 'spam', comment: 'a\u0000b' })).statusCode).toBe(400);
    expect((await report(t, a, tip.id, { reason: 'spam', comment: 'x'.repeat(2001) })).statusCode).toBe(400);
    expect((await report(t, a, 9999, { reason: 'spam' })).statusCode).toBe(404);
    expect((await t.as(null, { method: 'POST', url: `/api/posts/${tip.id}/reports`, payload: { reason: 'spam' } })).statusCode).toBe(401);
    expect(t.db.prepare('SELECT count(*) FROM reports').pluck().get()).toBe(0);
  });

  it('does not let members report (or learn of) a hidden tip', async () => {
    t = await createTestApp();
    const author = await t.user('author');
    const a = await t.user('alice');
    const tip = await postTip(t, author, { title: 'マクロ' });
    await ok(t, t.admin, 200, { method: 'POST', url: `/api/posts/${tip.id}/hide`, payload: { reason: '確認中' } });
    expect((await report(t, a, tip.id, { reason: 'spam' })).statusCode).toBe(404);
    expect((await report(t, author, tip.id, { reason: 'spam' })).statusCode).toBe(409);
  });

  it('writes no audit entry for a report: reporting is not a moderation action', async () => {
    t = await createTestApp();
    const author = await t.user('author');
    const a = await t.user('alice');
    const tip = await postTip(t, author, { title: 'マクロ' });
    const before = auditRows(t).length;
    await report(t, a, tip.id, { reason: 'spam' });
    expect(auditRows(t).length).toBe(before);
  });
});

describe('the review queue', () => {
  it('is for moderators and admins only', async () => {
    t = await createTestApp();
    const member = await t.user('member');
    const mod = await t.user('mod', { role: 'moderator' });
    for (const url of ['/api/moderation/reports', '/api/moderation/queue']) {
      expect((await t.as(member, { method: 'GET', url })).statusCode).toBe(403);
      expect((await t.as(null, { method: 'GET', url })).statusCode).toBe(401);
      expect((await t.as(mod, { method: 'GET', url })).statusCode).toBe(200);
      expect((await t.as(t.admin, { method: 'GET', url })).statusCode).toBe(200);
    }
    expect((await t.as(member, { method: 'POST', url: '/api/moderation/reports/1/resolve', payload: { action: 'dismiss' } })).statusCode).toBe(403);
  });

  it('groups open reports by tip with counts by reason, most reported first', async () => {
    t = await createTestApp();
    const author = await t.user('author');
    const [a, b, c] = [await t.user('alice'), await t.user('bob'), await t.user('carol')];
    const mod = await t.user('mod', { role: 'moderator' });
    const once = await postTip(t, author, { title: '一件だけ' });
    const thrice = await postTip(t, author, { title: '三件' });
    await report(t, a, once.id, { reason: 'other', comment: '確認を' });
    await report(t, a, thrice.id, { reason: 'incorrect', comment: '数式が違う' });
    await report(t, b, thrice.id, { reason: 'incorrect' });
    await report(t, c, thrice.id, { reason: 'outdated' });
    const queue = await ok(t, mod, 200, { method: 'GET', url: '/api/moderation/queue' });
    expect(queue.openReports).toBe(4);
    expect(queue.openPosts).toBe(2);
    expect(queue.items.map((g: { post: { id: number } }) => g.post.id)).toEqual([thrice.id, once.id]);
    const top = queue.items[0];
    expect(top.openCount).toBe(3);
    expect(top.reasons).toEqual([{ reason: 'incorrect', count: 2 }, { reason: 'outdated', count: 1 }]);
    expect(top.reports.map((r: { reporter: { username: string } }) => r.reporter.username)).toEqual(['alice', 'bob', 'carol']);
    expect(top.reports[0].comment).toBe('数式が違う');
    expect(top.post).toMatchObject({ title: '三件', status: 'published', author: { username: 'author' } });
  });

  it('pages the queue with a cursor, without repeating or skipping a tip', async () => {
    t = await createTestApp();
    const author = await t.user('author');
    const a = await t.user('alice');
    const ids: number[] = [];
    for (let i = 0; i < 5; i++) {
      const tip = await postTip(t, author, { title: `tip ${i}` });
      ids.push(tip.id);
      await report(t, a, tip.id, { reason: 'spam' });
    }
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/moderation/queue?limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const page = await ok(t, t.admin, 200, { method: 'GET', url });
      seen.push(...page.items.map((g: { post: { id: number } }) => g.post.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(ids);
  });

  it('resolving with dismiss closes every open report on the tip and keeps them browsable', async () => {
    t = await createTestApp();
    const author = await t.user('author');
    const [a, b] = [await t.user('alice'), await t.user('bob')];
    const mod = await t.user('mod', { role: 'moderator' });
    const tip = await postTip(t, author, { title: '問題なし' });
    const r1 = (await report(t, a, tip.id, { reason: 'incorrect' })).json();
    await report(t, b, tip.id, { reason: 'spam' });
    const resolved = await ok(t, mod, 200, {
      method: 'POST', url: `/api/moderation/reports/${r1.id}/resolve`, payload: { action: 'dismiss', note: '内容は正しい' },
    });
    expect(resolved).toMatchObject({ id: r1.id, status: 'resolved', resolution: 'dismiss', note: '内容は正しい',
      resolvedBy: { username: 'mod' }, post: { id: tip.id, status: 'published' } });
    const open = await ok(t, mod, 200, { method: 'GET', url: '/api/moderation/reports?status=open' });
    expect(open.items).toHaveLength(0);
    const done = await ok(t, mod, 200, { method: 'GET', url: '/api/moderation/reports?status=resolved' });
    expect(done.items.map((r: { reporter: { username: string }; resolution: string }) => [r.reporter.username, r.resolution]))
      .toEqual([['bob', 'dismiss'], ['alice', 'dismiss']]);
    expect((await ok(t, mod, 200, { method: 'GET', url: '/api/moderation/queue' })).items).toHaveLength(0);
    // The tip is untouched.
    expect((await ok(t, a, 200, { method: 'GET', url: `/api/posts/${tip.id}` })).status).toBe('published');
  });

  it('resolving with hide hides the tip, uses the note as the reason, and writes one audit entry', async () => {
    t = await createTestApp();
    const author = await t.user('author');
    const a = await t.user('alice');
    const mod = await t.user('mod', { role: 'moderator' });
    const tip = await postTip(t, author, { title: '古い手順' });
    const r = (await report(t, a, tip.id, { reason: 'outdated' })).json();
    const before = auditRows(t).length;
    const resolved = await ok(t, mod, 200, {
      method: 'POST', url: `/api/moderation/reports/${r.id}/resolve`, payload: { action: 'hide', note: '2024年の制度改正で無効' },
    });
    expect(resolved).toMatchObject({ status: 'resolved', resolution: 'hide', post: { status: 'hidden' } });
    const post = await ok(t, author, 200, { method: 'GET', url: `/api/posts/${tip.id}` });
    expect(post).toMatchObject({ status: 'hidden', hiddenReason: '2024年の制度改正で無効' });
    const rows = auditRows(t).slice(before);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ action: 'report.resolve', actor_id: mod.id, target_type: 'report', target_id: r.id });
    expect(JSON.parse(rows[0].detail)).toMatchObject({ postId: tip.id, resolution: 'hide', before: { status: 'published' }, after: { status: 'hidden' } });
  });

  it('gives a default reason when a report is upheld without a note', async () => {
    t = await createTestApp();
    const author = await t.user('author');
    const a = await t.user('alice');
    const tip = await postTip(t, author, { title: 'spam' });
    const r = (await report(t, a, tip.id, { reason: 'spam' })).json();
    await ok(t, t.admin, 200, { method: 'POST', url: `/api/moderation/reports/${r.id}/resolve`, payload: { action: 'hide' } });
    const post = await ok(t, author, 200, { method: 'GET', url: `/api/posts/${tip.id}` });
    expect(post.hiddenReason).toMatch(/スパム/);
  });

  it('answers 409 for a report already resolved and 404 for an unknown one; nothing is audited', async () => {
    t = await createTestApp();
    const author = await t.user('author');
    const a = await t.user('alice');
    const tip = await postTip(t, author, { title: 'x' });
    const r = (await report(t, a, tip.id, { reason: 'spam' })).json();
    await ok(t, t.admin, 200, { method: 'POST', url: `/api/moderation/reports/${r.id}/resolve`, payload: { action: 'dismiss' } });
    const count = auditRows(t).length;
    const again = await t.as(t.admin, { method: 'POST', url: `/api/moderation/reports/${r.id}/resolve`, payload: { action: 'hide' } });
    expect(again.statusCode).toBe(409);
    expect((await t.as(t.admin, { method: 'POST', url: '/api/moderation/reports/999/resolve', payload: { action: 'hide' } })).statusCode).toBe(404);
    expect((await t.as(t.admin, { method: 'POST', url: `/api/moderation/reports/${r.id}/resolve`, payload: { action: 'delete' } })).statusCode).toBe(400);
    expect(auditRows(t).length).toBe(count);
    expect((await ok(t, a, 200, { method: 'GET', url: `/api/posts/${tip.id}` })).status).toBe('published');
  });

  it('tells reporters the outcome without showing them the moderator\'s note', async () => {
    t = await createTestApp();
    const author = await t.user('author');
    const a = await t.user('alice');
    const tip = await postTip(t, author, { title: 'x' });
    const r = (await report(t, a, tip.id, { reason: 'spam' })).json();
    await ok(t, t.admin, 200, { method: 'POST', url: `/api/moderation/reports/${r.id}/resolve`, payload: { action: 'dismiss', note: '内部メモ' } });
    const mine = await ok(t, a, 200, { method: 'GET', url: '/api/me/reports' });
    expect(mine.items[0]).toMatchObject({ status: 'resolved', resolution: 'dismiss', note: null, resolvedBy: null });
    const notes = await ok(t, a, 200, { method: 'GET', url: '/api/me/notifications' });
    expect(notes.items).toHaveLength(1);
    expect(notes.items[0]).toMatchObject({ kind: 'report.dismissed', target: { type: 'post', id: tip.id, title: 'x' }, text: '' });
    expect(JSON.stringify(notes)).not.toContain('内部メモ');
  });
});
