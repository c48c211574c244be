import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app';
import { loadConfig } from '../../server/config';
import { openDatabase, type Database } from '../../server/db/database';
import type { Access } from '../../server/http/auth';
import type { RouteRule } from '../../server/security/plugin';
import { login, PASSWORD } from '../helpers/app';

/**
 * Proves every /api route's access rule — including routes added later by anyone — by calling
 * it as each kind of caller. A hook placed before validation answers 418 once the auth layer
 * has let a request through, so the handler never runs and business rules cannot blur the result.
 */
type Caller = 'anonymous' | 'member' | 'moderator' | 'admin' | 'suspended';
const REACHED = 418;

let app: FastifyInstance;
let db: Database;
const cookies: Partial<Record<Caller, string>> = {};

beforeAll(async () => {
  db = openDatabase(':memory:');
  app = await buildApp({ config: loadConfig({}, { dbPath: ':memory:', webRoot: null, scryptCost: 1024, writeLimitPerMinute: 1e6, loginMaxPerAddress: 1e6 }), db });
  app.addHook('preValidation', async (request, reply) => {
    if (request.headers['x-access-probe'] === '1') return reply.code(REACHED).send({ reached: true });
  });
  await app.inject({ method: 'POST', url: '/api/setup', payload: { username: 'admin', password: PASSWORD, displayName: '管理者' } });
  cookies.admin = await login(app, 'admin');
  for (const [username, role] of [['member1', 'member'], ['moderator1', 'moderator'], ['suspended1', 'member']] as const) {
    const res = await app.inject({ method: 'POST', url: '/api/users', headers: { cookie: cookies.admin, origin: 'http://localhost:3000' },
      payload: { username, password: PASSWORD, displayName: username, role } });
    expect(res.statusCode).toBe(201);
  }
  cookies.member = await login(app, 'member1');
  cookies.moderator = await login(app, 'moderator1');
  cookies.suspended = await login(app, 'suspended1');
  db.prepare("UPDATE users SET suspended = 1 WHERE username = 'suspended1'").run();
});
afterAll(async () => { await app.close(); db.close(); });

const RANK: Record<Exclude<Caller, 'anonymous' | 'suspended'>, number> = { member: 1, moderator: 2, admin: 3 };
const NEED: Record<Access, number> = { public: 0, member: 1, moderator: 2, admin: 3 };

function expected(rule: RouteRule, caller: Caller): number {
  if (rule.access === 'public') return REACHED;
  if (caller === 'anonymous') return 401;
  if (caller === 'suspended') return rule.allowSuspended ? REACHED : 403;
  return RANK[caller] >= NEED[rule.access] ? REACHED : 403;
}

const concrete = (url: string) => url.replace(/:username\b/g, 'admin').replace(/:[A-Za-z]+/g, '1').replace(/\*/g, 'x');

describe('access rules', () => {
  it('are registered for every /api route, with known rules', () => {
    const urls = app.routeRules.map((r) => `${r.method} ${r.url}`);
    // The routes this suite must see at the least; anything added later is covered too.
    for (const route of ['POST /api/session', 'DELETE /api/session', 'GET /api/me', 'PUT /api/me/password',
      'DELETE /api/me/sessions', 'POST /api/posts', 'PATCH /api/posts/:id', 'GET /api/users', 'POST /api/setup']) {
      expect(urls).toContain(route);
    }
    for (const rule of app.routeRules) expect(['public', 'member', 'moderator', 'admin']).toContain(rule.access);
  });

  it('only these routes are reachable without signing in', () => {
    const open = app.routeRules.filter((r) => r.access === 'public' && r.method !== 'HEAD').map((r) => `${r.method} ${r.url}`).sort();
    const allowed = new Set(['GET /api/health', 'GET /api/openapi.json', 'POST /api/session', 'DELETE /api/session',
      'POST /api/setup', 'GET /api/setup',
      // The web app's start: the signed-in user or null, and what GET /api/setup tells anyone.
      'GET /api/session',

      // The unsubscribe link in every mail works without signing in; only its random token decides (server/mail).
      'POST /api/mail/unsubscribe',
      // An invitation link (its random one-time token decides) lets an imported member set a password (server/invitations).
      'POST /api/invitations/lookup', 'POST /api/invitations/accept']);
    expect(open.filter((r) => !allowed.has(r))).toEqual([]);
  });

  it('are enforced for every caller on every route', async () => {
    const failures: string[] = [];
    const rules = app.routeRules.filter((r) => r.method !== 'HEAD' && r.method !== 'OPTIONS');
    expect(rules.length).toBeGreaterThan(10);
    for (const rule of rules) {
      for (const caller of ['anonymous', 'suspended', 'member', 'moderator', 'admin'] as const) {
        const hasBody = !['GET', 'DELETE'].includes(rule.method);
        const res = await app.inject({
          method: rule.method as 'GET', url: concrete(rule.url),
          headers: { 'x-access-probe': '1', origin: 'http://localhost:3000', ...(cookies[caller as keyof typeof cookies] ? { cookie: cookies[caller as keyof typeof cookies] } : {}) },
          ...(hasBody ? { payload: {} } : {}),
        });
        const want = expected(rule, caller);
        if (res.statusCode !== want) failures.push(`${rule.method} ${rule.url} as ${caller} (rule ${rule.access}): ${res.statusCode}, expected ${want}`);
      }
    }
    expect(failures).toEqual([]);
  });
});
