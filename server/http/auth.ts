import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Context } from '../context';
import type { Role, UserRow } from '../users/store';
import { forbidden, unauthenticated } from './errors';

/** Who may call a route. Every route states it in `config.access`; `/api` routes default to member. */
export type Access = 'public' | 'member' | 'moderator' | 'admin';

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
    /** Suspended users are refused everything except routes that set this (logout). */
    allowSuspended?: boolean;
  }
  interface FastifyRequest {
    user: UserRow | null;
    sessionToken: string | null;
  }
}

export const SESSION_COOKIE = 'kotsu_sid';

const RANK: Record<Role, number> = { member: 1, moderator: 2, admin: 3 };
const NEEDED: Record<Exclude<Access, 'public'>, number> = { member: 1, moderator: 2, admin: 3 };
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const LOGIN_NAME_RE = /^[\p{L}\p{N}._@-]{1,64}$/u;

const normalizeAddress = (a: string | undefined) => (a ?? '').replace(/^::ffff:/, '');

function decodeHeader(value: string | string[] | undefined): string | undefined {
  if (typeof value !== 'string' || value === '') return undefined;
  try {
    return decodeURIComponent(value).replace(/[\p{Cc}\p{Cs}]/gu, '').trim().slice(0, 100);
  } catch {
    return undefined;
  }
}

/** Proxy mode: the identity header is believed only from a trusted proxy's address. */
function proxyUser(ctx: Context, request: FastifyRequest): UserRow | null {
  const { config } = ctx;
  if (!config.trustedProxies.includes(normalizeAddress(request.socket.remoteAddress))) return null;
  const login = request.headers[config.authHeader];
  if (typeof login !== 'string' || !LOGIN_NAME_RE.test(login.trim())) return null;
  const username = login.trim();
  const displayName = decodeHeader(request.headers['x-remote-name']);
  const department = decodeHeader(request.headers['x-remote-department']);
  const isAdmin = config.admins.includes(username.toLowerCase());
  let user = ctx.users.byUsername(username);
  if (!user) {
    user = ctx.users.insert({
      username, passwordHash: null, displayName: displayName || username,
      department: department ?? '', role: isAdmin ? 'admin' : 'member',
    });
  } else if ((displayName && displayName !== user.display_name) ||
    (department !== undefined && department !== user.department) || (isAdmin && user.role !== 'admin')) {
    user = ctx.users.update(user, {
      displayName: displayName || undefined, department, role: isAdmin ? 'admin' : undefined,
    });
  }
  return user;
}

/** Refuses cookie-borne writes that a page on another origin made the browser send. */
function checkOrigin(ctx: Context, request: FastifyRequest): void {
  if (SAFE_METHODS.has(request.method)) return;
  if (request.headers['sec-fetch-site'] === 'cross-site') throw forbidden('cross_site', 'cross-site request refused');
  const origin = request.headers.origin;
  if (origin === undefined) return;
  const own = `${ctx.config.publicUrl.protocol}//${request.headers.host ?? ''}`;
  if (origin !== ctx.config.publicUrl.origin && origin !== own) throw forbidden('cross_site', 'cross-origin request refused');
}

export function hasRole(user: UserRow | null, access: Access): boolean {
  if (access === 'public') return true;
  return user !== null && RANK[user.role] >= NEEDED[access];
}

async function auth(app: FastifyInstance, opts: { ctx: Context }) {
  const { ctx } = opts;
  app.decorateRequest('user', null);
  app.decorateRequest('sessionToken', null);

  app.addHook('onRequest', async (request: FastifyRequest, _reply: FastifyReply) => {
    const isApi = request.url.startsWith('/api/') || request.url === '/api';
    if (!isApi) return;
    checkOrigin(ctx, request);
    if (ctx.config.authMode === 'proxy') {
      request.user = proxyUser(ctx, request);
    } else {
      const token = request.cookies[SESSION_COOKIE];
      if (token) {
        request.user = ctx.sessions.lookup(token, ctx.now());
        if (request.user) request.sessionToken = token;
      }
    }
    const config = request.routeOptions.config;
    const access: Access = config.access ?? 'member';
    if (request.user?.suspended && !config.allowSuspended && access !== 'public') {
      throw forbidden('account_suspended', 'this account is suspended');
    }
    if (access === 'public') return;
    if (!request.user) throw unauthenticated('login_required');
    if (!hasRole(request.user, access)) throw forbidden('not_allowed');
  });
}

export const authPlugin = fp(auth, { name: 'kotsu-auth' });

/** For handlers behind `access: member` or stricter, where a user is guaranteed. */
export function currentUser(request: FastifyRequest): UserRow {
  if (!request.user) throw unauthenticated('login_required');
  return request.user;
}
