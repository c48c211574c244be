import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, postTip, type TestApp, type TestUser } from '../helpers/app';

/**
 * Reporters stay anonymous to the author of the tip they reported — the report dialog says
 * 「報告者の名前は投稿者には伝わりません」. A moderator (or administrator) who wrote the tip saw each
 * reporter's name and department in the queue, the report list and the answer to resolving.
 */
let t: TestApp;
let author: TestUser;
let otherMod: TestUser;
let reporter: TestUser;

beforeEach(async () => {
  t = await createTestApp();
  author = await t.user('author', { role: 'moderator' });
  otherMod = await t.user('othermod', { role: 'moderator' });
  reporter = await t.user('reporter', { displayName: '報告 花子' });
});
afterEach(() => t.close());

describe('reporters and the reported tip\'s author', () => {
  it('the author\'s queue, report list and resolution name no reporter; another moderator\'s do', async () => {
    const tip = await postTip(t, author, { title: '自分のコツ' });
    const other = await postTip(t, otherMod, { title: 'ほかの人のコツ' });
    for (const id of [tip.id, other.id]) {
      expect((await t.as(reporter, { method: 'POST', url: `/api/posts/${id}/reports`, payload: { reason: 'incorrect', comment: '誤り' } })).statusCode).toBe(201);
    }
    const reportersIn = async (u: TestUser, url: string) => {
      const items = (await t.as(u, { method: 'GET', url })).json().items as { post: { id: number }; reporter?: unknown; reports?: { reporter: unknown }[] }[];
      return Object.fromEntries(items.map((i) => [i.post.id, i.reports ? i.reports.map((r) => r.reporter) : [i.reporter]]));
    };
    const named = { id: reporter.id, username: 'reporter', displayName: '報告 花子', department: '総務課' };
    for (const url of ['/api/moderation/queue', '/api/moderation/reports?status=open']) {
      expect(await reportersIn(author, url), url).toEqual({ [tip.id]: [null], [other.id]: [named] });
      expect(await reportersIn(otherMod, url), url).toEqual({ [tip.id]: [named], [other.id]: [null] });
    }
    const reportId = (await t.as(author, { method: 'GET', url: '/api/moderation/reports' })).json().items
      .find((r: { post: { id: number } }) => r.post.id === tip.id).id;
    const resolved = await t.as(author, { method: 'POST', url: `/api/moderation/reports/${reportId}/resolve`, payload: { action: 'dismiss' } });
    expect(resolved.statusCode).toBe(200);
    expect(resolved.json().reporter).toBeNull();
    expect((await reportersIn(author, '/api/moderation/reports?status=resolved'))[tip.id]).toEqual([null]);
    // The reporter's own list still names her.
    expect((await reportersIn(reporter, '/api/me/reports'))[tip.id]).toEqual([named]);
  });
});
