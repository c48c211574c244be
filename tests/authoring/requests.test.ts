import { describe, expect, it } from 'vitest';
import { postTip, type TestUser } from '../helpers/app';
import { useClockedApp } from '../helpers/fixture';

const { t, now, later, users: { alice, bob, carol } } = useClockedApp({ users: { alice: {}, bob: {}, carol: {} } });
const ask = async (u: TestUser, title: string, body?: string) => {
  later();
  const res = await t.as(u, { method: 'POST', url: '/api/requests', payload: body === undefined ? { title } : { title, body } });
  expect(res.statusCode).toBe(201);
  return res.json();
};
const vote = (u: TestUser, id: number, on = true) => t.as(u, { method: on ? 'PUT' : 'DELETE', url: `/api/requests/${id}/vote` });
const open = async (u: TestUser, q = '') => (await t.as(u, { method: 'GET', url: `/api/requests${q}` })).json();

describe('tip requests (教えて)', () => {
  it('are asked, voted (私も知りたい) idempotently and listed open, most wanted first', async () => {
    const a = await ask(alice, 'Power Automate でメール添付を自動保存したい', '毎朝 **手作業** で保存しています');
    expect(a).toMatchObject({ status: 'open', voteCount: 0, votedByMe: false, answerCount: 0, answers: [], requester: { username: 'alice' }, solvedPostId: null });
    expect(a.html).toContain('<strong>手作業</strong>');
    const b = await ask(bob, 'PDF を一括で結合したい');
    const c = await ask(carol, 'Access のクエリを Excel に出したい');
    expect((await vote(bob, a.id)).json()).toEqual({ voteCount: 1, votedByMe: true });
    expect((await vote(bob, a.id)).json()).toEqual({ voteCount: 1, votedByMe: true });
    await vote(carol, a.id);
    await vote(alice, c.id);
    expect((await vote(alice, a.id)).statusCode).toBe(403);
    const list = await open(bob);
    expect(list.items.map((r: { id: number }) => r.id)).toEqual([a.id, c.id, b.id]);
    expect(list.items[0]).toMatchObject({ voteCount: 2, votedByMe: true });
    expect(list.items[1]).toMatchObject({ voteCount: 1, votedByMe: false });
    expect((await open(bob, '?sort=new')).items.map((r: { id: number }) => r.id)).toEqual([c.id, b.id, a.id]);
    const page1 = await open(bob, '?limit=2');
    const page2 = await open(bob, `?limit=2&cursor=${page1.nextCursor}`);
    expect([...page1.items, ...page2.items].map((r: { id: number }) => r.id)).toEqual([a.id, c.id, b.id]);
    expect((await vote(bob, a.id, false)).json()).toEqual({ voteCount: 1, votedByMe: false });
  });

  it('are answered by linking a published tip; the requester is told and marks it solved', async () => {
    const r = await ask(alice, 'VLOOKUP で #N/A を消したい');
    const tip = await postTip(t, bob, { title: 'IFERROR で #N/A を隠す', tags: ['Excel'] });
    const answered = await t.as(bob, { method: 'POST', url: `/api/requests/${r.id}/answers`, payload: { postId: tip.id } });
    expect(answered.statusCode).toBe(201);
    expect(answered.json()).toMatchObject({ answerCount: 1, answers: [{ post: { id: tip.id, title: 'IFERROR で #N/A を隠す' }, linkedBy: { username: 'bob' } }] });
    expect((await t.as(carol, { method: 'POST', url: `/api/requests/${r.id}/answers`, payload: { postId: tip.id } })).statusCode).toBe(409);
    const n = (await t.as(alice, { method: 'GET', url: '/api/me/notifications' })).json();
    expect(n.items[0]).toMatchObject({ kind: 'request.answered', actor: { username: 'bob' }, target: { type: 'request', id: r.id }, text: 'IFERROR で #N/A を隠す' });
    expect((await t.as(carol, { method: 'GET', url: `/api/posts/${tip.id}/requests` })).json()).toEqual({ items: [{ id: r.id, title: r.title, status: 'open' }] });

    expect((await t.as(bob, { method: 'POST', url: `/api/requests/${r.id}/solve`, payload: { postId: tip.id } })).statusCode).toBe(403);
    const other = await postTip(t, carol, { title: '関係ないコツ' });
    expect((await t.as(alice, { method: 'POST', url: `/api/requests/${r.id}/solve`, payload: { postId: other.id } })).statusCode).toBe(400);
    const solved = await t.as(alice, { method: 'POST', url: `/api/requests/${r.id}/solve`, payload: { postId: tip.id } });
    expect(solved.json()).toMatchObject({ status: 'solved', solvedPostId: tip.id, solvedAt: now().toISOString() });
    expect((await open(carol)).items).toEqual([]);
    expect((await open(carol, '?status=solved')).items.map((x: { id: number }) => x.id)).toEqual([r.id]);
    expect((await vote(carol, r.id)).statusCode).toBe(409);
    expect((await t.as(alice, { method: 'POST', url: `/api/requests/${r.id}/reopen` })).json()).toMatchObject({ status: 'open', solvedPostId: null });
  });

  it('only takes published tips as answers, and drops answers whose tip is hidden or gone', async () => {
    const r = await ask(alice, '教えて');
    const draft = (await t.as(bob, { method: 'POST', url: '/api/posts', payload: { title: '下書き', body: '', tags: [], status: 'draft' } })).json();
    expect((await t.as(bob, { method: 'POST', url: `/api/requests/${r.id}/answers`, payload: { postId: draft.id } })).statusCode).toBe(400);
    expect((await t.as(carol, { method: 'POST', url: `/api/requests/${r.id}/answers`, payload: { postId: draft.id } })).statusCode).toBe(404);
    const tip = await postTip(t, bob, { title: '答え' });
    await t.as(bob, { method: 'POST', url: `/api/requests/${r.id}/answers`, payload: { postId: tip.id } });
    const mod = await t.user('mod', { role: 'moderator' });
    await t.as(mod, { method: 'POST', url: `/api/posts/${tip.id}/hide`, payload: { reason: '誤り' } });
    expect((await t.as(alice, { method: 'GET', url: `/api/requests/${r.id}` })).json()).toMatchObject({ answerCount: 0, answers: [] });
  });

  it('are edited by the requester only and deleted by the requester or a moderator (audited)', async () => {
    const r = await ask(alice, '元の題');
    expect((await t.as(bob, { method: 'PATCH', url: `/api/requests/${r.id}`, payload: { title: 'x' } })).statusCode).toBe(403);
    expect((await t.as(alice, { method: 'PATCH', url: `/api/requests/${r.id}`, payload: { title: '新しい題' } })).json().title).toBe('新しい題');
    expect((await t.as(bob, { method: 'DELETE', url: `/api/requests/${r.id}` })).statusCode).toBe(403);
    const mod = await t.user('mod', { role: 'moderator' });
    expect((await t.as(mod, { method: 'DELETE', url: `/api/requests/${r.id}` })).statusCode).toBe(204);
    expect((await t.as(alice, { method: 'GET', url: `/api/requests/${r.id}` })).statusCode).toBe(404);
    expect(t.db.prepare("SELECT action FROM audit_log WHERE target_type = 'request'").pluck().all()).toEqual(['request.delete']);
  });

  it('validates input', async () => {
    for (const payload of [{ title: '' }, { title: '   ' }, { title: 'a'.repeat(201) }, { title: 'ok', body: 'x'.repeat(10_001) }, { title: 'ok', extra: 1 }]) {
      expect((await t.as(alice, { method: 'POST', url: '/api/requests', payload })).statusCode, JSON.stringify(payload).slice(0, 40)).toBe(400);
    }
    expect((await t.as(alice, { method: 'GET', url: '/api/requests?status=closed' })).statusCode).toBe(400);
    expect((await t.as(null, { method: 'GET', url: '/api/requests' })).statusCode).toBe(401);
  });
});
