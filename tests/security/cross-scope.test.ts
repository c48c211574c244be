import { describe, expect, it } from 'vitest';
import { postTip, type TestUser } from '../helpers/app';
import { useTestApp } from '../helpers/fixture';

/**
 * A thing named under another thing's path must belong to it: a nomination under another round,
 * a reply to a comment of another tip, an answer of another request, a revision of another tip.
 * Each is answered as missing and changes nothing. Also: a first-run setup raced by several
 * requests makes one administrator; a suspended member's feed token opens nothing.
 */
const { t, users: { judge, member, other, mod } } = useTestApp({ users: { judge: {}, member: {}, other: {}, mod: { role: 'moderator' } } });

const ok = async (p: ReturnType<typeof t.as>) => {
  const res = await p;
  if (res.statusCode >= 300) throw new Error(`set-up: ${res.statusCode} ${res.body}`);
  return res.statusCode === 204 ? null : res.json();
};
const round = (title: string, judges: TestUser[]) => ok(t.as(t.admin, { method: 'POST', url: '/api/awards', payload: {
  title, categories: ['c'], criteria: [{ key: 'effect', label: '効果', weight: 1 }], judges: judges.map((j) => j.username) } }));
const rows = (sql: string) => t.db.prepare(sql).all();

describe('things named under another thing', () => {
  it('a nomination of round B is not reached through round A', async () => {
    const a = await round('A', [judge]);
    const b = await round('B', [other]);
    const tipA = await postTip(t, member, { title: 'tip A' });
    const tipB = await postTip(t, member, { title: 'tip B' });
    await ok(t.as(member, { method: 'POST', url: `/api/awards/${a.id}/nominations`, payload: { postId: tipA.id, category: 'c', statement: 's' } }));
    const nb = await ok(t.as(other, { method: 'POST', url: `/api/awards/${b.id}/nominations`, payload: { postId: tipB.id, category: 'c', statement: 'SECRET-B' } }));
    for (const r of [a, b]) await ok(t.as(t.admin, { method: 'POST', url: `/api/awards/${r.id}/phase`, payload: { phase: 'scoring' } }));
    const before = JSON.stringify(rows('SELECT * FROM award_nominations') ) + JSON.stringify(rows('SELECT * FROM award_scores'));
    const calls = [
      { who: judge, method: 'PUT', url: `/api/awards/${a.id}/nominations/${nb.id}/score`, payload: { scores: { effect: 5 } } },
      { who: judge, method: 'GET', url: `/api/awards/${a.id}/nominations/${nb.id}` },
      { who: other, method: 'DELETE', url: `/api/awards/${a.id}/nominations/${nb.id}` },
      { who: t.admin, method: 'DELETE', url: `/api/awards/${a.id}/nominations/${nb.id}` },
    ] as const;
    for (const c of calls) {
      const res = await t.as(c.who, { method: c.method, url: c.url, ...('payload' in c ? { payload: c.payload } : {}) });
      const missing = await t.as(c.who, { method: c.method, url: c.url.replace(`/nominations/${nb.id}`, '/nominations/987654'), ...('payload' in c ? { payload: c.payload } : {}) });
      expect(`${res.statusCode} ${res.body.replace(String(nb.id), 'N')}`, `${c.method} ${c.url}`).toBe(`${missing.statusCode} ${missing.body.replace('987654', 'N')}`);
    }
    expect(JSON.stringify(rows('SELECT * FROM award_nominations')) + JSON.stringify(rows('SELECT * FROM award_scores'))).toBe(before);
    await ok(t.as(t.admin, { method: 'POST', url: `/api/awards/${a.id}/phase`, payload: { phase: 'closed' } }));
    const noms = JSON.stringify(rows('SELECT * FROM award_nominations'));
    const publish = await t.as(t.admin, { method: 'POST', url: `/api/awards/${a.id}/publish`, payload: { winners: [{ nominationId: nb.id, prize: '大賞' }] } });
    expect(publish.statusCode).toBeGreaterThanOrEqual(400);
    expect(publish.statusCode).toBeLessThan(500);
    expect(JSON.stringify(rows('SELECT * FROM award_nominations'))).toBe(noms);
    expect(rows(`SELECT phase FROM award_rounds WHERE id = ${a.id}`)).toEqual([{ phase: 'closed' }]);
  });

  it('a reply names a comment of the same tip, never one of another (or hidden) tip', async () => {
    const tipA = await postTip(t, member, { title: 'tip A' });
    const tipB = await postTip(t, other, { title: 'tip B' });
    const onB = await ok(t.as(other, { method: 'POST', url: `/api/posts/${tipB.id}/comments`, payload: { body: 'on B' } }));
    await ok(t.as(mod, { method: 'POST', url: `/api/posts/${tipB.id}/hide`, payload: { reason: 'x' } }));
    const before = rows('SELECT id FROM comments').length;
    const notes = rows('SELECT id FROM notifications').length;
    const res = await t.as(member, { method: 'POST', url: `/api/posts/${tipA.id}/comments`, payload: { body: 'reply', parentId: onB.id } });
    const missing = await t.as(member, { method: 'POST', url: `/api/posts/${tipA.id}/comments`, payload: { body: 'reply', parentId: 987654 } });
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(`${res.statusCode} ${res.body.replace(String(onB.id), 'N')}`).toBe(`${missing.statusCode} ${missing.body.replace('987654', 'N')}`);
    expect(rows('SELECT id FROM comments').length).toBe(before);
    expect(rows('SELECT id FROM notifications').length).toBe(notes);
  });

  it('an answer of request B is not removed, nor a request solved with it, through request A', async () => {
    const tip = await postTip(t, other, { title: 'answer' });
    const ra = await ok(t.as(member, { method: 'POST', url: '/api/requests', payload: { title: 'A' } }));
    const rb = await ok(t.as(other, { method: 'POST', url: '/api/requests', payload: { title: 'B' } }));
    await ok(t.as(other, { method: 'POST', url: `/api/requests/${rb.id}/answers`, payload: { postId: tip.id } }));
    const before = JSON.stringify(rows('SELECT * FROM tip_requests')) + JSON.stringify(rows('SELECT * FROM tip_request_answers'));
    const del = await t.as(member, { method: 'DELETE', url: `/api/requests/${ra.id}/answers/${tip.id}` });
    expect(del.statusCode).toBe(404);
    const solve = await t.as(member, { method: 'POST', url: `/api/requests/${ra.id}/solve`, payload: { postId: tip.id } });
    expect([400, 404, 409]).toContain(solve.statusCode);
    expect(JSON.stringify(rows('SELECT * FROM tip_requests')) + JSON.stringify(rows('SELECT * FROM tip_request_answers'))).toBe(before);
  });

  it('a revision number is the tip\'s own: restoring "revision 1" of another tip through mine is refused', async () => {
    const mine = await postTip(t, member, { title: 'mine v1', body: 'mine' });
    const theirs = await postTip(t, other, { title: 'SECRET theirs', body: 'SECRET' });
    await ok(t.as(other, { method: 'PATCH', url: `/api/posts/${theirs.id}`, payload: { body: 'SECRET 2' } }));
    const res = await t.as(member, { method: 'POST', url: `/api/posts/${mine.id}/revisions/2/restore`, payload: {} });
    expect([400, 404, 409]).toContain(res.statusCode);
    const after = (await t.as(member, { method: 'GET', url: `/api/posts/${mine.id}` })).json();
    expect(after.body).toBe('mine');
    expect((await t.as(member, { method: 'GET', url: `/api/posts/${mine.id}/diff?from=1&to=2` })).body).not.toContain('SECRET');
  });
});

describe('first-run and feed tokens', () => {
  it('a suspended member\'s feed token opens no feed', async () => {
    const token = (await ok(t.as(member, { method: 'POST', url: '/api/me/feed-tokens', payload: { label: 'rss' } }))).token;
    expect((await t.as(null, { method: 'GET', url: `/api/feeds/tips.atom?token=${token}` })).statusCode).toBe(200);
    await ok(t.as(t.admin, { method: 'PATCH', url: `/api/users/${member.id}`, payload: { suspended: true } }));
    for (const url of ['/api/feeds/tips.atom', '/api/feeds/requests.atom']) {
      expect((await t.as(null, { method: 'GET', url: `${url}?token=${token}` })).statusCode, url).toBe(403);
    }
  });
});
