import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestUser } from '../helpers/app';
import { CATEGORIES, CRITERIA, openRound, setPhase } from './helpers';

let t: TestApp;
let judge1: TestUser;
let judge2: TestUser;
let member: TestUser;
beforeEach(async () => {
  t = await createTestApp();
  judge1 = await t.user('judge1', { department: 'デジタル戦略局', displayName: '審査 一郎' });
  judge2 = await t.user('judge2', { department: '人事課' });
  member = await t.user('member');
});
afterEach(async () => { await t.close(); });

const create = (user: TestUser | null, payload: Record<string, unknown>) =>
  t.as(user, { method: 'POST', url: '/api/awards', payload });
const valid = () => ({ title: '令和8年度 DX賞', categories: CATEGORIES, criteria: CRITERIA, judges: ['judge1', 'judge2'] });

describe('opening a round', () => {
  it('an admin opens a round in the nominating phase with categories, weighted criteria and jury', async () => {
    const res = await create(t.admin, valid());
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      title: '令和8年度 DX賞', phase: 'nominating', categories: ['事業部門', '業務改善部門'],
      criteria: CRITERIA, judges: ['judge1', 'judge2'], nominationCount: 0, isJudge: false, publishedAt: null,
    });
    expect(res.json().jury[0]).toEqual({ id: judge1.id, username: 'judge1', displayName: '審査 一郎', department: 'デジタル戦略局' });
    const audit = t.db.prepare("SELECT actor_id, target_id FROM audit_log WHERE action = 'award.create'").all();
    expect(audit).toEqual([{ actor_id: t.admin.id, target_id: res.json().id }]);
  });

  it('only administrators may open a round', async () => {
    expect((await create(member, valid())).statusCode).toBe(403);
    expect((await create(judge1, valid())).statusCode).toBe(403);
    expect((await create(null, valid())).statusCode).toBe(401);
    expect(t.db.prepare('SELECT count(*) FROM award_rounds').pluck().get()).toBe(0);
  });

  it.each([
    [{ judges: ['judge1', 'nobody'] }, /nobody/],
    [{ judges: ['judge1', 'JUDGE1'] }, /twice/],
    [{ judges: [] }, /judges/],
    [{ categories: ['事業部門', '事業部門'] }, /twice/],
    [{ categories: ['  '] }, /categories/],
    [{ categories: [] }, /categories/],
    [{ criteria: [{ key: 'effect', label: '効果', weight: 3 }, { key: 'effect', label: '効果2', weight: 1 }] }, /twice/],
    [{ criteria: [{ key: 'effect', label: '効果', weight: 0 }] }, /weight/],
    [{ criteria: [{ key: 'effect', label: '効果', weight: 1.5 }] }, /weight/],
    [{ criteria: [{ key: '効果', label: '効果', weight: 1 }] }, /key/],
    [{ criteria: [{ key: 'effect', label: '効果', weight: 1, extra: 1 }] }, /extra/],
    [{ criteria: [] }, /criteria/],
    [{ title: '' }, /title/],
    [{ extra: true }, /extra/],
  ])('refuses %j with 400', async (change, message) => {
    const res = await create(t.admin, { ...valid(), ...change });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toMatch(message);
    expect(t.db.prepare('SELECT count(*) FROM award_rounds').pluck().get()).toBe(0);
  });

  it('lists rounds newest first with a cursor, and reads one; members see them too', async () => {
    const a = await openRound(t, [judge1], '令和6年度 DX賞');
    const b = await openRound(t, [judge1], '令和7年度 DX賞');
    const c = await openRound(t, [judge2], '令和8年度 DX賞');
    const first = await t.as(member, { method: 'GET', url: '/api/awards?limit=2' });
    expect(first.json().items.map((r: { id: number }) => r.id)).toEqual([c.id, b.id]);
    const second = await t.as(member, { method: 'GET', url: `/api/awards?limit=2&cursor=${first.json().nextCursor}` });
    expect(second.json()).toEqual({ items: [expect.objectContaining({ id: a.id })], nextCursor: null });
    const one = await t.as(judge2, { method: 'GET', url: `/api/awards/${c.id}` });
    expect(one.json()).toMatchObject({ id: c.id, title: '令和8年度 DX賞', isJudge: true });
    expect((await t.as(member, { method: 'GET', url: '/api/awards/999' })).statusCode).toBe(404);
  });
});

describe('phases', () => {
  it('move forward one step at a time, each change audited with from and to', async () => {
    const round = await openRound(t, [judge1]);
    expect((await setPhase(t, round.id, 'scoring')).phase).toBe('scoring');
    expect((await setPhase(t, round.id, 'closed')).phase).toBe('closed');
    const audit = t.db.prepare("SELECT detail FROM audit_log WHERE action = 'award.phase' AND target_id = ? ORDER BY id")
      .pluck().all(round.id).map((d) => JSON.parse(d as string));
    expect(audit).toEqual([{ from: 'nominating', to: 'scoring' }, { from: 'scoring', to: 'closed' }]);
  });

  it.each([
    ['nominating', 'nominating'], ['nominating', 'closed'], ['scoring', 'nominating'], ['scoring', 'scoring'],
    ['closed', 'scoring'], ['closed', 'nominating'], ['closed', 'closed'],
  ])('from %s to %s is a conflict (409) and changes nothing', async (from, to) => {
    const round = await openRound(t, [judge1]);
    if (from !== 'nominating') await setPhase(t, round.id, 'scoring');
    if (from === 'closed') await setPhase(t, round.id, 'closed');
    const res = await t.as(t.admin, { method: 'POST', url: `/api/awards/${round.id}/phase`, payload: { phase: to } });
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toBe('conflict');
    expect((await t.as(t.admin, { method: 'GET', url: `/api/awards/${round.id}` })).json().phase).toBe(from);
  });

  it('never go back from published, and published is reached only by publishing', async () => {
    const round = await openRound(t, [judge1]);
    const direct = await t.as(t.admin, { method: 'POST', url: `/api/awards/${round.id}/phase`, payload: { phase: 'published' } });
    expect(direct.statusCode).toBe(400);
    t.db.prepare("UPDATE award_rounds SET phase = 'published' WHERE id = ?").run(round.id);
    for (const phase of ['nominating', 'scoring', 'closed']) {
      const res = await t.as(t.admin, { method: 'POST', url: `/api/awards/${round.id}/phase`, payload: { phase } });
      expect(res.statusCode).toBe(409);
    }
  });

  it('only administrators change phases; a judge may not', async () => {
    const round = await openRound(t, [judge1]);
    expect((await t.as(judge1, { method: 'POST', url: `/api/awards/${round.id}/phase`, payload: { phase: 'scoring' } })).statusCode).toBe(403);
    expect((await t.as(member, { method: 'POST', url: `/api/awards/${round.id}/phase`, payload: { phase: 'scoring' } })).statusCode).toBe(403);
    expect((await t.as(t.admin, { method: 'POST', url: '/api/awards/999/phase', payload: { phase: 'scoring' } })).statusCode).toBe(404);
  });
});

describe('changing a round', () => {
  it('categories, criteria and jury change while nominating; only the title afterwards', async () => {
    const round = await openRound(t, [judge1]);
    const res = await t.as(t.admin, { method: 'PATCH', url: `/api/awards/${round.id}`,
      payload: { judges: ['judge1', 'judge2'], categories: ['事業部門', '業務改善部門', '新人部門'] } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ judges: ['judge1', 'judge2'], categories: ['事業部門', '業務改善部門', '新人部門'] });
    await setPhase(t, round.id, 'scoring');
    const late = await t.as(t.admin, { method: 'PATCH', url: `/api/awards/${round.id}`, payload: { judges: ['judge2'] } });
    expect(late.statusCode).toBe(409);
    const title = await t.as(t.admin, { method: 'PATCH', url: `/api/awards/${round.id}`, payload: { title: '令和8年度 DX賞（改）' } });
    expect(title.json()).toMatchObject({ title: '令和8年度 DX賞（改）', judges: ['judge1', 'judge2'] });
    expect((await t.as(member, { method: 'PATCH', url: `/api/awards/${round.id}`, payload: { title: 'x' } })).statusCode).toBe(403);
  });
});
