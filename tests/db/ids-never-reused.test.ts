/**
 * A deleted tip's id (and a deleted comment's, request's, template's or nomination's) is never
 * given to a new one. Links to tips are pasted into mail and chat, and notifications, the audit
 * trail, mentions and queued mail keep naming the id after the row is gone: SQLite gives a new row
 * max(id) + 1, so deleting the newest tip used to hand its id to the next tip posted — the old link
 * opened someone else's tip, the audit entry of the deletion was labelled with the new tip's
 * title, and a notification about the deleted tip showed its words again.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, postTip, type TestApp, type TestUser } from '../helpers/app';
import { nominateTip, openRound } from '../awards/helpers';

let t: TestApp;
let alice: TestUser;
let bob: TestUser;

beforeEach(async () => {
  t = await createTestApp();
  alice = await t.user('alice');
  bob = await t.user('bob');
});
afterEach(() => t.close());

async function created(user: TestUser, method: 'POST', url: string, payload: object): Promise<number> {
  const res = await t.as(user, { method, url, payload });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}

async function deleted(user: TestUser, url: string) {
  expect((await t.as(user, { method: 'DELETE', url })).statusCode).toBe(204);
}

describe('ids of deleted rows are not given again', () => {
  it('tips: the newest deleted, the next tip gets a new id; a draft too', async () => {
    const first = (await postTip(t, alice, { title: '消すコツ' })).id;
    await deleted(alice, `/api/posts/${first}`);
    const next = (await postTip(t, bob, { title: '次のコツ' })).id;
    expect(next).toBeGreaterThan(first);
    await deleted(bob, `/api/posts/${next}`);
    const draft = await created(bob, 'POST', '/api/posts', { title: '下書き', body: '', tags: [], status: 'draft' });
    expect(draft).toBeGreaterThan(next);
    expect((await t.as(alice, { method: 'GET', url: `/api/posts/${first}` })).statusCode).toBe(404);
  });

  it('comments, requests, templates and nominations', async () => {
    const tip = (await postTip(t, alice, { title: 'コメントされるコツ' })).id;
    const comment = await created(bob, 'POST', `/api/posts/${tip}/comments`, { body: '消すコメント' });
    await deleted(bob, `/api/comments/${comment}`);
    expect(await created(bob, 'POST', `/api/posts/${tip}/comments`, { body: '次のコメント' })).toBeGreaterThan(comment);

    const request = await created(bob, 'POST', '/api/requests', { title: '消す依頼' });
    await deleted(bob, `/api/requests/${request}`);
    expect(await created(bob, 'POST', '/api/requests', { title: '次の依頼' })).toBeGreaterThan(request);

    const template = await created(t.admin, 'POST', '/api/templates', { name: '消すひな形', body: 'x' });
    await deleted(t.admin, `/api/templates/${template}`);
    expect(await created(t.admin, 'POST', '/api/templates', { name: '次のひな形', body: 'x' })).toBeGreaterThan(template);

    const round = await openRound(t, [alice]);
    const other = (await postTip(t, alice, { title: '推薦されるコツ' })).id;
    const nomination = (await nominateTip(t, bob, round.id, tip)).id;
    await deleted(bob, `/api/awards/${round.id}/nominations/${nomination}`);
    expect((await nominateTip(t, bob, round.id, other)).id).toBeGreaterThan(nomination);
  });

  it('a deleted tip stays deleted in its notification, its audit entry and its old address', async () => {
    const mentioned = (await postTip(t, alice, { title: 'ボブさんへのコツ', body: '@bob さん、見てください' })).id;
    await deleted(t.admin, `/api/posts/${mentioned}`);
    const other = (await postTip(t, alice, { title: '別のコツ' })).id;
    expect(other).not.toBe(mentioned);

    const notes = (await t.as(bob, { method: 'GET', url: '/api/me/notifications' })).json().items;
    const mention = notes.find((n: { kind: string }) => n.kind === 'mention.post');
    expect(mention.target).toMatchObject({ id: mentioned, title: '' });

    const audit = (await t.as(t.admin, { method: 'GET', url: '/api/moderation/audit?action=post.delete' })).json().items;
    expect(audit[0]).toMatchObject({ targetId: mentioned, detail: { title: 'ボブさんへのコツ' } });
    expect(audit[0].targetLabel).not.toBe('別のコツ');
    expect((await t.as(bob, { method: 'GET', url: `/api/posts/${mentioned}` })).statusCode).toBe(404);
  });

  it('ids already left behind by rows deleted before the upgrade are not given either', async () => {
    const gone = (await postTip(t, alice, { title: '昔消えたコツ', body: '@bob' })).id;
    // As an older Kotsu left it: the tip deleted with no high-water mark kept, its notification stays.
    t.db.prepare("DELETE FROM id_high_water WHERE tbl = 'posts'").run();
    t.db.exec('DROP TRIGGER posts_id_high_water');
    t.db.prepare('DELETE FROM posts WHERE id = ?').run(gone);
    const migration = (await import('node:fs')).readFileSync('migrations/0038_ids_never_reused.sql', 'utf8');
    t.db.exec('DROP TABLE id_high_water; DROP TRIGGER comments_id_high_water; DROP TRIGGER tip_requests_id_high_water;'
      + ' DROP TRIGGER templates_id_high_water; DROP TRIGGER award_nominations_id_high_water;');
    t.db.exec(migration);
    expect((await postTip(t, alice, { title: '新しいコツ' })).id).toBeGreaterThan(gone);
  });
});
