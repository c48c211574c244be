import type { TSchema } from '@sinclair/typebox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliverFollowNotifications } from '../../server/follows/service';
import { createTestApp, postTip, type TestApp, type TestUser } from '../helpers/app';

/**
 * Hidden, draft and deleted content, hidden and deleted comments and one member's private
 * settings are planted with marker words; then EVERY GET route the app registers (from the
 * route register, not a hand list) is called by other members with every plausible path
 * parameter and each query parameter the route's schema declares, filled with values that would
 * find the planted content (ids, the author, the shared tag, the shared search word, every enum
 * value). No answer may carry a marker the caller may not see. Everything that could carry the
 * content onward is done while it is still visible: likes, bookmarks, views, adoptions, reports,
 * comments, mentions, follow notifications, request answers, award nominations and winners.
 */
const WORD = 'zebraquartz';
const TAG = 'zebratag';
const M = {
  hidden: 'leakhid', draft: 'leakdrf', deleted: 'leakdel', hiddenComment: 'leakhcm',
  deletedComment: 'leakdcm', deletedRequest: 'leakdrq', private: 'leakprv', report: 'leakrpt',
} as const;
type Marker = keyof typeof M;

let t: TestApp;
let author: TestUser; // writes the secret tips
let other: TestUser; // interacts with them while visible
let viewer: TestUser; // a plain member who reads afterwards
let mod: TestUser;
let viewerToken: string;
let maxId = 0;

const ok = async (p: ReturnType<TestApp['as']>, want = [200, 201, 204]) => {
  const res = await p;
  if (!want.includes(res.statusCode)) throw new Error(`set-up call failed: ${res.statusCode} ${res.body}`);
  return res;
};

beforeAll(async () => {
  t = await createTestApp();
  author = await t.user('author', { department: '企画課' });
  other = await t.user('other', { department: '税務課' });
  viewer = await t.user('viewer', { department: '総務課' });
  mod = await t.user('mod', { role: 'moderator' });
  const judge = await t.user('judge');

  // The viewer follows the author and the shared tag; so does the other member.
  for (const u of [viewer, other]) {
    await ok(t.as(u, { method: 'PUT', url: '/api/profiles/author/follow' }));
  }
  const pub = await postTip(t, author, { title: `公開 ${WORD}`, body: `公開本文 ${WORD} @viewer`, tags: [TAG, 'pubtag'] });
  await ok(t.as(viewer, { method: 'PUT', url: `/api/tags/${TAG}/follow` }));

  const secretTip = async (m: string) => postTip(t, author, {
    title: `${m}-title ${WORD}`, body: `${m}-body ${WORD} @viewer @other\n\n![${m}-alt](https://x.example/${m}.png)`,
    tags: [TAG, `${m}-tag`],
  });
  const hidden = await secretTip(M.hidden);
  const deleted = await secretTip(M.deleted);
  await ok(t.as(author, { method: 'PATCH', url: `/api/posts/${hidden.id}`, payload: { body: `${M.hidden}-body2 ${WORD} @viewer` } }));
  await ok(t.as(author, { method: 'PATCH', url: `/api/posts/${pub.id}`, payload: { title: `公開 ${WORD} 改` } }));

  // Everything other members do with them while they can see them.
  for (const tip of [hidden, deleted, pub]) {
    for (const u of [other, viewer]) {
      await ok(t.as(u, { method: 'PUT', url: `/api/posts/${tip.id}/like` }));
      await ok(t.as(u, { method: 'PUT', url: `/api/posts/${tip.id}/bookmark` }));
      await ok(t.as(u, { method: 'POST', url: `/api/posts/${tip.id}/views` }));
    }
    await ok(t.as(other, { method: 'POST', url: `/api/posts/${tip.id}/adoptions`, payload: { minutesSavedPerMonth: 30, note: `note on ${tip.title}` } }));
    await ok(t.as(other, { method: 'POST', url: `/api/posts/${tip.id}/comments`, payload: { body: `comment on ${tip.title} @viewer` } }));
  }
  await ok(t.as(other, { method: 'POST', url: `/api/posts/${hidden.id}/reports`, payload: { reason: 'spam', comment: 'the reporter\'s own words' } }));
  // A report on a visible tip: its comment is for moderators only (not the tip's author, not other members).
  await ok(t.as(other, { method: 'POST', url: `/api/posts/${pub.id}/reports`, payload: { reason: 'other', comment: `${M.report} words` } }));
  const hcm = (await ok(t.as(other, { method: 'POST', url: `/api/posts/${pub.id}/comments`, payload: { body: `${M.hiddenComment} ${WORD} @viewer` } }))).json();
  const dcm = (await ok(t.as(other, { method: 'POST', url: `/api/posts/${pub.id}/comments`, payload: { body: `${M.deletedComment} ${WORD} @viewer` } }))).json();
  await ok(t.as(viewer, { method: 'POST', url: `/api/posts/${pub.id}/comments`, payload: { body: `reply to ${WORD}`, parentId: hcm.id } }), [201, 400]);

  // Requests answered with the secret tips; one request later deleted.
  const req = (await ok(t.as(viewer, { method: 'POST', url: '/api/requests', payload: { title: `教えて ${WORD}`, body: '知りたい' } }))).json();
  for (const tip of [hidden, deleted, pub]) await ok(t.as(author, { method: 'POST', url: `/api/requests/${req.id}/answers`, payload: { postId: tip.id } }));
  const dreq = (await ok(t.as(author, { method: 'POST', url: '/api/requests', payload: { title: `${M.deletedRequest} ${WORD}`, body: `${M.deletedRequest} @viewer` } }))).json();
  await ok(t.as(viewer, { method: 'PUT', url: `/api/requests/${dreq.id}/vote` }));

  // An award round in which the hidden tip wins before it is hidden.
  const round = (await ok(t.as(t.admin, { method: 'POST', url: '/api/awards', payload: {
    title: 'DX賞', categories: ['部門'], criteria: [{ key: 'effect', label: '効果', weight: 1 }], judges: ['judge'],
  } }))).json();
  const noms = [];
  for (const tip of [hidden, deleted, pub]) {
    noms.push((await ok(t.as(other, { method: 'POST', url: `/api/awards/${round.id}/nominations`, payload: { postId: tip.id, category: '部門', statement: `推薦 ${tip.title}` } }))).json());
  }
  await ok(t.as(t.admin, { method: 'POST', url: `/api/awards/${round.id}/phase`, payload: { phase: 'scoring' } }));
  for (const n of noms) await ok(t.as(judge, { method: 'PUT', url: `/api/awards/${round.id}/nominations/${n.id}/score`, payload: { scores: { effect: 5 }, comment: `score ${n.id}` } }));
  await ok(t.as(t.admin, { method: 'POST', url: `/api/awards/${round.id}/phase`, payload: { phase: 'closed' } }));
  await ok(t.as(t.admin, { method: 'POST', url: `/api/awards/${round.id}/publish`, payload: {
    winners: noms.map((n) => ({ nominationId: n.id, prize: '大賞' })), visibility: 'ranking',
  } }));

  // Follow notifications told while the tips are visible, views written.
  deliverFollowNotifications(t.app.ctx);
  t.app.ctx.views.flush();

  // A draft with revisions; the author's private settings.
  const draft = (await ok(t.as(author, { method: 'POST', url: '/api/posts', payload: {
    title: `${M.draft}-title ${WORD}`, body: `${M.draft}-body ${WORD} @viewer`, tags: [TAG, `${M.draft}-tag`], status: 'draft',
  } }))).json();
  await ok(t.as(author, { method: 'PATCH', url: `/api/posts/${draft.id}`, payload: { body: `${M.draft}-body2 ${WORD} @viewer` } }));
  await ok(t.as(author, { method: 'PUT', url: '/api/me/mail', payload: { email: `${M.private}@example.jp`, mentions: true, digest: true } }));
  await ok(t.as(author, { method: 'POST', url: '/api/me/feed-tokens', payload: { label: `${M.private}-label` } }));
  const vt = (await ok(t.as(viewer, { method: 'POST', url: '/api/me/feed-tokens', payload: { label: 'viewer feed' } }))).json();
  viewerToken = vt.token;

  // Now: hide, delete.
  await ok(t.as(mod, { method: 'POST', url: `/api/posts/${hidden.id}/hide`, payload: { reason: '確認中' } }));
  await ok(t.as(author, { method: 'DELETE', url: `/api/posts/${deleted.id}` }));
  await ok(t.as(mod, { method: 'POST', url: `/api/comments/${hcm.id}/hide`, payload: { reason: '確認中' } }));
  await ok(t.as(other, { method: 'DELETE', url: `/api/comments/${dcm.id}` }));
  await ok(t.as(author, { method: 'DELETE', url: `/api/requests/${dreq.id}` }));
  t.app.ctx.views.flush();
  deliverFollowNotifications(t.app.ctx);

  maxId = Math.max(draft.id, hidden.id, deleted.id, hcm.id, dcm.id, dreq.id, round.id, ...noms.map((n) => n.id), vt.id ?? 0, 10) + 2;
}, 120_000);
afterAll(async () => { await t.close(); });

type Rule = TestApp['app']['routeRules'][number];
const props = (rule: Rule) => ((rule.schema as { querystring?: { properties?: Record<string, TSchema> } } | undefined)?.querystring?.properties ?? {});

/** The values of an enum-like schema (union of literals), if it is one. */
function literals(s: TSchema | undefined): unknown[] {
  if (!s) return [];
  const any = s as { const?: unknown; anyOf?: TSchema[]; enum?: unknown[]; items?: TSchema };
  if (any.const !== undefined) return [any.const];
  if (any.enum) return any.enum;
  if (any.anyOf) return any.anyOf.flatMap(literals);
  if (any.items) return literals(any.items);
  return [];
}

function queryValues(name: string, schema: TSchema): string[] {
  const lits = literals(schema).map(String);
  if (lits.length) return lits;
  const ids = Array.from({ length: maxId }, (_, i) => String(i + 1));
  switch (name) {
    case 'q': return [WORD, `${WORD} 公開`, 'zebra', 'zeb', '公開', 'leak'];
    case 'tag': return [TAG];
    case 'author': case 'actor': return ['author', 'other'];
    case 'id': case 'postId': case 'roundId': case 'targetId': return ids;
    case 'department': return ['企画課'];
    case 'limit': return ['100'];
    case 'token': return [viewerToken];
    case 'fy': return ['2024', '2025', '2026'];
    default: return [];
  }
}

function targets(rule: Rule): string[] {
  const ids = Array.from({ length: maxId }, (_, i) => String(i + 1));
  let paths = [rule.url];
  const fill = (param: string, values: string[]) => {
    paths = paths.flatMap((p) => (p.includes(`:${param}`) ? values.map((v) => p.replace(`:${param}`, encodeURIComponent(v))) : [p]));
  };
  fill('username', ['author', 'other', 'viewer', 'mod', 'admin']);
  fill('name', [TAG, 'pubtag']);
  fill('number', ['1', '2', '3']);
  for (const p of ['id', 'nid', 'postId']) fill(p, ids);
  paths = paths.map((p) => p.replace(/:[A-Za-z]+/g, '1').replace(/\*/g, 'x'));
  const out: string[] = [];
  for (const p of paths) {
    out.push(p);
    for (const [name, schema] of Object.entries(props(rule))) {
      for (const v of queryValues(name, schema)) out.push(`${p}?${name}=${encodeURIComponent(v)}&limit=100`.replace('&limit=100&limit=100', '&limit=100'));
    }
  }
  return [...new Set(out)];
}

async function walk(who: TestUser | null, forbidden: Marker[], extraHeaders: Record<string, string> = {}): Promise<{ calls: number; failures: string[] }> {
  const failures: string[] = [];
  let calls = 0;
  const rules = t.app.routeRules.filter((r) => r.method === 'GET' && r.url.startsWith('/api/'));
  for (const rule of rules) {
    for (const url of targets(rule)) {
      const res = await t.as(who, { method: 'GET', url, headers: extraHeaders });
      calls++;
      if (res.statusCode >= 500) failures.push(`GET ${url}: ${res.statusCode} ${res.body.slice(0, 200)}`);
      const body = res.body.toLowerCase();
      for (const m of forbidden) {
        const i = body.indexOf(M[m]);
        if (i >= 0) failures.push(`GET ${url} (${rule.url}) shows ${m}: …${res.body.slice(Math.max(0, i - 80), i + 60)}…`);
      }
    }
  }
  return { calls, failures };
}

describe('nothing a caller may not see comes out of any GET route', () => {
  it('the control: the viewer saw the markers while they were visible (follow notification), and the author still sees her own', async () => {
    const mine = await t.as(author, { method: 'GET', url: '/api/me/drafts' });
    expect(mine.body).toContain(M.draft);
    const mail = await t.as(author, { method: 'GET', url: '/api/me/mail' });
    expect(mail.body).toContain(M.private);
    expect((await t.as(mod, { method: 'GET', url: '/api/moderation/reports?status=resolved&limit=100' })).body).toContain(M.hidden);
    expect((await t.as(mod, { method: 'GET', url: '/api/moderation/reports?limit=100' })).body).toContain(M.report);
  });

  it('to a plain member', async () => {
    const { calls, failures } = await walk(viewer, Object.keys(M) as Marker[]);
    expect(calls).toBeGreaterThan(300);
    expect(failures).toEqual([]);
  }, 240_000);

  it('to the member who interacted with the tips while they were visible', async () => {
    const { failures } = await walk(other, ['hidden', 'draft', 'deleted', 'private', 'deletedRequest', 'hiddenComment']);
    // The other member wrote the hidden comment and may still see it: only its tip's readers may not.
    expect(failures.filter((f) => !f.includes('shows hiddenComment'))).toEqual([]);
  }, 240_000);

  it('to the author of the tips (not the hidden comment on her tip, nor deleted things, nor a report\'s comment)', async () => {
    const { failures } = await walk(author, ['hiddenComment', 'deletedComment', 'deletedRequest', 'report']);
    expect(failures).toEqual([]);
  }, 240_000);

  it('to a moderator (who may see hidden things, not drafts, deleted things or private settings)', async () => {
    const { failures } = await walk(mod, ['draft', 'deleted', 'deletedComment', 'deletedRequest', 'private']);
    expect(failures).toEqual([]);
  }, 240_000);

  it('to an administrator (not drafts or deleted tips)', async () => {
    const { failures } = await walk(t.admin, ['draft', 'deletedComment']);
    expect(failures).toEqual([]);
  }, 240_000);

  it('with no session, a feed token opens the feeds only, and they carry nothing hidden', async () => {
    const failures: string[] = [];
    for (const rule of t.app.routeRules.filter((r) => r.method === 'GET' && r.url.startsWith('/api/') && r.access !== 'public')) {
      const url = `${rule.url.replace(/:username\b/, 'viewer').replace(/:[A-Za-z]+/g, '1')}?token=${encodeURIComponent(viewerToken)}`;
      const res = await t.as(null, { method: 'GET', url });
      const feed = rule.url.startsWith('/api/feeds/');
      if (feed ? res.statusCode !== 200 : res.statusCode !== 401) failures.push(`GET ${url}: ${res.statusCode}`);
      for (const m of Object.values(M)) if (res.body.toLowerCase().includes(m)) failures.push(`GET ${url} shows ${m}`);
    }
    expect(failures).toEqual([]);
  });
});
