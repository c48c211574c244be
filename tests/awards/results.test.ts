import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rankNominations } from '../../server/awards/results';
import { createTestApp, postTip, type TestApp, type TestUser } from '../helpers/app';
import { all, CRITERIA, nominateTip, openRound, score, setPhase } from './helpers';

describe('rankNominations (weighted mean arithmetic)', () => {
  const judges = new Set([10, 11, 12]);
  const noms = [{ id: 1, authorId: 100 }, { id: 2, authorId: 101 }, { id: 3, authorId: 10 }, { id: 4, authorId: 102 }];

  it('averages each judge\'s weighted mean: (3·5+2·4+1·3)/6 and (3·3+2·3+1·3)/6 → 3.667', () => {
    const r = rankNominations(CRITERIA, noms.slice(0, 1), [
      { nominationId: 1, judgeId: 10, scores: { effect: 5, reuse: 4, original: 3 } },
      { nominationId: 1, judgeId: 11, scores: { effect: 3, reuse: 3, original: 3 } },
    ], judges);
    expect(r).toEqual([{ nominationId: 1, rank: 1, score: 3.667, judgeCount: 2, tied: false, criteria: { effect: 4, reuse: 3.5, original: 3 } }]);
  });

  it('weights matter: effect ×3 beats originality ×1', () => {
    const r = rankNominations(CRITERIA, noms.slice(0, 2), [
      { nominationId: 1, judgeId: 10, scores: { effect: 5, reuse: 1, original: 1 } }, // (15+2+1)/6 = 3
      { nominationId: 2, judgeId: 10, scores: { effect: 1, reuse: 1, original: 5 } }, // (3+2+5)/6 = 1.667
    ], judges);
    expect(r.map((x) => [x.nominationId, x.score])).toEqual([[1, 3], [2, 1.667]]);
  });

  it('ties are exact (4 from one judge equals 5 and 3 from two) and share a rank; the next rank skips', () => {
    const r = rankNominations(CRITERIA, noms, [
      { nominationId: 1, judgeId: 10, scores: all(4) },
      { nominationId: 2, judgeId: 10, scores: all(5) },
      { nominationId: 2, judgeId: 11, scores: all(3) },
      { nominationId: 4, judgeId: 12, scores: all(2) },
    ], judges);
    expect(r.map(({ nominationId, rank, score, tied }) => ({ nominationId, rank, score, tied }))).toEqual([
      { nominationId: 1, rank: 1, score: 4, tied: true },
      { nominationId: 2, rank: 1, score: 4, tied: true },
      { nominationId: 4, rank: 3, score: 2, tied: false },
      { nominationId: 3, rank: null, score: null, tied: false },
    ]);
  });

  it('does not call close floats a tie: 11/3 vs 3.6667 stays apart', () => {
    const crit = [{ key: 'a', label: 'A', weight: 1 }];
    const r = rankNominations(crit, noms.slice(0, 2), [
      { nominationId: 1, judgeId: 10, scores: { a: 4 } }, { nominationId: 1, judgeId: 11, scores: { a: 4 } },
      { nominationId: 1, judgeId: 12, scores: { a: 3 } }, // 11/3
      { nominationId: 2, judgeId: 10, scores: { a: 4 } }, { nominationId: 2, judgeId: 11, scores: { a: 3 } }, // 7/2
    ], judges);
    expect(r.map((x) => [x.nominationId, x.rank, x.tied])).toEqual([[1, 1, false], [2, 2, false]]);
  });

  it('excludes a judge\'s score of their own tip and scores by people no longer on the jury', () => {
    const r = rankNominations(CRITERIA, noms, [
      { nominationId: 3, judgeId: 10, scores: all(5) }, // judge 10 wrote tip 3
      { nominationId: 3, judgeId: 11, scores: all(2) },
      { nominationId: 1, judgeId: 99, scores: all(5) }, // not a judge
    ], judges);
    const three = r.find((x) => x.nominationId === 3)!;
    expect(three).toMatchObject({ score: 2, judgeCount: 1 });
    expect(r.find((x) => x.nominationId === 1)).toMatchObject({ score: null, judgeCount: 0, rank: null });
  });
});

describe('GET /api/awards/:id/results', () => {
  let t: TestApp;
  let author: TestUser;
  let judgeA: TestUser;
  let judgeB: TestUser;
  let member: TestUser;
  beforeEach(async () => {
    t = await createTestApp();
    author = await t.user('author', { department: '財政課' });
    judgeA = await t.user('judgea');
    judgeB = await t.user('judgeb');
    member = await t.user('member');
  });
  afterEach(async () => { await t.close(); });

  it('ranks by weighted mean with judge counts and ties; a judge\'s own tip counts only the others', async () => {
    const round = await openRound(t, [judgeA, judgeB]);
    const n1 = await nominateTip(t, member, round.id, (await postTip(t, author, { title: '一' })).id);
    const n2 = await nominateTip(t, member, round.id, (await postTip(t, author, { title: '二' })).id);
    const own = await nominateTip(t, member, round.id, (await postTip(t, judgeA, { title: '審査員A作' })).id);
    const n4 = await nominateTip(t, member, round.id, (await postTip(t, author, { title: '未採点' })).id);
    await setPhase(t, round.id, 'scoring');
    await score(t, judgeA, round.id, n1.id, { effect: 5, reuse: 4, original: 3 }, 'とても良い'); // 26/6
    await score(t, judgeB, round.id, n1.id, all(3)); // 3 → mean 3.667
    await score(t, judgeA, round.id, n2.id, all(4));
    await score(t, judgeB, round.id, n2.id, { effect: 3, reuse: 4, original: 2 }); // 19/6 → mean (4 + 3.1667)/2 = 3.583
    await score(t, judgeB, round.id, own.id, { effect: 4, reuse: 3, original: 5 }); // 23/6 = 3.833, 1 judge
    // A score by the author-judge slipped into the table (say, by a data import) still does not count.
    t.db.prepare("INSERT INTO award_scores (nomination_id, judge_id, scores, comment, scored_at) VALUES (?, ?, ?, '', '2026-01-01T00:00:00.000Z')")
      .run(own.id, judgeA.id, JSON.stringify(all(5)));
    await setPhase(t, round.id, 'closed');
    const res = await t.as(judgeB, { method: 'GET', url: `/api/awards/${round.id}/results` });
    expect(res.statusCode).toBe(200);
    const items = res.json().items;
    expect(items.map((i: { nomination: { id: number }; rank: number | null; score: number | null; judgeCount: number }) =>
      [i.nomination.id, i.rank, i.score, i.judgeCount])).toEqual([
      [own.id, 1, 3.833, 1], [n1.id, 2, 3.667, 2], [n2.id, 3, 3.583, 2], [n4.id, null, null, 0],
    ]);
    expect(items[1].criteria).toEqual({ effect: 4, reuse: 3.5, original: 3 });
    expect(items[1].comments).toEqual([{ judge: expect.objectContaining({ username: 'judgea' }), comment: 'とても良い' }]);
  });

  it('shows ties with a shared rank', async () => {
    const round = await openRound(t, [judgeA, judgeB]);
    const n1 = await nominateTip(t, member, round.id, (await postTip(t, author, { title: '一' })).id);
    const n2 = await nominateTip(t, member, round.id, (await postTip(t, author, { title: '二' })).id);
    const n3 = await nominateTip(t, member, round.id, (await postTip(t, author, { title: '三' })).id);
    await setPhase(t, round.id, 'scoring');
    await score(t, judgeA, round.id, n1.id, all(4));
    await score(t, judgeA, round.id, n2.id, all(5));
    await score(t, judgeB, round.id, n2.id, all(3));
    await score(t, judgeA, round.id, n3.id, all(5));
    await setPhase(t, round.id, 'closed');
    const items = (await t.as(t.admin, { method: 'GET', url: `/api/awards/${round.id}/results` })).json().items;
    expect(items.map((i: { nomination: { id: number }; rank: number; tied: boolean }) => [i.nomination.id, i.rank, i.tied]))
      .toEqual([[n3.id, 1, false], [n1.id, 2, true], [n2.id, 2, true]]);
  });

  it('nobody — judges and administrators included — sees results while nominating or scoring; jury and admins once closed', async () => {
    const round = await openRound(t, [judgeA]);
    const n = await nominateTip(t, member, round.id, (await postTip(t, author, { title: '一' })).id);
    const get = (u: TestUser) => t.as(u, { method: 'GET', url: `/api/awards/${round.id}/results` });
    for (const u of [member, judgeA, t.admin]) expect((await get(u)).json()).toMatchObject({ error: 'forbidden', reason: 'results_hidden' });
    await setPhase(t, round.id, 'scoring');
    await score(t, judgeA, round.id, n.id, all(4), '講評です');
    for (const u of [member, author, judgeA, t.admin]) expect((await get(u)).statusCode).toBe(403);
    await setPhase(t, round.id, 'closed');
    expect((await get(member)).statusCode).toBe(403);
    expect((await get(judgeA)).statusCode).toBe(200);
    expect((await get(t.admin)).json().items[0]).toMatchObject({ score: 4, judgeCount: 1 });
    await t.as(t.admin, { method: 'POST', url: `/api/awards/${round.id}/publish`, payload: { winners: [{ nominationId: n.id, prize: '最優秀賞' }], visibility: 'ranking' } });
    const published = await get(member);
    expect(published.statusCode).toBe(200);
    expect(published.json()).toMatchObject({ phase: 'published', shown: 'ranking', items: [{ rank: 1, score: 4, judgeCount: 1, comments: [], nomination: { prize: '最優秀賞' } }] });
    expect((await get(judgeA)).json().items[0].comments).toEqual([{ judge: expect.objectContaining({ username: 'judgea' }), comment: '講評です' }]);
  });

  it('a judge never sees the scores or comments on their own nominated tip', async () => {
    const round = await openRound(t, [judgeA, judgeB]);
    const own = await nominateTip(t, member, round.id, (await postTip(t, judgeA, { title: '審査員A作' })).id);
    const other = await nominateTip(t, member, round.id, (await postTip(t, author, { title: '他' })).id);
    await setPhase(t, round.id, 'scoring');
    await score(t, judgeB, round.id, own.id, all(5), 'Aさんのコツへの講評');
    await score(t, judgeB, round.id, other.id, all(3));
    await score(t, judgeA, round.id, other.id, all(4));
    await setPhase(t, round.id, 'closed');
    const seen = (await t.as(judgeA, { method: 'GET', url: `/api/awards/${round.id}/results` })).json();
    const mine = seen.items.find((i: { nomination: { id: number } }) => i.nomination.id === own.id);
    expect(mine).toMatchObject({ score: null, judgeCount: 0, criteria: {}, comments: [] });
    expect(JSON.stringify(seen)).not.toContain('Aさんのコツへの講評');
    const byB = (await t.as(judgeB, { method: 'GET', url: `/api/awards/${round.id}/results` })).json();
    expect(byB.items.find((i: { nomination: { id: number } }) => i.nomination.id === own.id)).toMatchObject({ score: 5, judgeCount: 1 });
  });

  it('published with winners only: members see the winners grouped by category, no scores or ranking', async () => {
    const round = await openRound(t, [judgeA]);
    const categories: string[] = round.categories;
    const a = await nominateTip(t, member, round.id, (await postTip(t, author, { title: '一' })).id, categories[0]);
    const b = await nominateTip(t, member, round.id, (await postTip(t, author, { title: '二' })).id, categories[1]);
    const c = await nominateTip(t, member, round.id, (await postTip(t, author, { title: '三' })).id, categories[1]);
    await setPhase(t, round.id, 'scoring');
    for (const [n, v] of [[a, 3], [b, 5], [c, 4]] as const) await score(t, judgeA, round.id, n.id, all(v));
    await setPhase(t, round.id, 'closed');
    const admin = (await t.as(t.admin, { method: 'GET', url: `/api/awards/${round.id}/results` })).json();
    expect(admin.categories.map((g: { category: string; items: { nomination: { id: number }; rank: number }[] }) =>
      [g.category, g.items.map((i) => [i.nomination.id, i.rank])])).toEqual([[categories[0], [[a.id, 1]]], [categories[1], [[b.id, 1], [c.id, 2]]]]);
    const pub = await t.as(t.admin, { method: 'POST', url: `/api/awards/${round.id}/publish`,
      payload: { winners: [{ nominationId: b.id, prize: '最優秀賞' }, { nominationId: a.id, prize: '優秀賞' }] } });
    expect(pub.json().resultsVisibility).toBe('winners');
    const res = (await t.as(member, { method: 'GET', url: `/api/awards/${round.id}/results` })).json();
    expect(res.shown).toBe('winners');
    expect(res.items.map((i: { nomination: { id: number } }) => i.nomination.id)).toEqual([b.id, a.id]);
    expect(res.items.every((i: { score: unknown; rank: unknown }) => i.score === null && i.rank === null)).toBe(true);
    expect(res.categories.map((g: { category: string; items: unknown[] }) => [g.category, g.items.length])).toEqual([[categories[0], 1], [categories[1], 1]]);
    expect(JSON.stringify(res)).not.toContain('"title":"三"');
  });
});
