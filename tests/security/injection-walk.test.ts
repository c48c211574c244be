import { SaxesParser } from 'saxes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, postTip, type TestApp, type TestUser } from '../helpers/app';
import { activeParts } from './inert';

/**
 * Markup in every field a member or an administrator can fill (titles, tags, bodies, comments,
 * requests, display names, departments, award texts, templates, token labels, report comments,
 * reasons, notes) reaches the browser inert, on EVERY GET route the app registers: no /api answer
 * is served as HTML; every field that carries HTML (html, snippet, …) holds only what the safe
 * renderer produces; an Atom feed is well-formed, has only Atom elements, and its HTML content
 * is inert; every answer carries nosniff.
 */
const X = `<img src=x onerror=alert(1)><script>alert(2)</script><svg onload=alert(3)>"'\`{{7*7}}`;
const MD = `${X}\n\n[x](javascript:alert(4)) <a href="javascript:alert(5)">a</a> ![i](javascript:alert(6))`;
const short = (s: string) => s.slice(0, 40);
const SEARCH = 'quokkaword';

let t: TestApp;
let member: TestUser;
let maxId = 0;

beforeAll(async () => {
  t = await createTestApp();
  member = await t.user('member', { displayName: short(X), department: short(`課${X}`) });
  const judge = await t.user('judge', { displayName: `審査${short(X)}` });
  const ok = async (p: ReturnType<TestApp['as']>) => {
    const res = await p;
    if (res.statusCode >= 300) throw new Error(`set-up: ${res.statusCode} ${res.body}`);
    return res.json();
  };
  const tip = await postTip(t, member, { title: `${SEARCH} ${X}`, body: `${SEARCH} ${MD} @judge`, tags: [short(`<b>${X}`), 'safe'] });
  await ok(t.as(member, { method: 'PATCH', url: `/api/posts/${tip.id}`, payload: { body: `${SEARCH} ${MD} 2 @judge` } }));
  const other = await postTip(t, judge, { title: `${SEARCH} other ${X}`, body: MD, tags: ['safe'] });
  await ok(t.as(judge, { method: 'POST', url: `/api/posts/${tip.id}/comments`, payload: { body: `${MD} @member` } }));
  await ok(t.as(judge, { method: 'PUT', url: `/api/posts/${tip.id}/like` }));
  await ok(t.as(judge, { method: 'POST', url: `/api/posts/${tip.id}/views` }));
  const req = await ok(t.as(member, { method: 'POST', url: '/api/requests', payload: { title: short(X), body: MD } }));
  await ok(t.as(member, { method: 'POST', url: `/api/requests/${req.id}/answers`, payload: { postId: tip.id } }));
  await ok(t.as(judge, { method: 'POST', url: `/api/posts/${tip.id}/adoptions`, payload: { minutesSavedPerMonth: 5, note: X } }));
  await ok(t.as(judge, { method: 'POST', url: `/api/posts/${other.id}/reports`, payload: { reason: 'other', comment: X } }));
  await ok(t.as(t.admin, { method: 'POST', url: '/api/templates', payload: { name: short(X), body: MD, description: X, title: short(X), tags: [short(X)] } }));
  await ok(t.as(member, { method: 'POST', url: '/api/me/feed-tokens', payload: { label: short(X) } }));
  const round = await ok(t.as(t.admin, { method: 'POST', url: '/api/awards', payload: {
    title: short(X), categories: [short(X)], criteria: [{ key: 'effect', label: short(X), weight: 1 }], judges: ['judge'],
  } }));
  const nom = await ok(t.as(judge, { method: 'POST', url: `/api/awards/${round.id}/nominations`, payload: { postId: tip.id, category: short(X), statement: X } }));
  await ok(t.as(t.admin, { method: 'POST', url: `/api/awards/${round.id}/phase`, payload: { phase: 'scoring' } }));
  await ok(t.as(judge, { method: 'PUT', url: `/api/awards/${round.id}/nominations/${nom.id}/score`, payload: { scores: { effect: 4 }, comment: X } }));
  await ok(t.as(t.admin, { method: 'POST', url: `/api/awards/${round.id}/phase`, payload: { phase: 'closed' } }));
  await ok(t.as(t.admin, { method: 'POST', url: `/api/awards/${round.id}/publish`, payload: { winners: [{ nominationId: nom.id, prize: short(X) }], visibility: 'ranking' } }));
  const hidden = await postTip(t, member, { title: `hidden ${X}` });
  await ok(t.as(t.admin, { method: 'POST', url: `/api/posts/${hidden.id}/hide`, payload: { reason: X } }));
  t.app.ctx.views.flush();
  maxId = Math.max(tip.id, other.id, hidden.id, req.id, round.id, nom.id) + 2;
}, 120_000);
afterAll(async () => { await t.close(); });

const ATOM = new Set(['feed', 'title', 'subtitle', 'id', 'updated', 'link', 'entry', 'author', 'name', 'uri', 'email', 'content',
  'summary', 'category', 'published', 'generator', 'icon', 'logo', 'rights', 'contributor']);

/** Well-formed, Atom elements only; the HTML inside `type="html"` elements is returned for the inertness check. */
function atomProblems(xml: string): string[] {
  const problems: string[] = [];
  const parser = new SaxesParser({ xmlns: true });
  let htmlDepth = 0;
  let text = '';
  parser.on('error', (e) => { problems.push(`not well-formed: ${e.message}`); });
  parser.on('opentag', (tag) => {
    if (!ATOM.has(tag.local)) problems.push(`element <${tag.name}>`);
    for (const a of Object.keys(tag.attributes)) if (/^on/i.test(a)) problems.push(`attribute ${a}`);
    if (tag.attributes.type && String((tag.attributes.type as { value: string }).value) === 'html') { htmlDepth++; text = ''; }
  });
  parser.on('text', (s) => { if (htmlDepth) text += s; });
  parser.on('closetag', () => {
    if (htmlDepth) { problems.push(...activeParts(text).map((p) => `html content: ${p}`)); htmlDepth = 0; text = ''; }
  });
  try { parser.write(xml).close(); } catch (e) { problems.push(String(e)); }
  return problems;
}

/** Every string under a key that carries HTML must be inert. */
function htmlProblems(value: unknown, path = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => htmlProblems(v, `${path}[${i}]`));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => (typeof v === 'string' && /html|snippet/i.test(k)
      ? activeParts(v).map((p) => `${path}.${k}: ${p}`)
      : htmlProblems(v, `${path}.${k}`)));
  }
  return [];
}

function targets(url: string, query: string[]): string[] {
  const ids = Array.from({ length: maxId }, (_, i) => String(i + 1));
  let paths = [url.replace(/:username\b/, 'member').replace(/:name\b/, 'safe')];
  for (const p of ['id', 'nid', 'number', 'postId']) paths = paths.flatMap((u) => (u.includes(`:${p}`) ? ids.map((v) => u.replace(`:${p}`, v)) : [u]));
  paths = paths.map((u) => u.replace(/:[A-Za-z]+/g, '1'));
  const extra: string[] = [];
  for (const p of paths) {
    for (const q of query) {
      if (q === 'q') extra.push(`${p}?q=${SEARCH}`, `${p}?q=${encodeURIComponent(X)}`, `${p}?q=${encodeURIComponent('<svg')}`);
      if (q === 'period') extra.push(`${p}?period=all`);
      if (q === 'status') extra.push(`${p}?status=resolved`);
      if (q === 'id' || q === 'postId' || q === 'roundId') extra.push(...ids.map((i) => `${p}?${q}=${i}`));
    }
  }
  return [...paths, ...extra];
}

describe('markup stored in every field comes out inert on every GET route', () => {
  it.each([['an administrator', () => t.admin], ['a member', () => member]] as const)('as %s', async (_who, who) => {
    const failures: string[] = [];
    let calls = 0;
    let htmlFields = 0;
    let feeds = 0;
    for (const rule of t.app.routeRules.filter((r) => r.method === 'GET' && r.url.startsWith('/api/'))) {
      const query = Object.keys((rule.schema as { querystring?: { properties?: object } } | undefined)?.querystring?.properties ?? {});
      for (const url of targets(rule.url, query)) {
        const res = await t.as(who(), { method: 'GET', url });
        calls++;
        const type = String(res.headers['content-type'] ?? '');
        if (res.statusCode >= 500) failures.push(`${url}: ${res.statusCode}`);
        if (/html/i.test(type)) failures.push(`${url}: served as ${type}`);
        if (res.headers['x-content-type-options'] !== 'nosniff') failures.push(`${url}: no nosniff`);
        if (res.statusCode !== 200) continue;
        if (/json/.test(type)) {
          const problems = htmlProblems(res.json());
          if (/"(html|snippet)"/.test(res.body)) htmlFields++;
          failures.push(...problems.map((p) => `${url}: ${p}`));
        } else if (/xml/.test(type)) {
          feeds++;
          failures.push(...atomProblems(res.body).map((p) => `${url}: ${p}`));
        } else if (!/csv|image|octet/.test(type)) {
          failures.push(`${url}: unexpected type ${type}`);
        }
      }
    }
    expect(calls).toBeGreaterThan(200);
    expect(htmlFields).toBeGreaterThan(3); // the check saw rendered tips, comments and snippets
    expect(feeds).toBeGreaterThan(1);
    expect(failures).toEqual([]);
  }, 300_000);
});
