import type { FastifyInstance } from 'fastify';
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
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every /api route registered after the security plugin, with the access rule it runs under. */
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
    if (!route.url.startsWith('/api')) return;
    const declared = route.config?.access;
    if (declared !== undefined && !ACCESS.has(declared)) {
      throw new Error(`route ${route.url}: unknown access rule "${String(declared)}"`);
    }
    for (const method of [route.method].flat()) {
      rules.push({
        method, url: route.url, access: declared ?? 'member', declared: declared !== undefined,
        allowSuspended: route.config?.allowSuspended === true,
      });
    }
  });
  await registerSecurityHeaders(app, opts.ctx.config);
  await registerRateLimits(app, opts.ctx.config);
  app.decorate('accountLock', accountLock(opts.ctx.config));
}

export const securityPlugin = fp(security, { name: 'kotsu-security' });
