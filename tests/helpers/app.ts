import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../server/app';
import { loadConfig, type Config } from '../../server/config';
import type { Clock } from '../../server/context';
import { openDatabase, type Database } from '../../server/db/database';
import type { Role } from '../../server/users/store';

export const PASSWORD = 'correct horse battery staple';

export interface TestUser {
  id: number;
  username: string;
  cookie: string;
}

export interface TestApp {
  app: FastifyInstance;
  db: Database;
  /** The admin created by first-run setup. */
  admin: TestUser;
  /** Creates a user through the admin API and logs them in. */
  user(username: string, opts?: { role?: Role; department?: string; displayName?: string }): Promise<TestUser>;
  /** `app.inject` with an optional user's cookie. */
  as(user: TestUser | null, opts: InjectOptions): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

export interface TestAppOptions {
  env?: Record<string, string>;
  config?: Partial<Config>;
  now?: Clock;
}

export async function login(app: FastifyInstance, username: string, password = PASSWORD): Promise<string> {
  const res = await app.inject({ method: 'POST', url: '/api/session', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
  const setCookie = res.headers['set-cookie'];
  return String(Array.isArray(setCookie) ? setCookie[0] : setCookie).split(';')[0];
}

/** A fresh app on a fresh in-memory database, with a logged-in administrator. */
export async function createTestApp(opts: TestAppOptions = {}): Promise<TestApp> {
  const db = openDatabase(':memory:');
  // Rate limits far above what a test makes; tests/security sets its own to exercise them.
  const config = loadConfig(opts.env ?? {}, { dbPath: ':memory:', webRoot: null, scryptCost: 1024,
    writeLimitPerMinute: 1_000_000, loginMaxPerAddress: 1_000_000, ...opts.config });
  const app = await buildApp({ config, db, now: opts.now });
  const setup = await app.inject({
    method: 'POST', url: '/api/setup',
    payload: { username: 'admin', password: PASSWORD, displayName: '管理者', department: 'デジタル推進課' },
  });
  if (setup.statusCode !== 201) throw new Error(`setup failed: ${setup.body}`);
  const admin: TestUser = { id: setup.json().id, username: 'admin', cookie: await login(app, 'admin') };
  const as = (user: TestUser | null, o: InjectOptions) =>
    // As the web app's own page would send it: a browser's User-Agent (light-my-request's own is
    // a bot's, and bots' views are not counted) and, on writes, the page's Origin.
    app.inject({ ...o, headers: {
      'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) Chrome/126.0 Safari/537.36',
      origin: config.publicUrl.origin, ...(o.headers ?? {}), ...(user ? { cookie: user.cookie } : {}),
    } });
  return {
    app, db, admin, as,
    async user(username, o = {}) {
      const res = await as(admin, {
        method: 'POST', url: '/api/users',
        payload: { username, password: PASSWORD, displayName: o.displayName ?? `${username}さん`, department: o.department ?? '総務課', role: o.role ?? 'member' },
      });
      if (res.statusCode !== 201) throw new Error(`create user ${username} failed: ${res.body}`);
      return { id: res.json().id, username, cookie: await login(app, username) };
    },
    async close() {
      await app.close();
      db.close();
    },
  };
}

/** Publishes a tip as `user` and returns its JSON. */
export async function postTip(t: TestApp, user: TestUser, tip: { title: string; body?: string; tags?: string[] }) {
  const res = await t.as(user, { method: 'POST', url: '/api/posts', payload: { body: '', tags: [], ...tip } });
  if (res.statusCode !== 201) throw new Error(`post failed: ${res.statusCode} ${res.body}`);
  return res.json();
}

/** A search as the admin: total, items, whether it was relaxed and the query as corrected (a non-200 answer throws). */
export async function searchAs(t: TestApp, q: string): Promise<{ total: number; items: { id: number }[]; relaxed: boolean; correctedTo: string | null }> {
  const res = await t.as(t.admin, { method: 'GET', url: `/api/search?q=${encodeURIComponent(q)}` });
  if (res.statusCode !== 200) throw new Error(`search failed: ${res.statusCode} ${res.body}`);
  return res.json();
}

/** The ids a search as the admin finds, in the order given (a non-200 answer throws). */
export async function searchIds(t: TestApp, q: string): Promise<number[]> {
  return (await searchAs(t, q)).items.map((i) => i.id);
}
