import type { FastifyInstance, RouteOptions } from 'fastify';
import fp from 'fastify-plugin';
import type { Context } from '../context';
import type { Access } from '../http/auth';
import { registerSecurityHeaders } from './headers';
import { accountLock, registerRateLimits, type AccountLock } from './limits';

const ACCESS: ReadonlySet<string> = new Set<Access>(['public', 'member', 'moderator', 'admin']);

export interface RouteRule {
  method: string;
  url: string;
  access: Access;
  declared: boolean;
  allowSuspended: boolean;
  /** The route's schema (params, querystring, body), for tests that call every route. */
  schema: RouteOptions['schema'];
}

declare module 'fastify' {
  interface FastifyInstance {
    /**
     * Every route registered after the security plugin (all of them: API, web app files), with
     * the access rule it runs under. Read once the app is ready: a rule is read from the route's
     * config as the last onRoute hook left it.
     */
    routeRules: RouteRule[];
    /** Failed-password lock-out per account, shared by login and password change. */
    accountLock: AccountLock;
  }
}

/**
 * Headers, rate limits and the route-rule register. Registered before the route plugins so
 * that its onRoute hooks see every route; a misspelt access rule stops start-up.
 */
async function security(app: FastifyInstance, opts: { ctx: Context }): Promise<void> {
  const rules: RouteRule[] = [];
  app.decorate('routeRules', rules);
  app.addHook('onRoute', (route) => {
    const declared = route.config?.access;
    if (declared !== undefined && !ACCESS.has(declared)) {
      throw new Error(`route ${route.url}: unknown access rule "${String(declared)}"`);
    }
    for (const method of [route.method].flat()) {
      rules.push({
        method, url: route.url, schema: route.schema,
        get access() { return route.config?.access ?? 'member'; },
        get declared() { return route.config?.access !== undefined; },
        get allowSuspended() { return route.config?.allowSuspended === true; },
      });
    }
  });
  app.addHook('onReady', async () => {
    for (const rule of rules) {
      if (!ACCESS.has(rule.access)) throw new Error(`route ${rule.url}: unknown access rule "${String(rule.access)}"`);
    }
  });
  await registerSecurityHeaders(app, opts.ctx.config);
  await registerRateLimits(app, opts.ctx.config);
  app.decorate('accountLock', accountLock(opts.ctx.config));
}

export const securityPlugin = fp(security, { name: 'kotsu-security' });
