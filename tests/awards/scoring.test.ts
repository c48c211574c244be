import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, postTip, type TestApp, type TestUser } from '../helpers/app';
import { all, nominateTip, openRound, score, setPhase } from './helpers';

let t: TestApp;
let author: TestUser;
let judgeA: TestUser;
let judgeB: TestUser;
let member: TestUser;
let round: { id: number };
let nomination: { id: number };
let ownNomination: { id: number };
beforeEach(async () => {
  t = await createTestApp();
  author = await t.user('author', { department: '財政課' });
  judgeA = await t.user('judgea', { department: 'デジタル戦略局' });
  judgeB = await t.user('judgeb', { department: '人事課' });
  member = await t.user('member');
  round = await openRound(t, [judgeA, judgeB]);
  nomination = await nominateTip(t, member, round.id, (await postTip(t, author, { title: '照合の自動化' })).id);
  // judgeA wrote this tip: the conflict-of-interest rule applies to it.
  ownNomination = await nominateTip(t, member, round.id, (await postTip(t, judgeA, { title: '審査員のコツ' })).id);
});
afterEach(async () => { await t.close(); });

const storedScores = () => t.db.prepare('SELECT nomination_id, judge_id, scores, comment FROM award_scores ORDER BY nomination_id, judge_id').all();

describe('scoring', () => {
  it('a judge scores 1–5 on every criterion with a comment while scoring', async () => {
    await setPhase(t, round.id, 'scoring');
    const res = await score(t, judgeA, round.id, nomination.id, { effect: 5, reuse: 4, original: 3 }, '全庁展開できる');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      nominationId: nomination.id, judge: { id: judgeA.id, username: 'judgea' },
      scores: { effect: 5, reuse: 4, original: 3 }, comment: '全庁展開できる',
    });
  });

  it('a second score replaces the first', async () => {
    await setPhase(t, round.id, 'scoring');
    await score(t, judgeA, round.id, nomination.id, all(2), '最初');
    const again = await score(t, judgeA, round.id, nomination.id, { effect: 4, reuse: 5, original: 1 });
    expect(again.statusCode).toBe(200);
    expect(storedScores()).toEqual([
      { nomination_id: nomination.id, judge_id: judgeA.id, scores: JSON.stringify({ effect: 4, reuse: 5, original: 1 }), comment: '' },
    ]);
  });

  it('only while scoring: 409 while nominating and once closed', async () => {
    expect((await score(t, judgeA, round.id, nomination.id, all(3))).statusCode).toBe(409);
    await setPhase(t, round.id, 'scoring');
    await setPhase(t, round.id, 'closed');
    const late = await score(t, judgeA, round.id, nomination.id, all(3));
    expect(late.statusCode).toBe(409);
    expect(late.json().error).toBe('conflict');
    expect(storedScores()).toEqual([]);
  });

  it('judges only: a member, the nominator and a non-judge admin get 403', async () => {
    await setPhase(t, round.id, 'scoring');
    for (const user of [member, author, t.admin]) {
      const res = await score(t, user, round.id, nomination.id, all(5));
      expect(res.statusCode).toBe(403);
      expect(res.json().error).toBe('forbidden');
    }
    expect((await score(t, null as unknown as TestUser, round.id, nomination.id, all(5))).statusCode).toBe(401);
    expect(storedScores()).toEqual([]);
  });

  it('a judge never scores a tip they wrote (403)', async () => {
    await setPhase(t, round.id, 'scoring');
    const res = await score(t, judgeA, round.id, ownNomination.id, all(5));
    expect(res.statusCode).toBe(403);
    expect(res.json().message).toMatch(/自分|wrote/);
    expect((await score(t, judgeB, round.id, ownNomination.id, all(4))).statusCode).toBe(200);
  });

  it.each([
    [{ effect: 5, reuse: 4 }, /original/],
    [{ effect: 5, reuse: 4, original: 3, speed: 2 }, /speed/],
    [{ effect: 6, reuse: 4, original: 3 }, /scores/],
    [{ effect: 0, reuse: 4, original: 3 }, /scores/],
    [{ effect: 2.5, reuse: 4, original: 3 }, /scores/],
    [{ effect: '5', reuse: 4, original: 3 }, /scores/],
  ])('refuses scores %j with 400', async (scores, message) => {
    await setPhase(t, round.id, 'scoring');
    const res = await score(t, judgeA, round.id, nomination.id, scores as Record<string, number>);
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toMatch(message);
  });

  it('a nomination of another round is 404', async () => {
    const other = await openRound(t, [judgeA], '別の回');
    await setPhase(t, other.id, 'scoring');
    expect((await score(t, judgeA, other.id, nomination.id, all(3))).statusCode).toBe(404);
    expect((await score(t, judgeA, 999, nomination.id, all(3))).statusCode).toBe(404);
  });
});

describe('what a judge sees', () => {
  it('their own score and own-tip flag on each nomination, never another judge\'s', async () => {
    await setPhase(t, round.id, 'scoring');
    await score(t, judgeB, round.id, nomination.id, all(1), 'B の講評');
    await score(t, judgeA, round.id, nomination.id, all(4), 'A の講評');
    const list = (await t.as(judgeA, { method: 'GET', url: `/api/awards/${round.id}/nominations` })).json().items;
    expect(list[0]).toMatchObject({ id: nomination.id, ownTip: false, myScore: { scores: all(4), comment: 'A の講評' } });
    expect(list[1]).toMatchObject({ id: ownNomination.id, ownTip: true, myScore: null });
    const one = await t.as(judgeB, { method: 'GET', url: `/api/awards/${round.id}/nominations/${nomination.id}` });
    expect(one.json().myScore).toMatchObject({ scores: all(1), comment: 'B の講評' });
    const asMember = await t.as(member, { method: 'GET', url: `/api/awards/${round.id}/nominations/${nomination.id}` });
    expect(asMember.json()).not.toHaveProperty('myScore');
    expect(JSON.stringify(asMember.json())).not.toContain('講評');
  });

  it('progress: scored / to score, own tips excluded; admins see every judge', async () => {
    await setPhase(t, round.id, 'scoring');
    await score(t, judgeA, round.id, nomination.id, all(3));
    const a = await t.as(judgeA, { method: 'GET', url: `/api/awards/${round.id}/progress` });
    expect(a.json()).toEqual({ me: { total: 1, scored: 1, toScore: 0, excluded: 1 }, judges: [] });
    const b = await t.as(judgeB, { method: 'GET', url: `/api/awards/${round.id}/progress` });
    expect(b.json().me).toEqual({ total: 2, scored: 0, toScore: 2, excluded: 0 });
    const admin = await t.as(t.admin, { method: 'GET', url: `/api/awards/${round.id}/progress` });
    expect(admin.json().me).toBeNull();
    expect(admin.json().judges).toEqual([
      { judge: expect.objectContaining({ username: 'judgea' }), total: 1, scored: 1, toScore: 0, excluded: 1 },
      { judge: expect.objectContaining({ username: 'judgeb' }), total: 2, scored: 0, toScore: 2, excluded: 0 },
    ]);
    expect((await t.as(member, { method: 'GET', url: `/api/awards/${round.id}/progress` })).json()).toEqual({ me: null, judges: [] });
  });
});
