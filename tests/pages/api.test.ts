import fastJsonStringify from 'fast-json-stringify';
import { afterEach, describe, expect, it } from 'vitest';
import { HomePage, TipPage } from '../../server/pages/schemas';
import { nominateTip, openRound } from '../awards/helpers';
import { createTestApp, postTip, type TestApp, type TestUser } from '../helpers/app';

let t: TestApp | undefined;
afterEach(async () => { await t?.close(); t = undefined; });

const get = (app: TestApp, user: TestUser | null, url: string) => app.as(user, { method: 'GET', url });

/** The parts a tip page shows, each from the route that answers it on its own. */
async function separately(app: TestApp, user: TestUser, id: number) {
  const [post, comments, nominations, adoptions, reports, rounds, related] = await Promise.all([
    get(app, user, `/api/posts/${id}`), get(app, user, `/api/posts/${id}/comments?limit=100`),
    get(app, user, `/api/posts/${id}/nominations`), get(app, user, `/api/posts/${id}/adoptions`),
    get(app, user, `/api/me/reports?postId=${id}`), get(app, user, '/api/awards?limit=50'),
    get(app, user, `/api/search/related?id=${id}`),
  ]);
  return {
    post: post.json(), comments: comments.json(), nominations: nominations.json().items, adoptions: adoptions.json(),
    reportPending: (reports.json().items as { status: string }[]).some((r) => r.status === 'open'),
    nominatingRounds: (rounds.json().items as { id: number; title: string; phase: string; categories: string[] }[])
      .filter((r) => r.phase === 'nominating').map(({ id: rid, title, categories }) => ({ id: rid, title, categories })),
    related: related.json().items,
  };
}

describe('GET /api/pages/tips/:id', () => {
  it('answers, in one request, what the tip page\'s separate routes answer, for each reader', async () => {
    t = await createTestApp();
    const alice = await t.user('alice', { department: '財政課' });
    const bob = await t.user('bob');
    const carol = await t.user('carol');
    const mod = await t.user('mod', { role: 'moderator' });
    const tip = await postTip(t, alice, { title: 'VLOOKUPで別シートを参照', body: '# 手順\n`=VLOOKUP(A2,Sheet2!A:B,2,FALSE)`', tags: ['Excel', '関数'] });
    const other = await postTip(t, alice, { title: '別のコツ', body: '本文' });

    // Bob reacts in every way the page shows: like, bookmark, a comment, an adoption, a report.
    const ok = async (user: TestUser, method: 'PUT' | 'POST', url: string, payload?: object) => {
      const res = await t!.as(user, { method, url, payload });
      expect(res.statusCode, `${method} ${url}: ${res.body}`).toBeLessThan(300);
      return res.json();
    };
    await ok(bob, 'PUT', `/api/posts/${tip.id}/like`);
    await ok(bob, 'PUT', `/api/posts/${tip.id}/bookmark`);
    await ok(bob, 'POST', `/api/posts/${tip.id}/comments`, { body: '助かりました' });
    const carolsComment = await ok(carol, 'POST', `/api/posts/${tip.id}/comments`, { body: '**不適切**な書き込み' });
    await ok(mod, 'POST', `/api/comments/${carolsComment.id}/hide`, { reason: '規約違反' });
    await ok(bob, 'POST', `/api/posts/${tip.id}/adoptions`, { minutesSavedPerMonth: 90, note: '月次集計で' });
    await ok(bob, 'POST', `/api/posts/${tip.id}/reports`, { reason: 'outdated', comment: '古い画面です' });
    const round = await openRound(t, [mod]);
    await nominateTip(t, carol, round.id, tip.id);
    await openRound(t, [mod], '別の回');

    for (const reader of [bob, carol, alice, mod, t.admin, bob]) {
      const res = await get(t, reader, `/api/pages/tips/${tip.id}`);
      expect(res.statusCode).toBe(200);
      expect(res.headers['cache-control']).toBe('private, no-store');
      expect(res.json()).toStrictEqual(await separately(t, reader, tip.id));
    }

    const forBob = (await get(t, bob, `/api/pages/tips/${tip.id}`)).json();
    expect(forBob.post).toMatchObject({ id: tip.id, likedByMe: true, bookmarkedByMe: true, likeCount: 1, commentCount: 1 });
    expect(forBob.comments.items.map((c: { body: string }) => c.body)).toEqual(['助かりました']);
    expect(forBob.adoptions).toMatchObject({ adoptions: 1, minutesSavedPerMonth: 90, mine: { minutesSavedPerMonth: 90, note: '月次集計で' } });
    expect(forBob.reportPending).toBe(true);
    expect(forBob.nominations).toMatchObject([{ roundId: round.id, nominatedBy: { username: 'carol' } }]);
    expect(forBob.nominatingRounds.map((r: { title: string }) => r.title)).toEqual(['別の回', '令和8年度 DX賞']);

    // The reader's marks are theirs only, whoever asked first (the shared part is cached).
    const forCarol = (await get(t, carol, `/api/pages/tips/${tip.id}`)).json();
    expect(forCarol.post).toMatchObject({ likedByMe: false, bookmarkedByMe: false, likeCount: 1 });
    expect(forCarol.adoptions.mine).toBeNull();
    expect(forCarol.adoptions.recent).toHaveLength(1);
    expect(forCarol.reportPending).toBe(false);
    // Carol sees her own hidden comment, the moderator sees it, bob does not.
    expect(forCarol.comments.items.map((c: { status: string }) => c.status)).toEqual(['visible', 'hidden']);
    expect((await get(t, mod, `/api/pages/tips/${tip.id}`)).json().comments.items).toHaveLength(2);
    expect((await get(t, bob, `/api/pages/tips/${tip.id}`)).json().comments.items).toHaveLength(1);
    expect((await get(t, bob, `/api/pages/tips/${other.id}`)).json()).toMatchObject({
      post: { id: other.id, likedByMe: false, bookmarkedByMe: false }, comments: { items: [], nextCursor: null },
      adoptions: { adoptions: 0, mine: null, recent: [] }, reportPending: false, nominations: [],
    });

    // A change anyone makes shows on the next answer (the read cache holds answers only until a write).
    await ok(carol, 'PUT', `/api/posts/${tip.id}/like`);
    expect((await get(t, bob, `/api/pages/tips/${tip.id}`)).json().post).toMatchObject({ likeCount: 2, likedByMe: true });
    expect((await get(t, carol, `/api/pages/tips/${tip.id}`)).json().post).toMatchObject({ likeCount: 2, likedByMe: true });
  });

  it('answers hidden and draft tips exactly like missing ones to readers who may not see them', async () => {
    t = await createTestApp();
    const alice = await t.user('alice');
    const bob = await t.user('bob');
    const mod = await t.user('mod', { role: 'moderator' });
    const hidden = await postTip(t, alice, { title: '非表示になるコツ', body: '本文' });
    expect((await t.as(mod, { method: 'POST', url: `/api/posts/${hidden.id}/hide`, payload: { reason: '確認中' } })).statusCode).toBe(200);
    const draftRes = await t.as(alice, { method: 'POST', url: '/api/posts', payload: { title: '下書き', body: 'まだ', tags: [], status: 'draft' } });
    expect(draftRes.statusCode).toBe(201);
    const draft = draftRes.json();

    const missing = await get(t, bob, '/api/pages/tips/987654');
    expect(missing.statusCode).toBe(404);
    for (const [reader, id] of [[bob, hidden.id], [bob, draft.id], [mod, draft.id]] as const) {
      // Warm the shared cache with a reader who may see it first, then ask as one who may not.
      await get(t, alice, `/api/pages/tips/${id}`);
      const res = await get(t, reader, `/api/pages/tips/${id}`);
      expect(res.statusCode).toBe(404);
      expect(res.json()).toStrictEqual(missing.json());
    }
    expect((await get(t, alice, `/api/pages/tips/${hidden.id}`)).json().post).toMatchObject({ status: 'hidden', hiddenReason: '確認中' });
    expect((await get(t, mod, `/api/pages/tips/${hidden.id}`)).statusCode).toBe(200);
    expect((await get(t, alice, `/api/pages/tips/${draft.id}`)).json().post).toMatchObject({ status: 'draft' });
    expect((await get(t, null, `/api/pages/tips/${hidden.id}`)).statusCode).toBe(401);
    expect((await get(t, bob, '/api/pages/tips/0')).statusCode).toBe(400);
    expect((await get(t, bob, '/api/pages/tips/abc')).statusCode).toBe(400);
  });

  it('answers exactly the fields of its schema', async () => {
    t = await createTestApp();
    const alice = await t.user('alice');
    const bob = await t.user('bob');
    const tip = await postTip(t, alice, { title: '題名 "引用" \\ <b>', body: '</script> & 😀', tags: ['Excel'] });
    await t.as(bob, { method: 'POST', url: `/api/posts/${tip.id}/comments`, payload: { body: 'コメント' } });
    await t.as(bob, { method: 'POST', url: `/api/posts/${tip.id}/adoptions`, payload: { minutesSavedPerMonth: 5 } });
    const serialize = fastJsonStringify(TipPage);
    for (const reader of [alice, bob]) {
      const body = (await get(t, reader, `/api/pages/tips/${tip.id}`)).json();
      expect(body).toStrictEqual(JSON.parse(serialize(body)));
    }
    const home = (await get(t, bob, '/api/pages/home')).json();
    expect(home).toStrictEqual(JSON.parse(fastJsonStringify(HomePage)(home)));
  });
});

describe('GET /api/pages/home', () => {
  it('answers what the home page\'s separate list routes answer, with the reader\'s own marks', async () => {
    t = await createTestApp();
    const alice = await t.user('alice', { department: '財政課' });
    const bob = await t.user('bob', { department: '総務課' });
    const tips = [];
    for (let i = 0; i < 24; i++) tips.push(await postTip(t, alice, { title: `コツ${i}`, body: `本文${i}`, tags: [i % 2 ? 'Excel' : 'Word'] }));
    for (const tip of tips.slice(0, 6)) {
      await t.as(bob, { method: 'POST', url: `/api/posts/${tip.id}/views` });
      await t.as(bob, { method: 'PUT', url: `/api/posts/${tip.id}/like` });
    }
    await t.as(bob, { method: 'PUT', url: `/api/posts/${tips[23].id}/bookmark` });
    t.app.ctx.views.flush();
    const hidden = await postTip(t, alice, { title: '隠されるコツ', body: '本文' });
    await t.as(t.admin, { method: 'POST', url: `/api/posts/${hidden.id}/hide`, payload: { reason: '確認中' } });

    for (const reader of [bob, alice, bob]) {
      const res = await get(t, reader, '/api/pages/home');
      expect(res.statusCode).toBe(200);
      expect(res.headers['cache-control']).toBe('private, no-store');
      const page = res.json();
      const list = async (url: string) => (await get(t!, reader, url)).json();
      expect(page).toStrictEqual({
        newest: await list('/api/posts?sort=new&limit=20'),
        popular: (await list('/api/posts?sort=popular&limit=20')).items,
        trending: (await list('/api/posts?sort=trending&limit=20')).items,
        weekRanking: await list('/api/rankings?period=week&limit=5'),
        otherDepartments: await list('/api/rankings/other-departments?limit=20'),
        tags: (await list('/api/tags?limit=50')).items,
      });
      expect(page.newest.items).toHaveLength(20);
      expect(page.newest.nextCursor).not.toBeNull();
      expect(page.newest.items.some((p: { id: number }) => p.id === hidden.id)).toBe(false);
    }
    const forBob = (await get(t, bob, '/api/pages/home')).json();
    const forAlice = (await get(t, alice, '/api/pages/home')).json();
    expect(forBob.newest.items[0]).toMatchObject({ id: tips[23].id, bookmarkedByMe: true });
    expect(forAlice.newest.items[0]).toMatchObject({ id: tips[23].id, bookmarkedByMe: false });
    expect(forBob.weekRanking.items[0].post.likedByMe).toBe(true);
    expect(forAlice.weekRanking.items[0].post.likedByMe).toBe(false);
    expect(forBob.otherDepartments.items.map((i: { department: string }) => i.department)).toContain('財政課');
    expect(forAlice.otherDepartments.items).toEqual([]);
    expect((await get(t, null, '/api/pages/home')).statusCode).toBe(401);
  });

  it('is in the OpenAPI document', async () => {
    t = await createTestApp();
    const doc = (await get(t, null, '/api/openapi.json')).json();
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/pages/tips/{id}', '/api/pages/home']));
    expect(doc.paths['/api/pages/tips/{id}'].get.responses['200'].content['application/json'].schema.properties)
      .toHaveProperty('reportPending');
  });
});

describe('GET /api/session', () => {
  it('tells the shell who is signed in, how people sign in, whether setup is needed and the unread count', async () => {
    t = await createTestApp();
    const bob = await t.user('bob');
    const tip = await postTip(t, bob, { title: '隠されるコツ', body: '本文' });
    await t.as(t.admin, { method: 'POST', url: `/api/posts/${tip.id}/hide`, payload: { reason: '確認中' } });
    const forBob = await get(t, bob, '/api/session');
    expect(forBob.statusCode).toBe(200);
    expect(forBob.headers['cache-control']).toBe('private, no-store');
    expect(forBob.json()).toStrictEqual({
      user: (await get(t, bob, '/api/me')).json(), authMode: 'local', setupNeeded: false,
      unreadNotifications: (await get(t, bob, '/api/me/notifications?limit=1')).json().unreadCount,
    });
    expect(forBob.json().unreadNotifications).toBe(1);
    expect((await get(t, null, '/api/session')).json()).toStrictEqual({ user: null, authMode: 'local', setupNeeded: false, unreadNotifications: 0 });
    await t.as(t.admin, { method: 'PATCH', url: `/api/users/${bob.id}`, payload: { suspended: true } });
    // Suspension ends the account's sessions: the shell sees nobody signed in.
    expect((await get(t, bob, '/api/session')).json()).toMatchObject({ user: null, unreadNotifications: 0 });
  });

  it('says setup is needed on a fresh install', async () => {
    const { openDatabase } = await import('../../server/db/database');
    const { buildApp } = await import('../../server/app');
    const { loadConfig } = await import('../../server/config');
    const db = openDatabase(':memory:');
    const app = await buildApp({ config: loadConfig({}, { dbPath: ':memory:', webRoot: null }), db });
    try {
      expect((await app.inject({ method: 'GET', url: '/api/session' })).json()).toStrictEqual({
        user: null, authMode: 'local', setupNeeded: true, unreadNotifications: 0,
      });
    } finally {
      await app.close();
      db.close();
    }
  });
});
