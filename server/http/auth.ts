import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Context } from '../context';
import { isListedAdmin, parseLoginName } from '../users/identity';
import type { ProxyCheck } from '../security/proxies';
import type { Role, UserRow } from '../users/store';
import { forbidden, unauthenticated } from './errors';
import { writeOrigins } from '../listen-url';
import { isBlank, withoutControls } from '../shared/text';
import { normalizeDepartment } from '../users/department';

/** Who may call a route. Every route states it in `config.access`; a route without one is for members. */
export type Access = 'public' | 'member' | 'moderator' | 'admin';

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
    /** Suspended users are refused everything except routes that set this (logout). */
    allowSuspended?: boolean;
    /** A feed: a GET without a session may name its member with `?token=` (server/feeds/tokens.ts). */
    feedToken?: boolean;
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

function decodeHeader(value: string | string[] | undefined): string | undefined {
  if (typeof value !== 'string' || value === '') return undefined;
  try {
    // Controls and bidi controls (which show other text than is stored) are dropped, as the API
    // refuses them (shared/text.ts); a value that shows nothing is no value. Cut by code points:
    // a UTF-16 cut could split a surrogate pair and store U+FFFD.
    const text = withoutControls(decodeURIComponent(value)).trim();
    return isBlank(text) ? '' : Array.from(text).slice(0, 100).join('');
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
function proxyUser(ctx: Context, request: FastifyRequest, trusted: ProxyCheck): UserRow | null {
  const { config } = ctx;
  if (!trusted(request.socket.remoteAddress)) return null;
  const header = request.headers[config.authHeader];
  // One rule for every login name (users/identity.ts): look-alikes are refused, never folded.
  const text = typeof header === 'string' ? headerUtf8(header) : undefined;
  const login = text === undefined ? null : text === null ? { ok: false as const, message: 'not UTF-8' } : parseLoginName(text);
  if (!login?.ok) {
    if (login) request.log.warn({ problem: login.message }, 'proxy identity refused');
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
    (department !== undefined && normalizeDepartment(department) !== user.department) || (isAdmin && user.role !== 'admin')) {
    user = ctx.users.update(user, {
      displayName: displayName || undefined, department, role: isAdmin ? 'admin' : undefined,
    });
  }
  return user;
}

/**
 * Refuses writes a page on another origin made the browser send. Browsers put `Origin` on every
 * request that is not GET or HEAD (Fetch standard), so it is the proof that counts, compared
 * with KOTSU_PUBLIC_URL only: never with the request's own Host header, which a DNS-rebinding
 * page controls. A write that carries credentials (session cookie, or the SSO proxy's identity)
 * must show that proof: `Origin` equal to the public origin or, without `Origin`,
 * `Sec-Fetch-Site: same-origin` (listen-url.ts writeOrigins: without KOTSU_PUBLIC_URL, the loopback
 * spellings of the listen address). Scripts that keep a session send `Origin: <KOTSU_PUBLIC_URL>`.
 */
function checkOrigin(ctx: Context, request: FastifyRequest, credentialed: boolean): void {
  if (SAFE_METHODS.has(request.method)) return;
  const origin = request.headers.origin;
  const site = request.headers['sec-fetch-site'];
  if (site !== undefined && site !== 'same-origin') throw forbidden('cross_site', 'cross-site request refused');
  if (origin !== undefined) {
    if (!writeOrigins(ctx.config.publicUrl, ctx.config.publicUrlSet).has(origin)) {
      throw forbidden('cross_site', 'cross-origin request refused');
    }
    return;
  }
  if (credentialed && site !== 'same-origin') {
    throw forbidden('origin_required', `a signed-in write must send Origin: ${ctx.config.publicUrl.origin}`,
      { origin: ctx.config.publicUrl.origin });
  }
}

export function hasRole(user: UserRow | null, access: Access): boolean {
  if (access === 'public') return true;
  return user !== null && RANK[user.role] >= NEEDED[access];
}

async function auth(app: FastifyInstance, opts: { ctx: Context; trustedProxy: ProxyCheck }) {
  const { ctx, trustedProxy } = opts;
  app.decorateRequest('user', null);
  app.decorateRequest('sessionToken', null);

  // Decided from the route the router matched, never from the request target's text: the router
  // also takes other spellings of a path (percent-encoded letters, absolute-form targets, …).
  app.addHook('onRequest', async (request: FastifyRequest, _reply: FastifyReply) => {
    // No route matched: the not-found handler answers (404, or the web app's page) and reads no data.
    if (request.is404) return;
    const proxy = ctx.config.authMode === 'proxy';
    const token = proxy ? undefined : request.cookies[SESSION_COOKIE];
    const credentialed = proxy
      ? trustedProxy(request.socket.remoteAddress) && request.headers[ctx.config.authHeader] !== undefined
      : token !== undefined;
    checkOrigin(ctx, request, credentialed);
    if (proxy) {
      request.user = proxyUser(ctx, request, trustedProxy);
    } else if (token) {
      request.user = ctx.sessions.lookup(token, ctx.now());
      if (request.user) request.sessionToken = token;
    }
    const config = request.routeOptions.config;
    // Feed readers cannot sign in: on a feed route, a personal token names the member instead.
    if (!request.user && config.feedToken && SAFE_METHODS.has(request.method)) {
      const t = (request.query as Record<string, unknown> | undefined)?.token;
      const id = typeof t === 'string' ? ctx.feedTokens.userIdFor(t, ctx.now()) : undefined;
      if (id !== undefined) request.user = ctx.users.byId(id) ?? null;
    }
    // Deny by default: a route that states no rule is for signed-in members.
    const access: Access = config.access ?? 'member';
    if (request.user?.suspended && !config.allowSuspended && access !== 'public') {
      throw forbidden('account_suspended', 'this account is suspended');
    }
    if (access === 'public') return;
    if (!request.user) throw unauthenticated('login_required');
    if (!hasRole(request.user, access)) throw forbidden('not_allowed');
  });

  // Answers depend on who asks (likes, drafts, roles): no shared cache (an intranet proxy) may
  // keep one and hand it to the next person. A route may choose its own private caching
  // (images, feeds); only the web app's public files keep a public policy.
  app.addHook('onSend', async (request, reply, payload) => {
    if (request.is404) return payload;
    const set = reply.getHeader('cache-control');
    const own = typeof set === 'string' ? set : undefined;
    const keep = own !== undefined && (/\b(private|no-store)\b/.test(own) || request.routeOptions.config.access === 'public' && !isApiRoute(request));
    if (!keep) reply.header('cache-control', 'private, no-store');
    return payload;
  });
}

const isApiRoute = (request: FastifyRequest) => (request.routeOptions.url ?? '').startsWith('/api/');

export const authPlugin = fp(auth, { name: 'kotsu-auth' });

/** For handlers behind `access: member` or stricter, where a user is guaranteed. */
export function currentUser(request: FastifyRequest): UserRow {
  if (!request.user) throw unauthenticated('login_required');
  return request.user;
}
