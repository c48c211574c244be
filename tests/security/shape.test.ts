import { Value } from '@sinclair/typebox/value';
import type { TSchema } from '@sinclair/typebox';
import { beforeAll, afterAll, describe, expect, it } from 'vitest';
import { createTestApp, postTip, type TestApp, type TestUser } from '../helpers/app';

/**
 * Nothing leaks by its shape: for every route that takes a tip id (found in the route register,
 * not listed by hand), a draft or a hidden tip answers exactly as a tip that does not exist
 * (same status, same body) to anyone who may not see it; so does a tag only they carry.
 */
const MISSING = 987654;
let t: TestApp;
let author: TestUser;
let member: TestUser;
let mod: TestUser;
let hiddenId: number;
let draftId: number;

beforeAll(async () => {
  t = await createTestApp();
  author = await t.user('author');
  member = await t.user('member');
  mod = await t.user('mod', { role: 'moderator' });
  await postTip(t, author, { title: '公開', tags: ['pubtag'] });
  const hidden = await postTip(t, author, { title: '非公開', tags: ['hiddenonly'] });
  hiddenId = hidden.id;
  expect((await t.as(t.admin, { method: 'POST', url: `/api/posts/${hiddenId}/hide`, payload: { reason: '確認中' } })).statusCode).toBe(200);
  const draft = await t.as(author, { method: 'POST', url: '/api/posts', payload: { title: '下書き', body: '', tags: ['draftonly'], status: 'draft' } });
  draftId = draft.json().id;
});
afterAll(async () => { await t.close(); });

/** A body the route's schema accepts, with readable text where it wants text. */
function sample(schema: unknown): unknown {
  if (!schema) return undefined;
  const fill = (v: unknown): unknown => {
    if (typeof v === 'string') return v.trim() === '' ? '確認のため' : v;
    if (Array.isArray(v)) return v.map(fill);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, fill(x)]));
    return v;
  };
  const value = Value.Create(schema as TSchema) as Record<string, unknown>;
  const s = schema as { minProperties?: number; properties?: Record<string, TSchema> };
  // An edit needs at least one field: the first one the schema names.
  if (s.minProperties && value && Object.keys(value).length === 0 && s.properties) {
    const [key, prop] = Object.entries(s.properties)[0];
    value[key] = Value.Create(prop);
  }
  return fill(value);
}

const same = (body: string, id: string | number) => body.split(String(id)).join('<id>');

describe('a tip that may not be seen answers as a missing one', () => {
  it('on every route that takes a tip id', async () => {
    const routes = t.app.routeRules.filter((r) => r.method !== 'HEAD' && /^\/api\/posts\/:id(\/|$)/.test(r.url));
    expect(routes.length).toBeGreaterThan(20);
    const failures: string[] = [];
    const cases = [
      { who: 'member', viewer: () => member, ids: () => [hiddenId, draftId] },
      { who: 'moderator', viewer: () => mod, ids: () => [draftId] },
    ];
    for (const rule of routes) {
      const body = ['GET', 'DELETE'].includes(rule.method) ? undefined : sample((rule.schema as { body?: unknown } | undefined)?.body);
      const url = (id: number) => rule.url.replace(':id', String(id)).replace(/:[A-Za-z]+/g, '1');
      for (const c of cases) {
        for (const id of c.ids()) {
          const call = (target: number) => t.as(c.viewer(), { method: rule.method as 'GET', url: url(target), ...(body !== undefined ? { payload: body as object } : {}) });
          const unseen = await call(id);
          const missing = await call(MISSING);
          const where = `${rule.method} ${rule.url} as ${c.who}, ${id === draftId ? 'draft' : 'hidden'}`;
          const allowed = rule.access === 'member' || (rule.access === 'moderator' && c.who === 'moderator');
          if (allowed && missing.statusCode !== 404) failures.push(`${where}: a missing tip answers ${missing.statusCode} ${missing.body}`);
          if (unseen.statusCode !== missing.statusCode || same(unseen.body, id) !== same(missing.body, MISSING)) {
            failures.push(`${where}: ${unseen.statusCode} ${unseen.body.slice(0, 120)} ≠ ${missing.statusCode} ${missing.body.slice(0, 120)}`);
          }
        }
      }
    }
    expect(failures).toEqual([]);
    // Nothing was done to them either.
    expect(t.db.prepare('SELECT status FROM posts WHERE id = ?').pluck().get(draftId)).toBe('draft');
    expect(t.db.prepare('SELECT status FROM posts WHERE id = ?').pluck().get(hiddenId)).toBe('hidden');
  });

  it('when named in a body or query: answering a request, reports, stats', async () => {
    const request = (await t.as(member, { method: 'POST', url: '/api/requests', payload: { title: '教えて' } })).json();
    const calls = (id: number) => [
      { method: 'POST', url: `/api/requests/${request.id}/answers`, payload: { postId: id } },
      { method: 'DELETE', url: `/api/requests/${request.id}/answers/${id}` },
      { method: 'GET', url: `/api/me/stats?postId=${id}` },
    ] as const;
    for (const [viewer, ids] of [[member, [hiddenId, draftId]], [mod, [draftId]]] as const) {
      for (const id of ids) {
        const a = calls(id);
        const b = calls(MISSING);
        for (let i = 0; i < a.length; i++) {
          const unseen = await t.as(viewer, a[i]);
          const missing = await t.as(viewer, b[i]);
          expect(`${unseen.statusCode} ${same(unseen.body, id)}`, `${a[i].method} ${a[i].url}`).toBe(`${missing.statusCode} ${same(missing.body, MISSING)}`);
        }
      }
    }
  });
});

describe('a tag only drafts or hidden tips carry answers as a missing one', () => {
  const reads = (tag: string) => [
    `/api/posts?tag=${tag}`, `/api/feeds/tips.atom?tag=${tag}`, `/api/rankings?tag=${tag}`, `/api/search?tag=${tag}`,
    `/api/tags?q=${tag}`,
  ];
  it('on the tag page, its feed, rankings, search and the tag list', async () => {
    for (const [viewer, tags] of [[member, ['draftonly', 'hiddenonly']], [mod, ['draftonly']]] as const) {
      for (const tag of tags) {
        const a = reads(tag);
        const b = reads('nosuchtag');
        for (let i = 0; i < a.length; i++) {
          const unseen = await t.as(viewer, { method: 'GET', url: a[i] });
          const missing = await t.as(viewer, { method: 'GET', url: b[i] });
          expect(`${unseen.statusCode} ${unseen.body.split(tag).join('<tag>')}`, a[i]).toBe(`${missing.statusCode} ${missing.body.split('nosuchtag').join('<tag>')}`);
        }
      }
    }
    // The control: a tag of a published tip is there.
    expect((await t.as(member, { method: 'GET', url: '/api/feeds/tips.atom?tag=pubtag' })).statusCode).toBe(200);
  });

  it('to a moderator renaming or merging tags', async () => {
    const rename = (from: string, to: string) => t.as(mod, { method: 'PATCH', url: `/api/tags/${from}`, payload: { name: to } });
    const unseen = await rename('draftonly', 'renamed1');
    const missing = await rename('nosuchtag', 'renamed1');
    expect(`${unseen.statusCode} ${unseen.body.split('draftonly').join('<tag>')}`).toBe(`${missing.statusCode} ${missing.body.split('nosuchtag').join('<tag>')}`);
    const merge = await t.as(mod, { method: 'POST', url: '/api/tags/merge', payload: { from: ['draftonly'], into: 'pubtag' } });
    const mergeMissing = await t.as(mod, { method: 'POST', url: '/api/tags/merge', payload: { from: ['nosuchtag'], into: 'pubtag' } });
    expect(`${merge.statusCode} ${merge.body.split('draftonly').join('<tag>')}`).toBe(`${mergeMissing.statusCode} ${mergeMissing.body.split('nosuchtag').join('<tag>')}`);
    // Renaming a visible tag onto a name only a draft uses: answered as if that name were free.
    const onto = await rename('pubtag', 'DraftOnly');
    expect(onto.statusCode).toBe(200);
    expect(onto.json()).toEqual({ name: 'DraftOnly', count: 1 });
    expect(t.db.prepare("SELECT status FROM posts WHERE id = ?").pluck().get(draftId)).toBe('draft');
  });
});

describe('notifications quoting content later hidden', () => {
  it('withhold its words from whoever may no longer see it', async () => {
    const owner = await t.user('owner');
    const commenter = await t.user('commenter');
    const reporter = await t.user('reporter');
    const asker = await t.user('asker');
    const tip = await postTip(t, owner, { title: 'SECRET-TITLE-1' });
    const comment = (await t.as(commenter, { method: 'POST', url: `/api/posts/${tip.id}/comments`, payload: { body: 'SECRET-COMMENT-2' } })).json();
    expect((await t.as(reporter, { method: 'POST', url: `/api/posts/${tip.id}/reports`, payload: { reason: 'spam' } })).statusCode).toBe(201);
    const answer = await postTip(t, commenter, { title: 'SECRET-ANSWER-3' });
    const req = (await t.as(asker, { method: 'POST', url: '/api/requests', payload: { title: '教えてください' } })).json();
    expect((await t.as(commenter, { method: 'POST', url: `/api/requests/${req.id}/answers`, payload: { postId: answer.id } })).statusCode).toBe(201);
    const notes = async (who: TestUser) => (await t.as(who, { method: 'GET', url: '/api/me/notifications' })).body;
    // While everything is visible, the words are there.
    expect(await notes(owner)).toContain('SECRET-COMMENT-2');
    expect(await notes(asker)).toContain('SECRET-ANSWER-3');

    expect((await t.as(mod, { method: 'POST', url: `/api/comments/${comment.id}/hide`, payload: { reason: 'x' } })).statusCode).toBe(200);
    expect((await t.as(mod, { method: 'POST', url: `/api/posts/${answer.id}/hide`, payload: { reason: 'x' } })).statusCode).toBe(200);
    expect((await t.as(mod, { method: 'POST', url: `/api/posts/${tip.id}/hide`, payload: { reason: 'x' } })).statusCode).toBe(200);
    expect(await notes(owner)).not.toContain('SECRET-COMMENT-2'); // the comment is hidden from the tip's author
    expect(await notes(owner)).toContain('SECRET-TITLE-1'); // their own hidden tip they still see
    expect(await notes(commenter)).toContain('SECRET-ANSWER-3'); // so does the author of the answer
    expect(await notes(asker)).not.toContain('SECRET-ANSWER-3');
    const reporterNotes = JSON.parse(await notes(reporter));
    expect(reporterNotes.items.length).toBeGreaterThan(0);
    expect(JSON.stringify(reporterNotes)).not.toContain('SECRET-TITLE-1');
    // Shown again once the tip is restored: nothing was lost, only withheld.
    expect((await t.as(mod, { method: 'POST', url: `/api/posts/${tip.id}/restore` })).statusCode).toBe(200);
    expect(await notes(reporter)).toContain('SECRET-TITLE-1');
  });
});

describe('award nominations of a tip that may not be seen', () => {
  it('answer as missing ones when nominating, reading, withdrawing and scoring; lists and counts leave them out', async () => {
    const judge = await t.user('judge'); // a member on the jury
    const nominator = await t.user('nominator');
    const round = (await t.as(t.admin, { method: 'POST', url: '/api/awards', payload: {
      title: '第1回 DX賞', categories: ['業務改善'], criteria: [{ key: 'effect', label: '効果', weight: 1 }], judges: ['judge', 'mod'],
    } })).json();
    expect(round.id).toBeGreaterThan(0);
    const nominate = (who: TestUser, postId: number) => t.as(who, { method: 'POST', url: `/api/awards/${round.id}/nominations`,
      payload: { postId, category: '業務改善', statement: '推薦します' } });
    const visible = await postTip(t, author, { title: 'VISIBLE-NOMINEE' });
    const later = await postTip(t, author, { title: 'SECRET-NOMINEE' });
    expect((await nominate(nominator, visible.id)).statusCode).toBe(201);
    const secret = (await nominate(nominator, later.id)).json();
    expect((await t.as(mod, { method: 'POST', url: `/api/posts/${later.id}/hide`, payload: { reason: '確認中' } })).statusCode).toBe(200);
    const MISSING_NID = 876543;
    const compare = async (viewer: TestUser, call: (nid: number) => Parameters<TestApp['as']>[1], where: string) => {
      const unseen = await t.as(viewer, call(secret.id));
      const missing = await t.as(viewer, call(MISSING_NID));
      expect(missing.statusCode, where).toBe(404);
      expect(`${unseen.statusCode} ${same(unseen.body, secret.id)}`, where).toBe(`${missing.statusCode} ${same(missing.body, MISSING_NID)}`);
    };

    // Nominating a hidden or draft tip: the same answer as a tip that does not exist.
    const fresh = await postTip(t, author, { title: 'SECRET-UNNOMINATED' });
    expect((await t.as(mod, { method: 'POST', url: `/api/posts/${fresh.id}/hide`, payload: { reason: '確認中' } })).statusCode).toBe(200);
    for (const [viewer, ids] of [[member, [hiddenId, draftId, fresh.id, later.id]], [mod, [draftId]], [author, [draftId]]] as const) {
      for (const id of ids) {
        const unseen = await nominate(viewer, id);
        const missing = await nominate(viewer, MISSING);
        expect(`${unseen.statusCode} ${same(unseen.body, id)}`, `nominate ${id} as ${viewer.username}`).toBe(`${missing.statusCode} ${same(missing.body, MISSING)}`);
      }
    }

    // Reading and withdrawing its nomination, as someone else and as the nominator.
    for (const viewer of [member, nominator, judge]) {
      await compare(viewer, (nid) => ({ method: 'GET', url: `/api/awards/${round.id}/nominations/${nid}` }), `GET as ${viewer.username}`);
      await compare(viewer, (nid) => ({ method: 'DELETE', url: `/api/awards/${round.id}/nominations/${nid}` }), `DELETE as ${viewer.username}`);
    }

    // Lists and counts: members see the visible nomination only; staff, who may read hidden tips, both.
    const list = async (viewer: TestUser) => (await t.as(viewer, { method: 'GET', url: `/api/awards/${round.id}/nominations` })).json();
    const roundOf = async (viewer: TestUser) => (await t.as(viewer, { method: 'GET', url: `/api/awards/${round.id}` })).json();
    const rounds = async (viewer: TestUser) => (await t.as(viewer, { method: 'GET', url: '/api/awards' })).body;
    for (const viewer of [member, nominator, judge]) {
      const items = (await list(viewer)).items as { post: { title: string } }[];
      expect(items.map((n) => n.post.title)).toEqual(['VISIBLE-NOMINEE']);
      expect((await roundOf(viewer)).nominationCount).toBe(1);
      expect(await rounds(viewer)).not.toContain('"nominationCount":2');
    }
    expect(((await list(mod)).items as unknown[]).length).toBe(2);
    expect((await roundOf(mod)).nominationCount).toBe(2);

    // Scoring: a member who judges, and a member who does not.
    expect((await t.as(t.admin, { method: 'POST', url: `/api/awards/${round.id}/phase`, payload: { phase: 'scoring' } })).statusCode).toBe(200);
    for (const viewer of [judge, member]) {
      await compare(viewer, (nid) => ({ method: 'PUT', url: `/api/awards/${round.id}/nominations/${nid}/score`, payload: { scores: { effect: 4 } } }), `score as ${viewer.username}`);
    }
    const progress = JSON.stringify((await t.as(judge, { method: 'GET', url: `/api/awards/${round.id}/progress` })).json());
    expect(progress).not.toContain('SECRET');
    expect((await t.as(judge, { method: 'GET', url: `/api/awards/${round.id}/results` })).body).not.toContain('SECRET-NOMINEE');
    // Nothing was done to it.
    expect(t.db.prepare('SELECT count(*) FROM award_nominations WHERE id = ?').pluck().get(secret.id)).toBe(1);
    expect(t.db.prepare('SELECT count(*) FROM award_scores WHERE nomination_id = ?').pluck().get(secret.id)).toBe(0);
  });
});
