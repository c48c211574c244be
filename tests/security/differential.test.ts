import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliverFollowNotifications } from '../../server/follows/service';
import { createTestApp, postTip, type TestApp, type TestUser } from '../helpers/app';

/**
 * "What a viewer may not see answers exactly as what does not exist", tested by difference: two
 * apps are built by the same script, except that in the second the author also writes tips that
 * end up hidden or deleted and a draft, and other members like, bookmark, view, comment on,
 * adopt, report, answer requests with and nominate them while they are visible. Every GET route
 * the app registers (with every id, username, tag and query value in use) must then answer a
 * plain member exactly the same in both apps — same items, same counts, same totals — once
 * times and cursors are set aside. A count, a rank or a total that moved is a leak.
 */
interface World { t: TestApp; viewer: TestUser; mod: TestUser; admin: TestUser; publicMaxId: number }

async function build(secret: 'none' | 'all' | 'unhidden'): Promise<World> {
  const t = await createTestApp();
  const author = await t.user('author', { department: '企画課' });
  const viewer = await t.user('viewer', { department: '総務課' });
  const other = await t.user('other', { department: '税務課' });
  const mod = await t.user('mod', { role: 'moderator' });
  const judge = await t.user('judge');
  const ok = async (p: ReturnType<TestApp['as']>) => {
    const res = await p;
    if (res.statusCode >= 300) throw new Error(`set-up: ${res.statusCode} ${res.body}`);
    return res.statusCode === 204 ? null : res.json();
  };
  const use = async (u: TestUser, id: number) => {
    await ok(t.as(u, { method: 'PUT', url: `/api/posts/${id}/like` }));
    await ok(t.as(u, { method: 'PUT', url: `/api/posts/${id}/bookmark` }));
    await ok(t.as(u, { method: 'POST', url: `/api/posts/${id}/views` }));
    await ok(t.as(u, { method: 'POST', url: `/api/posts/${id}/adoptions`, payload: { minutesSavedPerMonth: 60 } }));
    await ok(t.as(u, { method: 'POST', url: `/api/posts/${id}/comments`, payload: { body: 'なるほど' } }));
  };

  // The public world, identical in both apps.
  await ok(t.as(viewer, { method: 'PUT', url: '/api/profiles/author/follow' }));
  const p1 = await postTip(t, author, { title: 'Excelの集計 共通語', body: '共通語 本文', tags: ['shared', 'pub'] });
  const p2 = await postTip(t, other, { title: 'Wordの差し込み 共通語', body: '共通語', tags: ['shared'] });
  await ok(t.as(viewer, { method: 'PUT', url: '/api/tags/shared/follow' }));
  await use(other, p1.id);
  await use(viewer, p2.id);
  // (Other's request: answers told to the viewer while visible would be notifications the viewer
  // legitimately got, a difference by design; their words are withheld once hidden, notification-quotes.test.ts.)
  const req = await ok(t.as(other, { method: 'POST', url: '/api/requests', payload: { title: '教えて 共通語' } }));
  await ok(t.as(author, { method: 'POST', url: `/api/requests/${req.id}/answers`, payload: { postId: p1.id } }));
  const round = await ok(t.as(t.admin, { method: 'POST', url: '/api/awards', payload: {
    title: 'DX賞', categories: ['部門'], criteria: [{ key: 'effect', label: '効果', weight: 1 }], judges: ['judge'] } }));
  await ok(t.as(other, { method: 'POST', url: `/api/awards/${round.id}/nominations`, payload: { postId: p1.id, category: '部門', statement: '推薦' } }));
  const publicMaxId = Math.max(p2.id, req.id, round.id, 6);

  const later: (() => Promise<unknown>)[] = [];
  if (secret !== 'none') {
    const s1 = await postTip(t, author, { title: 'Excelの秘密 共通語 Kalimbaxo', body: '共通語 秘密 kalimbaxo マクロ自動化', tags: ['shared', 'secretonly', 'Kalimbaxo'] });
    const s2 = await postTip(t, author, { title: 'Excelの削除 共通語 Zanzibarite', body: '共通語 削除 zanzibarite', tags: ['shared', 'pub'] });

    const draft = await ok(t.as(author, { method: 'POST', url: '/api/posts', payload: { title: 'Excelの下書き 共通語', body: '共通語', tags: ['shared', 'pub'], status: 'draft' } }));
    await ok(t.as(author, { method: 'PATCH', url: `/api/posts/${draft.id}`, payload: { body: '共通語 二版' } }));
    for (const s of [s1, s2]) {
      await use(other, s.id);
      await use(viewer, s.id);
      await use(mod, s.id);
      await ok(t.as(author, { method: 'POST', url: `/api/requests/${req.id}/answers`, payload: { postId: s.id } }));
      await ok(t.as(other, { method: 'POST', url: `/api/awards/${round.id}/nominations`, payload: { postId: s.id, category: '部門', statement: '推薦' } }));
    }
    await ok(t.as(other, { method: 'POST', url: `/api/posts/${s1.id}/reports`, payload: { reason: 'spam' } }));
    // Comments on a public tip: one hidden by a moderator (deleted, for the moderator's world), one deleted by its writer.
    const c1 = await ok(t.as(other, { method: 'POST', url: `/api/posts/${p1.id}/comments`, payload: { body: '隠されるコメント' } }));
    const c2 = await ok(t.as(other, { method: 'POST', url: `/api/posts/${p1.id}/comments`, payload: { body: '消されるコメント' } }));
    // A request asked and deleted, with a vote.
    const gone = await ok(t.as(author, { method: 'POST', url: '/api/requests', payload: { title: '消える教えて 共通語' } }));
    await ok(t.as(viewer, { method: 'PUT', url: `/api/requests/${gone.id}/vote` }));
    later.push(
      () => ok(secret === 'all'
        ? t.as(mod, { method: 'POST', url: `/api/posts/${s1.id}/hide`, payload: { reason: '確認中' } })
        : t.as(author, { method: 'DELETE', url: `/api/posts/${s1.id}` })),
      () => ok(t.as(author, { method: 'DELETE', url: `/api/posts/${s2.id}` })),
      () => ok(secret === 'all'
        ? t.as(mod, { method: 'POST', url: `/api/comments/${c1.id}/hide`, payload: { reason: '確認中' } })
        : t.as(other, { method: 'DELETE', url: `/api/comments/${c1.id}` })),
      () => ok(t.as(other, { method: 'DELETE', url: `/api/comments/${c2.id}` })),
      () => ok(t.as(author, { method: 'DELETE', url: `/api/requests/${gone.id}` })),
    );
  }
  // The round is judged and published with every nominee a winner, before anything is hidden.
  await ok(t.as(t.admin, { method: 'POST', url: `/api/awards/${round.id}/phase`, payload: { phase: 'scoring' } }));
  const noms = (await ok(t.as(t.admin, { method: 'GET', url: `/api/awards/${round.id}/nominations?limit=100` }))).items as { id: number }[];
  for (const n of noms) await ok(t.as(judge, { method: 'PUT', url: `/api/awards/${round.id}/nominations/${n.id}/score`, payload: { scores: { effect: 3 } } }));
  await ok(t.as(t.admin, { method: 'POST', url: `/api/awards/${round.id}/phase`, payload: { phase: 'closed' } }));
  await ok(t.as(t.admin, { method: 'POST', url: `/api/awards/${round.id}/publish`, payload: {
    winners: noms.map((n) => ({ nominationId: n.id, prize: '大賞' })), visibility: 'ranking' } }));
  for (const step of later) await step();
  t.app.ctx.views.flush();
  deliverFollowNotifications(t.app.ctx);
  return { t, viewer, mod, admin: t.admin, publicMaxId };
}

let plain: World;
let secret: World;
let unhidden: World;
beforeAll(async () => {
  plain = await build('none');
  secret = await build('all');
  unhidden = await build('unhidden'); // for moderators, who see hidden tips: drafts and deleted tips only
}, 180_000);
afterAll(async () => { await plain.t.close(); await secret.t.close(); await unhidden.t.close(); });

function targets(w: World): string[] {
  const ids = Array.from({ length: w.publicMaxId }, (_, i) => String(i + 1));
  const out: string[] = [];
  for (const rule of w.t.app.routeRules.filter((r) => r.method === 'GET' && r.url.startsWith('/api/') && !r.url.includes('openapi'))) {
    let paths = [rule.url];
    const fill = (p: string, values: string[]) => { paths = paths.flatMap((u) => (u.includes(`:${p}`) ? values.map((v) => u.replace(`:${p}`, v)) : [u])); };
    fill('username', ['author', 'viewer', 'other']);
    fill('name', ['shared', 'pub', 'secretonly', 'nosuchtag']);
    for (const p of ['id', 'nid', 'number', 'postId']) fill(p, ids);
    paths = paths.map((u) => u.replace(/:[A-Za-z]+/g, '1'));
    const query = Object.keys((rule.schema as { querystring?: { properties?: object } } | undefined)?.querystring?.properties ?? {});
    for (const p of paths) {
      out.push(p);
      for (const q of query) {
        const values: Record<string, string[]> = {
          // Whole words, prefixes, typos and several words (spelling correction, partial hits, suggestions).
          q: ['共通語', 'Excel', 'Ex', '秘密', '削除', '下書き', '共通語 秘密', 'Excel 秘密', '秘密 削除', 'kalimbaxo', 'kalimbaxi',
            'kalimba', 'kal', 'Kalimbaxo 共通語', 'zanzibarite', 'zanzibarit', 'zanzi', 'マクロ', 'まくろ', 'secretonly', '"共通語 秘密"', '-秘密 共通語'], tag: ['shared', 'pub', 'secretonly'], author: ['author'],
          period: ['week', 'month', 'year', 'all'], sort: ['new', 'popular', 'trending', 'relevance'], department: ['企画課'],
          id: ids, postId: ids, roundId: ['1'], status: ['open', 'resolved'],
        };
        for (const v of values[q] ?? []) out.push(`${p}?${q}=${encodeURIComponent(v)}`);
      }
    }
  }
  return [...new Set(out)];
}

/** Times, cursors, notification ids and the trending score's decay move between two runs; nothing else may. */
const normalize = (body: string) => body
  .replace(/\{"id":\d+,"kind"/g, '{"id":0,"kind"')
  .replace(/\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z/g, 'T')
  .replace(/"(nextCursor|cursor)":"[^"]*"/g, '"$1":"C"')
  .replace(/"(trend|score|trendScore)":[0-9.e-]+/g, '"$1":0');

describe('hidden, deleted and draft tips change no answer a member gets', () => {
  it.each([['a plain member', 'viewer'], ['a moderator (drafts and deleted tips only)', 'mod'],
    ['an administrator (drafts and deleted tips only)', 'admin']] as const)('for %s', async (_who, key) => {
    const urls = targets(plain);
    expect(urls.length).toBeGreaterThan(200);
    const failures: string[] = [];
    for (const url of urls) {
      const a = await plain.t.as(plain[key], { method: 'GET', url });
      const world = key === 'viewer' ? secret : unhidden;
      const b = await world.t.as(world[key], { method: 'GET', url });
      const na = normalize(a.body);
      const nb = normalize(b.body);
      if (a.statusCode === b.statusCode && na === nb) continue;
      // The audit trail is append-only by design: it records the round published with winners deleted since.
      if (key === 'admin' && url.startsWith('/api/moderation/audit')) continue;
      let i = 0;
      while (i < na.length && na[i] === nb[i]) i++;
      failures.push(`${url}: ${a.statusCode} …${na.slice(Math.max(0, i - 60), i + 60)}… ≠ ${b.statusCode} …${nb.slice(Math.max(0, i - 60), i + 60)}…`);
    }
    expect(failures).toEqual([]);
  }, 300_000);
});
