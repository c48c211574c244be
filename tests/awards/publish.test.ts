import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setPostStatus } from '../../server/posts/service';
import { createTestApp, postTip, type TestApp, type TestUser } from '../helpers/app';
import { all, nominateTip, openRound, score, setPhase } from './helpers';

let t: TestApp;
let author: TestUser;
let other: TestUser;
let judge: TestUser;
let member: TestUser;
beforeEach(async () => {
  t = await createTestApp();
  author = await t.user('author', { department: '財政課' });
  other = await t.user('other', { department: '土木部' });
  judge = await t.user('judge');
  member = await t.user('member', { department: '税務課' });
});
afterEach(async () => { await t.close(); });

const publish = (user: TestUser, roundId: number, winners: { nominationId: number; prize: string }[]) =>
  t.as(user, { method: 'POST', url: `/api/awards/${roundId}/publish`, payload: { winners } });

async function closedRound(title = '令和8年度 DX賞') {
  const round = await openRound(t, [judge], title);
  const winTip = await postTip(t, author, { title: `${title} 受賞コツ`, body: '本文' });
  const loseTip = await postTip(t, other, { title: `${title} 惜しいコツ` });
  const win = await nominateTip(t, member, round.id, winTip.id, '業務改善部門');
  const lose = await nominateTip(t, member, round.id, loseTip.id, '事業部門');
  await setPhase(t, round.id, 'scoring');
  await score(t, judge, round.id, win.id, all(5));
  await score(t, judge, round.id, lose.id, all(3));
  await setPhase(t, round.id, 'closed');
  return { round, winTip, loseTip, win, lose };
}

describe('publishing winners', () => {
  it('an admin publishes from closed; the round becomes published, audited', async () => {
    const { round, win } = await closedRound();
    const res = await publish(t.admin, round.id, [{ nominationId: win.id, prize: '最優秀賞' }]);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: round.id, phase: 'published' });
    expect(Date.parse(res.json().publishedAt)).not.toBeNaN();
    const audit = t.db.prepare("SELECT detail FROM audit_log WHERE action = 'award.publish'").pluck().all().map((d) => JSON.parse(d as string));
    expect(audit).toEqual([{ from: 'closed', to: 'published', winners: [{ nominationId: win.id, postId: win.post.id, prize: '最優秀賞' }], visibility: 'winners' }]);
  });

  it('only from closed (409 before, and again after)', async () => {
    const round = await openRound(t, [judge]);
    const n = await nominateTip(t, member, round.id, (await postTip(t, author, { title: 'A' })).id);
    expect((await publish(t.admin, round.id, [{ nominationId: n.id, prize: '賞' }])).statusCode).toBe(409);
    await setPhase(t, round.id, 'scoring');
    expect((await publish(t.admin, round.id, [{ nominationId: n.id, prize: '賞' }])).statusCode).toBe(409);
    await setPhase(t, round.id, 'closed');
    expect((await publish(t.admin, round.id, [{ nominationId: n.id, prize: '賞' }])).statusCode).toBe(200);
    expect((await publish(t.admin, round.id, [{ nominationId: n.id, prize: '別の賞' }])).statusCode).toBe(409);
    expect(t.db.prepare('SELECT prize FROM award_nominations').pluck().all()).toEqual(['賞']);
  });

  it('admin only; winners must be nominations of this round, each once, with a prize', async () => {
    const { round, win, lose } = await closedRound();
    const elsewhere = await openRound(t, [judge], '別の回');
    const foreign = await nominateTip(t, member, elsewhere.id, (await postTip(t, author, { title: '別' })).id);
    expect((await publish(judge, round.id, [{ nominationId: win.id, prize: '最優秀賞' }])).statusCode).toBe(403);
    expect((await publish(member, round.id, [{ nominationId: win.id, prize: '最優秀賞' }])).statusCode).toBe(403);
    expect((await publish(t.admin, round.id, [{ nominationId: foreign.id, prize: '賞' }])).statusCode).toBe(400);
    expect((await publish(t.admin, round.id, [{ nominationId: win.id, prize: 'A' }, { nominationId: win.id, prize: 'B' }])).statusCode).toBe(400);
    expect((await publish(t.admin, round.id, [{ nominationId: lose.id, prize: '  ' }])).statusCode).toBe(400);
    expect((await publish(t.admin, round.id, [])).statusCode).toBe(400);
    expect((await t.as(t.admin, { method: 'GET', url: `/api/awards/${round.id}` })).json().phase).toBe('closed');
  });
});

describe('award badges', () => {
  it('appear on the winner\'s tip, in lists and in search results only once published; other tips have none', async () => {
    const { round, winTip, loseTip, win } = await closedRound();
    const tipBadges = async () => (await t.as(member, { method: 'GET', url: `/api/posts/${winTip.id}` })).json().awards;
    expect(await tipBadges()).toEqual([]);
    await publish(t.admin, round.id, [{ nominationId: win.id, prize: '最優秀賞' }]);
    expect(await tipBadges()).toEqual([{ roundId: round.id, roundTitle: '令和8年度 DX賞', prize: '最優秀賞' }]);
    const list = (await t.as(member, { method: 'GET', url: '/api/posts' })).json().items;
    expect(list.find((p: { id: number }) => p.id === winTip.id).awards).toEqual([{ roundId: round.id, roundTitle: '令和8年度 DX賞', prize: '最優秀賞' }]);
    expect(list.find((p: { id: number }) => p.id === loseTip.id).awards).toEqual([]);
    const search = (await t.as(member, { method: 'GET', url: `/api/search?q=${encodeURIComponent('受賞コツ')}` })).json().items;
    expect(search.find((h: { id: number }) => h.id === winTip.id).awards).toEqual([{ roundId: round.id, roundTitle: '令和8年度 DX賞', prize: '最優秀賞' }]);
    const nominations = (await t.as(member, { method: 'GET', url: `/api/posts/${winTip.id}/nominations` })).json().items;
    expect(nominations[0]).toMatchObject({ phase: 'published', prize: '最優秀賞' });
  });

  it('a prize written before publication never shows', async () => {
    const { round, winTip, win } = await closedRound();
    t.db.prepare("UPDATE award_nominations SET prize = '先走り' WHERE id = ?").run(win.id);
    expect((await t.as(member, { method: 'GET', url: `/api/posts/${winTip.id}` })).json().awards).toEqual([]);
    expect((await t.as(member, { method: 'GET', url: `/api/awards/${round.id}/nominations` })).json().items[0].prize).toBeNull();
    expect((await t.as(member, { method: 'GET', url: '/api/showcase' })).json().items).toEqual([]);
  });
});

describe('GET /api/showcase', () => {
  it('lists published winners newest round first, with prize, department, statement and effect', async () => {
    const older = await closedRound('令和7年度 DX賞');
    await publish(t.admin, older.round.id, [{ nominationId: older.win.id, prize: '優秀賞' }]);
    const newer = await closedRound('令和8年度 DX賞');
    await t.as(member, { method: 'POST', url: `/api/posts/${newer.winTip.id}/adoptions`, payload: { minutesSavedPerMonth: 120 } });
    await t.as(judge, { method: 'POST', url: `/api/posts/${newer.winTip.id}/adoptions`, payload: { minutesSavedPerMonth: 30 } });
    await t.as(author, { method: 'PATCH', url: `/api/posts/${newer.winTip.id}`, payload: { minutesSavedPerUse: 15 } });
    await publish(t.admin, newer.round.id, [
      { nominationId: newer.win.id, prize: '最優秀賞' }, { nominationId: newer.lose.id, prize: '優秀賞' },
    ]);
    const res = await t.as(member, { method: 'GET', url: '/api/showcase' });
    expect(res.statusCode).toBe(200);
    const items = res.json().items;
    expect(items.map((i: { roundTitle: string; prize: string; category: string }) => [i.roundTitle, i.category, i.prize])).toEqual([
      ['令和8年度 DX賞', '事業部門', '優秀賞'], ['令和8年度 DX賞', '業務改善部門', '最優秀賞'], ['令和7年度 DX賞', '業務改善部門', '優秀賞'],
    ]);
    expect(items[1]).toMatchObject({
      roundId: newer.round.id, nominationId: newer.win.id, department: '財政課', statement: newer.win.statement,
      post: { id: newer.winTip.id, title: '令和8年度 DX賞 受賞コツ', awards: [{ prize: '最優秀賞' }] },
      effect: { minutesSavedPerUse: 15, adoptions: 2, minutesSavedPerMonth: 150 },
    });
    const filtered = await t.as(member, { method: 'GET', url: `/api/showcase?roundId=${older.round.id}` });
    expect(filtered.json().items.map((i: { nominationId: number }) => i.nominationId)).toEqual([older.win.id]);
  });

  it('leaves out a winner whose tip was hidden since, and unpublished rounds', async () => {
    const { round, winTip, win } = await closedRound();
    expect((await t.as(member, { method: 'GET', url: '/api/showcase' })).json().items).toEqual([]);
    await publish(t.admin, round.id, [{ nominationId: win.id, prize: '最優秀賞' }]);
    setPostStatus(t.app.ctx, winTip.id, 'hidden', 'outdated');
    expect((await t.as(member, { method: 'GET', url: '/api/showcase' })).json().items).toEqual([]);
    expect((await t.as(null, { method: 'GET', url: '/api/showcase' })).statusCode).toBe(401);
  });
});
