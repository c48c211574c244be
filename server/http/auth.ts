import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Context } from '../context';
import { isListedAdmin, parseLoginName } from '../users/identity';
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

const normalizeAddress = (a: string | undefined) => (a ?? '').replace(/^::ffff:/, '');

function decodeHeader(value: string | string[] | undefined): string | undefined {
  if (typeof value !== 'string' || value === '') return undefined;
  try {
    return decodeURIComponent(value).replace(/[\p{Cc}\p{Cs}]/gu, '').trim().slice(0, 100);
  } catch {
    return undefined;
  }
}

/**
 * Node reads header bytes as Latin-1; a proxy sends a non-ASCII login name as UTF-8 bytes. Those
 * bytes are decoded as UTF-8 (null when they are not valid UTF-8). A value already holding
 * characters beyond Latin-1 (only possible in-process) is taken as the text it is.
 */
function headerUtf8(value: string): string | null {
  if (!/[^\u0000-\u007f]/.test(value) || /[^\u0000-\u00ff]/.test(value)) return value;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.from(value, 'latin1'));
  } catch {
    return null;
  }
}

/** Proxy mode: the identity header is believed only from a trusted proxy's address. */
function proxyUser(ctx: Context, request: FastifyRequest): UserRow | null {
  const { config } = ctx;
  if (!config.trustedProxies.includes(normalizeAddress(request.socket.remoteAddress))) return null;
  const header = request.headers[config.authHeader];
  // One rule for every login name (users/identity.ts): look-alikes are refused, never folded.
  const text = typeof header === 'string' ? headerUtf8(header) : undefined;
  const login = text === undefined ? null : text === null ? { ok: false as const, problem: 'not UTF-8' } : parseLoginName(text);
  if (!login?.ok) {
    if (login) request.log.warn({ problem: login.problem }, 'proxy identity refused');
    return null;
  }
  const username = login.name;
  const displayName = decodeHeader(request.headers['x-remote-name']);
  const department = decodeHeader(request.headers['x-remote-department']);
  const isAdmin = isListedAdmin(config.admins, username);
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
  if (request.headers['sec-fetch-site'] === 'cross-site') throw forbidden('cross-site request refused');
  const origin = request.headers.origin;
  if (origin === undefined) return;
  const own = `${ctx.config.publicUrl.protocol}//${request.headers.host ?? ''}`;
  if (origin !== ctx.config.publicUrl.origin && origin !== own) throw forbidden('cross-origin request refused');
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
      throw forbidden('このアカウントは停止されています / this account is suspended');
    }
    if (access === 'public') return;
    if (!request.user) throw unauthenticated();
    if (!hasRole(request.user, access)) throw forbidden();
  });
}

export const authPlugin = fp(auth, { name: 'kotsu-auth' });

/** For handlers behind `access: member` or stricter, where a user is guaranteed. */
export function currentUser(request: FastifyRequest): UserRow {
  if (!request.user) throw unauthenticated();
  return request.user;
}
