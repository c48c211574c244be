import fastifyRateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../config';
import { tooManyRequests, type Reason } from '../http/errors';
import { normalizeUsername } from '../users/store';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export const rateLimited = (seconds: number, reason: Reason = 'rate_limited') => tooManyRequests(reason, `too many attempts, retry in ${seconds} s`, { seconds });

/**
 * Writes are limited per signed-in user (a runaway script or robot cannot flood the wiki);
 * reads are never limited. Routes with their own `config.rateLimit` (login) use that instead.
 */
export async function registerRateLimits(app: FastifyInstance, config: Config): Promise<void> {
  await app.register(fastifyRateLimit, {
    global: true,
    max: config.writeLimitPerMinute,
    timeWindow: 60_000,
    // Every route's writes, however the request spelt its target (the hook runs per matched route).
    allowList: (request: FastifyRequest) => SAFE_METHODS.has(request.method),
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

export interface LoginAttempt {
  /** Ends the attempt: `failed` counts it as a wrong password, otherwise it is forgotten. */
  end(failed: boolean): void;
}

export interface AccountLock {
  /**
   * Starts one password check for the account from the request's address, or throws 429 with
   * Retry-After while it is locked. The attempt counts from here, before the slow hash, so
   * guesses sent in parallel cannot get past the limit while earlier ones are still hashing.
   */
  begin(request: FastifyRequest, reply: FastifyReply, account: string): LoginAttempt;
}

/** The account-wide ceiling is this many times the per-address limit. */
export const ACCOUNT_WIDE_FACTOR = 10;
const MAX_ENTRIES = 100_000;

interface Counter { failures: number; inFlight: number; resetAt: number }

/**
 * Failed passwords per account, keyed by the account's normalized login name (`Sato` and
 * `sato` share one counter). Only failures count, so a member who logs in often is never
 * locked; checks still running count as failures until they end.
 *
 * Two counters, so an attacker cannot lock an administrator out:
 * - per account *and* address: `loginMaxFailures` failures in one window lock that account from
 *   that address only;
 * - per account: `loginMaxFailures × ACCOUNT_WIDE_FACTOR` failures from any addresses lock the
 *   account from every address *except* those the account signed in from successfully within
 *   the session lifetime (remembered in memory), so a guesser spread over many machines is
 *   still bounded while the administrator at their usual PC keeps signing in.
 * The per-address limit (`loginAddressLimit`) bounds one machine across accounts.
 */
export function accountLock(config: Config, clock: () => number = Date.now): AccountLock {
  const windowMs = config.loginWindow * 1000;
  const accountMax = config.loginMaxFailures * ACCOUNT_WIDE_FACTOR;
  const counters = new Map<string, Counter>();
  const goodAddresses = new Map<string, Map<string, number>>(); // account → address → remembered until

  const counter = (key: string, now: number): Counter => {
    let c = counters.get(key);
    if (!c) {
      if (counters.size >= MAX_ENTRIES) prune(now);
      c = { failures: 0, inFlight: 0, resetAt: now + windowMs };
      counters.set(key, c);
    } else if (c.resetAt <= now) {
      c.failures = 0;
      c.resetAt = now + windowMs;
    }
    return c;
  };
  function prune(now: number) {
    for (const [k, c] of counters) if (c.resetAt <= now && c.inFlight === 0) counters.delete(k);
    for (const [k, m] of goodAddresses) {
      for (const [a, until] of m) if (until <= now) m.delete(a);
      if (m.size === 0) goodAddresses.delete(k);
    }
  }
  const knownGood = (account: string, address: string, now: number) => (goodAddresses.get(account)?.get(address) ?? 0) > now;

  return {
    begin(request, reply, name) {
      const now = clock();
      const account = normalizeUsername(name);
      const pair = counter(`${account}\u0000${request.ip}`, now);
      const whole = counter(account, now);
      const lockedBy = pair.failures + pair.inFlight >= config.loginMaxFailures ? pair
        : !knownGood(account, request.ip, now) && whole.failures + whole.inFlight >= accountMax ? whole : null;
      if (lockedBy) {
        const seconds = Math.max(1, Math.ceil((lockedBy.resetAt - now) / 1000));
        reply.header('retry-after', String(seconds));
        request.log.warn({ account: account.slice(0, 64), ip: request.ip, scope: lockedBy === pair ? 'address' : 'account' },
          'login refused: account locked');
        throw rateLimited(seconds, 'login_locked');
      }
      pair.inFlight++;
      whole.inFlight++;
      let ended = false;
      return {
        end(failed) {
          if (ended) return;
          ended = true;
          pair.inFlight--;
          whole.inFlight--;
          const at = clock();
          if (failed) {
            // Counted in the window current when the check ends (a window may have rolled over).
            counter(`${account}\u0000${request.ip}`, at).failures++;
            counter(account, at).failures++;
          } else {
            let m = goodAddresses.get(account);
            if (!m) {
              if (goodAddresses.size >= MAX_ENTRIES) prune(at);
              m = new Map();
              goodAddresses.set(account, m);
            }
            m.set(request.ip, at + config.sessionMaxAge * 1000);
          }
        },
      };
    },
  };
}
