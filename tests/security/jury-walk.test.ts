import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, postTip, type TestApp, type TestUser } from '../helpers/app';

/**
 * Judges' comments never leave the jury and administrators, and a judge never sees another
 * judge's score or comment on a tip the judge wrote (docs/AWARDS.md). Every GET route (from the
 * route register), with every id in use and each query value, is called by a member, the
 * nominator, the tip's author, a moderator, and the judge who wrote a nominated tip, in every
 * phase from scoring to published (full ranking); none may carry a comment they may not read.
 */
const COMMENT = 'jurycomment';
const ON_OWN = 'onowntip';
let t: TestApp;
let member: TestUser;
let nominator: TestUser;
let judgeAuthor: TestUser;
let otherJudge: TestUser;
let mod: TestUser;
let roundId = 0;
let maxId = 0;

beforeAll(async () => {
  t = await createTestApp();
  member = await t.user('member');
  nominator = await t.user('nominator');
  judgeAuthor = await t.user('judgea');
  otherJudge = await t.user('judgeb');
  mod = await t.user('mod', { role: 'moderator' });
  const ok = async (p: ReturnType<TestApp['as']>) => {
    const res = await p;
    if (res.statusCode >= 300) throw new Error(`set-up: ${res.statusCode} ${res.body}`);
    return res.json();
  };
  const round = await ok(t.as(t.admin, { method: 'POST', url: '/api/awards', payload: {
    title: 'DX賞', categories: ['c'], criteria: [{ key: 'effect', label: '効果', weight: 1 }], judges: ['judgea', 'judgeb'] } }));
  roundId = round.id;
  const own = await postTip(t, judgeAuthor, { title: 'by a judge' });
  const plain = await postTip(t, member, { title: 'by a member' });
  const nOwn = await ok(t.as(nominator, { method: 'POST', url: `/api/awards/${round.id}/nominations`, payload: { postId: own.id, category: 'c', statement: 's' } }));
  const nPlain = await ok(t.as(nominator, { method: 'POST', url: `/api/awards/${round.id}/nominations`, payload: { postId: plain.id, category: 'c', statement: 's' } }));
  await ok(t.as(t.admin, { method: 'POST', url: `/api/awards/${round.id}/phase`, payload: { phase: 'scoring' } }));
  await ok(t.as(otherJudge, { method: 'PUT', url: `/api/awards/${round.id}/nominations/${nOwn.id}/score`, payload: { scores: { effect: 5 }, comment: `${COMMENT} ${ON_OWN}` } }));
  await ok(t.as(otherJudge, { method: 'PUT', url: `/api/awards/${round.id}/nominations/${nPlain.id}/score`, payload: { scores: { effect: 3 }, comment: `${COMMENT} b` } }));
  await ok(t.as(judgeAuthor, { method: 'PUT', url: `/api/awards/${round.id}/nominations/${nPlain.id}/score`, payload: { scores: { effect: 4 }, comment: `${COMMENT} a` } }));
  maxId = Math.max(own.id, plain.id, nOwn.id, nPlain.id, round.id) + 2;
}, 60_000);
afterAll(async () => { await t.close(); });

async function walk(who: TestUser, forbidden: string[]): Promise<string[]> {
  const ids = Array.from({ length: maxId }, (_, i) => String(i + 1));
  const failures: string[] = [];
  for (const rule of t.app.routeRules.filter((r) => r.method === 'GET' && r.url.startsWith('/api/'))) {
    let paths = [rule.url.replace(/:username\b/, 'judgea').replace(/:name\b/, 'x')];
    for (const p of ['id', 'nid', 'number', 'postId']) paths = paths.flatMap((u) => (u.includes(`:${p}`) ? ids.map((v) => u.replace(`:${p}`, v)) : [u]));
    const q = Object.keys((rule.schema as { querystring?: { properties?: object } } | undefined)?.querystring?.properties ?? {});
    const urls = paths.flatMap((p) => [p, ...(q.includes('roundId') ? [`${p}?roundId=${roundId}`] : []), ...(q.includes('category') ? [`${p}?category=c`] : [])]);
    for (const url of urls) {
      const res = await t.as(who, { method: 'GET', url });
      for (const f of forbidden) if (res.body.includes(f)) failures.push(`${url} as ${who.username}: ${f} …${res.body.slice(Math.max(0, res.body.indexOf(f) - 80), res.body.indexOf(f) + 30)}`);
    }
  }
  return failures;
}

describe('judges\' comments', () => {
  it('stay with the jury and administrators in every phase', async () => {
    const failures: string[] = [];
    for (const phase of ['scoring', 'closed', 'published'] as const) {
      if (phase === 'closed') expect((await t.as(t.admin, { method: 'POST', url: `/api/awards/${roundId}/phase`, payload: { phase } })).statusCode).toBe(200);
      if (phase === 'published') {
        const noms = (await t.as(t.admin, { method: 'GET', url: `/api/awards/${roundId}/nominations` })).json().items as { id: number }[];
        expect((await t.as(t.admin, { method: 'POST', url: `/api/awards/${roundId}/publish`, payload: {
          winners: noms.map((n) => ({ nominationId: n.id, prize: '大賞' })), visibility: 'ranking' } })).statusCode).toBe(200);
      }
      for (const who of [member, nominator, mod]) failures.push(...(await walk(who, [COMMENT])).map((f) => `${phase}: ${f}`));
      failures.push(...(await walk(judgeAuthor, [ON_OWN])).map((f) => `${phase}: ${f}`));
    }
    // The control: the administrator reads the comments once scoring is over.
    expect((await t.as(t.admin, { method: 'GET', url: `/api/awards/${roundId}/results` })).body).toContain(COMMENT);
    expect(failures).toEqual([]);
  }, 240_000);
});
