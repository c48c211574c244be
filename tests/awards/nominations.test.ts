import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setPostStatus } from '../../server/posts/service';
import { createTestApp, postTip, type TestApp, type TestUser } from '../helpers/app';
import { nominateTip, openRound, setPhase } from './helpers';

let t: TestApp;
let alice: TestUser;
let bob: TestUser;
let judge: TestUser;
beforeEach(async () => {
  t = await createTestApp();
  alice = await t.user('alice', { department: '財政課' });
  bob = await t.user('bob', { department: '税務課' });
  judge = await t.user('judge', { department: 'デジタル戦略局' });
});
afterEach(async () => { await t.close(); });

const nominate = (user: TestUser, roundId: number, payload: Record<string, unknown>) =>
  t.as(user, { method: 'POST', url: `/api/awards/${roundId}/nominations`, payload });

describe('nominating', () => {
  it('any member nominates a colleague\'s tip or their own, with a category and a statement', async () => {
    const round = await openRound(t, [judge]);
    const tip = await postTip(t, alice, { title: 'RPAで照合作業を自動化' });
    const own = await postTip(t, bob, { title: 'Accessで台帳管理' });
    const res = await nominate(bob, round.id, { postId: tip.id, category: '事業部門', statement: '照合が1日から10分に。' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      roundId: round.id, category: '事業部門', statement: '照合が1日から10分に。', prize: null,
      post: { id: tip.id, title: 'RPAで照合作業を自動化', author: { username: 'alice', department: '財政課' } },
      nominatedBy: { id: bob.id, username: 'bob', department: '税務課' },
    });
    expect(res.json()).not.toHaveProperty('myScore');
    expect((await nominate(bob, round.id, { postId: own.id, category: '業務改善部門', statement: '自薦です' })).statusCode).toBe(201);
    expect((await t.as(bob, { method: 'GET', url: `/api/awards/${round.id}` })).json().nominationCount).toBe(2);
  });

  it('a tip is nominated once per round (409), but may be nominated again in another round', async () => {
    const round = await openRound(t, [judge]);
    const tip = await postTip(t, alice, { title: 'マクロで帳票作成' });
    await nominateTip(t, bob, round.id, tip.id);
    const again = await nominate(judge, round.id, { postId: tip.id, category: '事業部門', statement: '別の部門で' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toBe('conflict');
    const next = await openRound(t, [judge], '令和9年度 DX賞');
    expect((await nominate(judge, next.id, { postId: tip.id, category: '事業部門', statement: '翌年度も' })).statusCode).toBe(201);
  });

  it('is only possible while nominating (409 afterwards)', async () => {
    const round = await openRound(t, [judge]);
    const tip = await postTip(t, alice, { title: 'Power Queryで集計' });
    await setPhase(t, round.id, 'scoring');
    const res = await nominate(bob, round.id, { postId: tip.id, category: '事業部門', statement: '推薦' });
    expect(res.statusCode).toBe(409);
    await setPhase(t, round.id, 'closed');
    expect((await nominate(bob, round.id, { postId: tip.id, category: '事業部門', statement: '推薦' })).statusCode).toBe(409);
    expect(t.db.prepare('SELECT count(*) FROM award_nominations').pluck().get()).toBe(0);
  });

  it.each([
    [{ category: '存在しない部門' }, 400],
    [{ statement: '   ' }, 400],
    [{ statement: '' }, 400],
    [{ statement: 'x'.repeat(2001) }, 400],
    [{ postId: 9999 }, 404],
    [{ postId: '1' }, 400],
    [{ extra: 1 }, 400],
  ])('refuses %j', async (change, status) => {
    const round = await openRound(t, [judge]);
    const tip = await postTip(t, alice, { title: 'コツ' });
    const res = await nominate(bob, round.id, { postId: tip.id, category: '事業部門', statement: '推薦します', ...change });
    expect(res.statusCode).toBe(status);
  });

  it('refuses a hidden tip (404) and an unknown round (404)', async () => {
    const round = await openRound(t, [judge]);
    const tip = await postTip(t, alice, { title: '非公開になったコツ' });
    setPostStatus(t.app.ctx, tip.id, 'hidden', 'spam');
    expect((await nominate(alice, round.id, { postId: tip.id, category: '事業部門', statement: '推薦' })).statusCode).toBe(404);
    expect((await nominate(alice, 999, { postId: tip.id, category: '事業部門', statement: '推薦' })).statusCode).toBe(404);
  });
});

describe('listing nominations', () => {
  it('lists in arrival order with category filter and cursor; members never see scores', async () => {
    const round = await openRound(t, [judge]);
    const tips = [];
    for (const title of ['一', '二', '三']) tips.push(await postTip(t, alice, { title }));
    const n1 = await nominateTip(t, bob, round.id, tips[0].id, '事業部門');
    const n2 = await nominateTip(t, bob, round.id, tips[1].id, '業務改善部門');
    const n3 = await nominateTip(t, bob, round.id, tips[2].id, '事業部門');
    const page1 = await t.as(bob, { method: 'GET', url: `/api/awards/${round.id}/nominations?limit=2` });
    expect(page1.json().items.map((n: { id: number }) => n.id)).toEqual([n1.id, n2.id]);
    const page2 = await t.as(bob, { method: 'GET', url: `/api/awards/${round.id}/nominations?limit=2&cursor=${page1.json().nextCursor}` });
    expect(page2.json()).toMatchObject({ items: [{ id: n3.id }], nextCursor: null });
    const cat = await t.as(bob, { method: 'GET', url: `/api/awards/${round.id}/nominations?category=${encodeURIComponent('事業部門')}` });
    expect(cat.json().items.map((n: { id: number }) => n.id)).toEqual([n1.id, n3.id]);
    for (const item of page1.json().items) expect(item).not.toHaveProperty('myScore');
    const asJudge = await t.as(judge, { method: 'GET', url: `/api/awards/${round.id}/nominations` });
    expect(asJudge.json().items[0]).toMatchObject({ myScore: null, ownTip: false });
  });

  it('leaves out nominations of tips hidden since, except for moderators and admins', async () => {
    const round = await openRound(t, [judge]);
    const tip = await postTip(t, alice, { title: '後で非公開' });
    await nominateTip(t, bob, round.id, tip.id);
    setPostStatus(t.app.ctx, tip.id, 'hidden', 'incorrect');
    expect((await t.as(bob, { method: 'GET', url: `/api/awards/${round.id}/nominations` })).json().items).toEqual([]);
    expect((await t.as(t.admin, { method: 'GET', url: `/api/awards/${round.id}/nominations` })).json().items).toHaveLength(1);
  });

  it('shows a tip\'s nominations on the tip: round, phase, category, statement, nominator', async () => {
    const round = await openRound(t, [judge]);
    const tip = await postTip(t, alice, { title: '推薦されるコツ' });
    const other = await postTip(t, alice, { title: '推薦されないコツ' });
    const n = await nominateTip(t, bob, round.id, tip.id);
    const res = await t.as(alice, { method: 'GET', url: `/api/posts/${tip.id}/nominations` });
    expect(res.json()).toEqual({ items: [{
      id: n.id, roundId: round.id, roundTitle: '令和8年度 DX賞', phase: 'nominating', category: '業務改善部門',
      statement: n.statement, nominatedBy: n.nominatedBy, createdAt: n.createdAt, prize: null,
    }] });
    expect((await t.as(alice, { method: 'GET', url: `/api/posts/${other.id}/nominations` })).json()).toEqual({ items: [] });
    expect((await t.as(alice, { method: 'GET', url: '/api/posts/9999/nominations' })).statusCode).toBe(404);
  });
});

describe('withdrawing a nomination', () => {
  it('the nominator may withdraw while nominating; another member may not; an admin may, audited', async () => {
    const round = await openRound(t, [judge]);
    const a = await nominateTip(t, bob, round.id, (await postTip(t, alice, { title: 'A' })).id);
    const b = await nominateTip(t, bob, round.id, (await postTip(t, alice, { title: 'B' })).id);
    expect((await t.as(alice, { method: 'DELETE', url: `/api/awards/${round.id}/nominations/${a.id}` })).statusCode).toBe(403);
    expect((await t.as(bob, { method: 'DELETE', url: `/api/awards/${round.id}/nominations/${a.id}` })).statusCode).toBe(204);
    expect((await t.as(t.admin, { method: 'DELETE', url: `/api/awards/${round.id}/nominations/${b.id}` })).statusCode).toBe(204);
    expect(t.db.prepare("SELECT count(*) FROM audit_log WHERE action = 'award.nomination.withdraw'").pluck().get()).toBe(1);
    expect(t.db.prepare('SELECT count(*) FROM award_nominations').pluck().get()).toBe(0);
  });

  it('is a conflict once scoring started', async () => {
    const round = await openRound(t, [judge]);
    const n = await nominateTip(t, bob, round.id, (await postTip(t, alice, { title: 'A' })).id);
    await setPhase(t, round.id, 'scoring');
    expect((await t.as(bob, { method: 'DELETE', url: `/api/awards/${round.id}/nominations/${n.id}` })).statusCode).toBe(409);
  });
});
