import type { TSchema } from '@sinclair/typebox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, postTip, type TestApp, type TestUser } from '../helpers/app';

/**
 * Deny by default for other people's things: every write route the app registers that names
 * something in its path (from the route register) is called by a plain member against every id
 * in use, with a body its schema accepts. Only the writes listed below — those any member may do
 * to someone else's tip or request (like, bookmark, view, report, comment, 使ってみた, vote, answer,
 * nominate, follow) — may succeed; any other route that answers 2xx or changes a stored row
 * when called by someone who owns nothing there is a hole.
 */
const ANY_MEMBER = new Set([
  'PUT /api/posts/:id/like', 'DELETE /api/posts/:id/like', 'PUT /api/posts/:id/bookmark', 'DELETE /api/posts/:id/bookmark',
  'POST /api/posts/:id/views', 'POST /api/posts/:id/reports', 'POST /api/posts/:id/comments',
  'POST /api/posts/:id/adoptions', 'DELETE /api/posts/:id/adoptions',
  'PUT /api/requests/:id/vote', 'DELETE /api/requests/:id/vote', 'POST /api/requests/:id/answers',
  'POST /api/awards/:id/nominations',
  'PUT /api/tags/:name/follow', 'DELETE /api/tags/:name/follow', 'PUT /api/profiles/:username/follow', 'DELETE /api/profiles/:username/follow',
]);
const VOLATILE = /session|rate|login|attempt|lock|cache|sqlite_|_fts|fts_|search_|view/i;

let t: TestApp;
let owner: TestUser;
let intruder: TestUser;
let maxId = 0;

beforeAll(async () => {
  t = await createTestApp();
  owner = await t.user('owner');
  intruder = await t.user('intruder');
  const judge = await t.user('judge');
  const bystander = await t.user('bystander');
  const ok = async (p: ReturnType<TestApp['as']>) => {
    const res = await p;
    if (res.statusCode >= 300) throw new Error(`set-up: ${res.statusCode} ${res.body}`);
    return res.json();
  };
  // The owner's things: tips (with revisions), a draft, comments, a request with an answer, a
  // nomination, an adoption, a feed token, notifications; a third member's tip and reply. The
  // intruder owns nothing at all, so no id may let them write.
  const tip = await postTip(t, owner, { title: 'owner tip', body: 'v1', tags: ['ownertag'] });
  await ok(t.as(owner, { method: 'PATCH', url: `/api/posts/${tip.id}`, payload: { body: 'v2' } }));
  await ok(t.as(owner, { method: 'POST', url: '/api/posts', payload: { title: 'owner draft', body: 'd', tags: [], status: 'draft' } }));
  const theirs = await postTip(t, bystander, { title: 'bystander tip' });
  const comment = await ok(t.as(owner, { method: 'POST', url: `/api/posts/${tip.id}/comments`, payload: { body: 'owner comment' } }));
  await ok(t.as(bystander, { method: 'POST', url: `/api/posts/${tip.id}/comments`, payload: { body: 'reply', parentId: comment.id } }));
  const req = await ok(t.as(owner, { method: 'POST', url: '/api/requests', payload: { title: 'owner request' } }));
  await ok(t.as(owner, { method: 'POST', url: `/api/requests/${req.id}/answers`, payload: { postId: tip.id } }));
  await ok(t.as(owner, { method: 'POST', url: `/api/posts/${theirs.id}/adoptions`, payload: { minutesSavedPerMonth: 10 } }));
  await ok(t.as(owner, { method: 'POST', url: '/api/me/feed-tokens', payload: { label: 'owner token' } }));
  await ok(t.as(owner, { method: 'PUT', url: '/api/profiles/bystander/follow' }));
  const round = await ok(t.as(t.admin, { method: 'POST', url: '/api/awards', payload: {
    title: 'DX', categories: ['c'], criteria: [{ key: 'k', label: 'l', weight: 1 }], judges: ['judge'] } }));
  await ok(t.as(owner, { method: 'POST', url: `/api/awards/${round.id}/nominations`, payload: { postId: theirs.id, category: 'c', statement: 's' } }));
  await ok(t.as(owner, { method: 'POST', url: `/api/posts/${theirs.id}/reports`, payload: { reason: 'spam' } }));
  void judge;
  maxId = Math.max(tip.id, theirs.id, comment.id, req.id, round.id) + 3;
}, 60_000);
afterAll(async () => { await t.close(); });

function sampleOf(schema: TSchema): unknown {
  const s = schema as { const?: unknown; anyOf?: TSchema[]; enum?: unknown[]; type?: string; properties?: Record<string, TSchema>;
    required?: string[]; items?: TSchema; minimum?: number; minItems?: number; minProperties?: number; format?: string };
  if (s.const !== undefined) return s.const;
  if (s.enum) return s.enum[0];
  if (s.anyOf) return sampleOf(s.anyOf[0]);
  switch (s.type) {
    case 'string': return s.format === 'date-time' ? new Date().toISOString() : 'changed by the intruder';
    case 'integer': case 'number': return Math.max(1, s.minimum ?? 1);
    case 'boolean': return true;
    case 'array': return s.items ? Array.from({ length: Math.max(1, s.minItems ?? 0) }, () => sampleOf(s.items!)) : [];
    case 'object': {
      const entries = Object.entries(s.properties ?? {});
      const chosen = entries.filter(([k]) => s.required?.includes(k));
      // An edit needs a field: all of them, so that whatever is checked last is reached.
      return Object.fromEntries((chosen.length || !s.minProperties ? chosen : entries).map(([k, v]) => [k, sampleOf(v)]));
    }
    default: return null;
  }
}

function snapshot(): Map<string, string> {
  const tables = t.db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[];
  return new Map(tables.filter((n) => !VOLATILE.test(n)).map((n) => [n, JSON.stringify(t.db.prepare(`SELECT * FROM "${n}"`).raw().all())]));
}

describe('writes to someone else\'s things', () => {
  it('are refused on every route but those any member may do, and change nothing', async () => {
    const rules = t.app.routeRules.filter((r) => ['POST', 'PUT', 'PATCH', 'DELETE'].includes(r.method)
      && /\/:/.test(r.url) && r.access === 'member' && !ANY_MEMBER.has(`${r.method} ${r.url}`));
    expect(rules.length).toBeGreaterThan(12);
    const ids = Array.from({ length: maxId }, (_, i) => String(i + 1));
    const failures: string[] = [];
    let calls = 0;
    for (const rule of rules) {
      let urls = [rule.url.replace(/:username\b/, 'owner').replace(/:name\b/, 'ownertag')];
      for (const p of ['id', 'nid', 'number', 'postId']) {
        urls = urls.flatMap((u) => (u.includes(`:${p}`) ? ids.map((v) => u.replace(`:${p}`, v)) : [u]));
      }
      const body = (rule.schema as { body?: TSchema } | undefined)?.body;
      const payload = body && (body as { type?: string }).type === 'object' ? sampleOf(body) as object : undefined;
      for (const url of urls) {
        const before = snapshot();
        const res = await t.as(intruder, { method: rule.method as 'POST', url, ...(payload ? { payload } : {}) });
        calls++;
        const after = snapshot();
        const changed = [...after].filter(([k, v]) => before.get(k) !== v).map(([k]) => k);
        if (res.statusCode < 300 || changed.length) {
          failures.push(`${rule.method} ${url}: ${res.statusCode}${changed.length ? `, changed ${changed.join(', ')}` : ''} ${res.body.slice(0, 100)}`);
        }
        if (res.statusCode >= 500) failures.push(`${rule.method} ${url}: ${res.statusCode}`);
      }
    }
    expect(calls).toBeGreaterThan(200);
    expect(failures).toEqual([]);
  }, 300_000);

  it('the /me routes act on the caller only, whatever ids the body names', async () => {
    const ownerNotes = t.db.prepare('SELECT id FROM notifications WHERE user_id = ? AND read_at IS NULL').pluck().all(owner.id) as number[];
    expect(ownerNotes.length).toBeGreaterThan(0);
    const read = await t.as(intruder, { method: 'POST', url: '/api/me/notifications/read', payload: { ids: ownerNotes } });
    expect(read.statusCode).toBe(200);
    expect(t.db.prepare('SELECT count(*) FROM notifications WHERE user_id = ? AND read_at IS NULL').pluck().get(owner.id)).toBe(ownerNotes.length);
    expect((await t.as(intruder, { method: 'DELETE', url: '/api/me/sessions' })).statusCode).toBeLessThan(300);
    expect((await t.as(owner, { method: 'GET', url: '/api/me' })).statusCode).toBe(200); // still signed in
    const mail = await t.as(owner, { method: 'GET', url: '/api/me/mail' });
    expect(mail.statusCode).toBe(200);
    const tokens = (await t.as(owner, { method: 'GET', url: '/api/me/feed-tokens' })).json();
    expect(JSON.stringify(tokens)).toContain('owner token');
  });
});
