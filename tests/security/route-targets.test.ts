import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, postTip, type TestApp } from '../helpers/app';
import { inBatches, rawRequest, type RawResponse } from './raw-http';

/**
 * Authorization is decided from the route the router matched, so every spelling of a request
 * target that Node's parser accepts either reaches the route with its rule enforced or is
 * refused. Every registered route (collected by the security plugin's onRoute hook, not listed
 * by hand) is called with no identity under many spellings over a real socket; the answer is
 * 401, 404 or 400, or the web app's page, and never holds any of the data stored below.
 */
const CANARY = 'CANARY7f3a';
const SHELL = `<!doctype html><title>Kotsu ${'shell'}</title>`;

let t: TestApp;
let root: string;
let port: number;

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'kotsu-targets-'));
  fs.mkdirSync(path.join(root, 'assets'));
  fs.writeFileSync(path.join(root, 'index.html'), SHELL);
  fs.writeFileSync(path.join(root, 'assets', 'app-abc.js'), 'export {};');
  t = await createTestApp({ config: { webRoot: root }, env: { KOTSU_PUBLIC_URL: 'http://kotsu.intra' } });
  // Data that any leak would carry: names, tips, tags, comments, requests, templates.
  const member = await t.user('canary-user', { displayName: `${CANARY} 表示名`, department: `${CANARY}課` });
  const tip = await postTip(t, member, { title: `${CANARY} tip`, body: `${CANARY} body`, tags: [`${CANARY}tag`, 'kotsutag'] });
  await t.as(member, { method: 'POST', url: `/api/posts/${tip.id}/comments`, payload: { body: `${CANARY} comment` } });
  await t.as(member, { method: 'POST', url: '/api/requests', payload: { title: `${CANARY} request` } });
  await t.as(t.admin, { method: 'POST', url: '/api/templates', payload: { name: `${CANARY} template`, body: CANARY } });
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  port = (t.app.server.address() as AddressInfo).port;
});
afterAll(async () => { await t.close(); fs.rmSync(root, { recursive: true, force: true }); });

const enc = (c: string, upper: boolean) => `%${c.charCodeAt(0).toString(16)[upper ? 'toUpperCase' : 'toLowerCase']()}`;

/** The request-target spellings of one path that the router may still map to its route. */
function spellings(p: string): string[] {
  const rest = p.slice('/api'.length); // "/users/1"
  return [
    p,
    p.replace(/[a-z]/gi, (c) => enc(c, false)), // every letter percent-encoded
    p.replace(/\/([a-z])/gi, (_m, c: string) => `/${enc(c, true)}`), // first letter of each segment, upper-case hex
    `/%61pi${rest}`, `/a%70i${rest}`, `/%41PI${rest}`,
    `http://kotsu.intra${p}`, `HTTP://KOTSU.INTRA:80${p}`, `https://evil.example:8443${p}`, `http://kotsu.intra/%61pi${rest}`,
    `http://user@kotsu.intra${p}`,
    `/api/..${p}`, `/x/..${p}`, `/api/.${rest}`, `/./api${rest}`, `/api/x/..${rest}`, `/api/%2e%2e${p}`,
    `/${p}`, `/api/${rest}`, p.replace(/\//g, '//'), `/api%2F${rest.slice(1)}`, p.replace(/\//g, '%2F'),
    `${p}?`, `${p}#`, `${p}?#x`, `${p}#?x`, `${p};`, `${p}/`, `${p}%20`, `${p}%00`, `${p}.json`,
    p.replace('/api', '/API'), p.replace('/api', '/Api'), p.toUpperCase(), `${p.replace('/api', '/ApI')}?`,
    `/api\\${rest.slice(1)}`,
  ];
}

const concrete = (url: string) => url.replace(/:username\b/g, 'canary-user').replace(/:name\b/g, 'kotsutag')
  .replace(/:[A-Za-z]+/g, '1').replace(/\*/g, 'x');

function acceptable(method: string, res: RawResponse): string | null {
  if (res.body.includes(CANARY)) return 'data in the answer';
  if ([400, 401, 404].includes(res.status)) return null;
  // The web app's own page (deep links); the API is never answered with it.
  if (res.status === 200 && (method === 'HEAD' || res.body === SHELL)) return null;
  return `status ${res.status}`;
}

describe('request targets of every spelling', () => {
  it('the controls: plain targets answer 401 without identity and data with it', async () => {
    expect((await rawRequest(port, 'GET', '/api/users')).status).toBe(401);
    const admin = await rawRequest(port, 'GET', '/api/users', { cookie: t.admin.cookie });
    expect(admin.status).toBe(200);
    expect(admin.body).toContain(CANARY);
    // A spelling the router maps to the route reaches it, with its rule: an admin reads, a member may not.
    const member = await t.user('member2');
    for (const target of ['/%61pi/users', 'http://kotsu.intra/api/users', '/%61%70%69/%75sers']) {
      const asAdmin = await rawRequest(port, 'GET', target, { cookie: t.admin.cookie });
      expect(asAdmin.status, target).toBe(200);
      expect(asAdmin.body, target).toContain(CANARY);
      expect((await rawRequest(port, 'GET', target, { cookie: member.cookie })).status, target).toBe(403);
    }
  });

  it('no route that needs an identity answers anything but 401/404/400 (or the app page) without one', async () => {
    const rules = t.app.routeRules.filter((r) => r.access !== 'public');
    // Every API route is there, and a static file route of the web app too (public: the login page needs it).
    expect(rules.length).toBeGreaterThan(80);
    expect(t.app.routeRules.some((r) => r.url === '/assets/app-abc.js' && r.access === 'public')).toBe(true);
    const calls: { method: string; target: string }[] = [];
    for (const rule of rules) {
      for (const target of spellings(concrete(rule.url))) calls.push({ method: rule.method, target });
    }
    const failures: string[] = [];
    await inBatches(calls, 12, async ({ method, target }) => {
      const hasBody = !['GET', 'HEAD', 'DELETE', 'OPTIONS'].includes(method);
      const res = await rawRequest(port, method, target, hasBody ? { 'content-type': 'application/json' } : {}, hasBody ? '{}' : undefined);
      const problem = acceptable(method, res);
      if (problem) failures.push(`${method} ${target}: ${problem}`);
    });
    expect(calls.length).toBeGreaterThan(2000);
    expect(failures).toEqual([]);
  }, 240_000);

  it('asterisk-form and other targets outside the path space are refused', async () => {
    for (const method of ['GET', 'OPTIONS', 'POST', 'DELETE']) {
      for (const target of ['*', '*/api/users', 'api/users', '%2Fapi/users', '?/api/users', 'kotsu.intra:80']) {
        const res = await rawRequest(port, method, target);
        expect(acceptable(method, res), `${method} ${target}`).toBeNull();
        expect(res.status, `${method} ${target}`).not.toBe(200);
      }
    }
  });

  it('writes are checked for their origin under every spelling of their route', async () => {
    const before = t.db.prepare('SELECT count(*) FROM posts').pluck().get();
    const body = JSON.stringify({ title: 'cross', body: '', tags: [] });
    for (const target of spellings('/api/posts')) {
      const res = await rawRequest(port, 'POST', target, {
        cookie: t.admin.cookie, origin: 'http://evil.example', 'content-type': 'application/json',
      }, body);
      expect([400, 403, 404], target).toContain(res.status);
    }
    expect(t.db.prepare('SELECT count(*) FROM posts').pluck().get()).toBe(before);
  });
});

describe('write rate limits under every spelling', () => {
  it('count writes by the route they reach, however its target is spelt', async () => {
    const limited = await createTestApp({ config: { writeLimitPerMinute: 3 }, env: { KOTSU_PUBLIC_URL: 'http://kotsu.intra' } });
    try {
      await limited.app.listen({ port: 0, host: '127.0.0.1' });
      const p = (limited.app.server.address() as AddressInfo).port;
      const headers = { cookie: limited.admin.cookie, origin: 'http://kotsu.intra', 'content-type': 'application/json' };
      const body = JSON.stringify({ title: 'x', body: '', tags: [] });
      const statuses: number[] = [];
      for (const target of ['/%61pi/posts', 'http://kotsu.intra/api/posts', '/api/p%6fsts', '/%61%70%69/posts', '/api/posts']) {
        statuses.push((await rawRequest(p, 'POST', target, headers, body)).status);
      }
      expect(statuses).toEqual([201, 201, 201, 429, 429]);
    } finally {
      await limited.close();
    }
  });
});
