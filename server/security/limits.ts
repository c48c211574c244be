import fastifyRateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../config';
import { tooManyRequests, type Reason } from '../http/errors';
import { normalizeUsername } from '../users/store';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export const rateLimited = (seconds: number, reason: Reason = 'rate_limited') => tooManyRequests(reason, `too many attempts, retry in ${seconds} s`, { seconds });

const isApi = (url: string) => url === '/api' || url.startsWith('/api/');

/**
 * Writes are limited per signed-in user (a runaway script or robot cannot flood the wiki);
 * reads are never limited. Routes with their own `config.rateLimit` (login) use that instead.
 */
export async function registerRateLimits(app: FastifyInstance, config: Config): Promise<void> {
  await app.register(fastifyRateLimit, {
    global: true,
    max: config.writeLimitPerMinute,
    timeWindow: 60_000,
    allowList: (request: FastifyRequest) => SAFE_METHODS.has(request.method) || !isApi(request.url),
    // This hook is route-level, so auth.ts's app-level onRequest hook has run and set request.user.
    keyGenerator: (request: FastifyRequest) => (request.user ? `user:${request.user.id}` : `ip:${request.ip}`),
    addHeadersOnExceeding: { 'x-ratelimit-limit': false, 'x-ratelimit-remaining': false, 'x-ratelimit-reset': false },
    errorResponseBuilder: (_request, context) => rateLimited(Math.ceil(context.ttl / 1000)),
  });
}

/** Route config for POST /api/session: every attempt from one address counts. */
export function loginAddressLimit(config: Config) {
  return {
    max: config.loginMaxPerAddress,
    timeWindow: config.loginWindow * 1000,
    keyGenerator: (request: FastifyRequest) => `login-ip:${request.ip}`,
    allowList: () => false,
  };
}

export interface AccountLock {
  /** Throws 429 with Retry-After while the account is locked out. */
  check(request: FastifyRequest, reply: FastifyReply, account: string): Promise<void>;
  /** Counts one failed password for the account; the failure that reaches the limit locks it. */
  fail(request: FastifyRequest, account: string): Promise<void>;
}

/**
 * Failed passwords per account (normalized, so `Sato` and `ｓａｔｏ` share one counter). Only
 * failures count: a member who logs in often is never locked. Once `loginMaxFailures` failures
 * fall in one window, the account's logins answer 429 until that window ends, whatever the
 * password, so a guesser learns nothing more.
 */
export function accountLock(app: FastifyInstance, config: Config): AccountLock {
  // The limiter keys by request; which account a request is about is only known from its body.
  const accountOf = new WeakMap<FastifyRequest, string>();
  const limiter = app.createRateLimit({
    max: config.loginMaxFailures,
    timeWindow: config.loginWindow * 1000,
    keyGenerator: (request: FastifyRequest) => `login-account:${accountOf.get(request) ?? ''}`,
    allowList: () => false,
  });
  const run = (request: FastifyRequest, account: string, increment: boolean) => {
    accountOf.set(request, normalizeUsername(account));
    return limiter(request, { increment });
  };
  return {
    async check(request, reply, account) {
      const state = await run(request, account, false);
      if (!state.isAllowed && state.remaining === 0 && state.ttl > 0) {
        reply.header('retry-after', String(state.ttlInSeconds));
        request.log.warn({ account: normalizeUsername(account).slice(0, 64), ip: request.ip }, 'login refused: account locked');
        throw rateLimited(state.ttlInSeconds, 'login_locked');
      }
    },
    async fail(request, account) {
      await run(request, account, true);
    },
  };
}
