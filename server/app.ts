import fastifyCookie from '@fastify/cookie';
import fastifySwagger from '@fastify/swagger';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { accountRoutes } from './account/routes';
import { adminRoutes } from './admin/routes';
import { auditRoutes } from './audit/routes';
import { authoringRoutes } from './authoring/routes';
import { awardRoutes } from './awards/routes';
import type { Config } from './config';
import { createContext, type Clock, type Context } from './context';
import { scheduleImageSweep } from './images/sweep';
import { scheduleRerender } from './markdown/rerender';
import { normalizeStoredDepartments } from './users/department';
import { syncConfiguredAdmins } from './users/admins';
import { openDatabase, type Database } from './db/database';
import { authPlugin } from './http/auth';
import { badRequest, clientErrors, frameworkErrors, installErrorHandlers } from './http/errors';
import { installQueryStringCheck } from './http/query-string';
import { installSerialization } from './http/serialization';
import { installValidation } from './http/validation';
import { impactRoutes } from './impact/routes';
import { moderationRoutes } from './moderation/routes';
import { notificationRoutes } from './notifications/routes';
import { pageRoutes } from './pages/routes';
import { postRoutes } from './posts/routes';
import { securityPlugin } from './security/plugin';
import { trustedProxyCheck } from './security/proxies';
import { sessionRoutes } from './sessions/routes';
import { tagRoutes } from './tags/routes';
import { userRoutes } from './users/routes';
import { viewRoutes } from './views/routes';
import { popularityRoutes } from './popularity/routes';
import { searchRoutes } from './search/routes';
import { socialRoutes } from './social/routes';
import { registerWebApp } from './web/static';

declare module 'fastify' {
  interface FastifyInstance {
    ctx: Context;
  }
}

export interface AppOptions {
  config: Config;
  /** A database the caller opened (tests); otherwise config.dbPath is opened and closed with the app. */
  db?: Database;
  now?: Clock;
  logger?: FastifyServerOptions['logger'];
}

const API_VERSION = '0.1.0';

/** Builds the whole app; `server/main.ts` listens with it, tests call it with their own config. */
export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  const { config } = opts;
  const db = opts.db ?? openDatabase(config.dbPath);
  const ctx = createContext(db, config, opts.now);
  const trustedProxy = trustedProxyCheck(config.trustedProxies);

  const app = Fastify({
    logger: opts.logger ?? false,
    bodyLimit: 1024 * 1024,
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
    frameworkErrors,
    clientErrorHandler: clientErrors,
    // request.ip (rate limits, logs) believes X-Forwarded-For only from the trusted proxies:
    // the same check as the identity header's (server/security/proxies.ts).
    trustProxy: (address: string) => trustedProxy(address),
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.decorate('ctx', ctx);
  for (const c of syncConfiguredAdmins(ctx)) {
    app.log.warn({ userId: c.userId, from: c.from, to: c.to }, 'role set from KOTSU_ADMINS');
  }
  // Departments stored before they were normalized (users/department.ts): one spelling each.
  if (!db.readonly) normalizeStoredDepartments(db);
  scheduleImageSweep(app, ctx);
  scheduleRerender(app, ctx);
  // The context's threads and buffered views end with the app, then the database it opened.
  app.addHook('onClose', async () => {
    await ctx.close();
    if (!opts.db) db.close();
  });
  app.addHook('onReady', async () => { ctx.warm(); });
  installErrorHandlers(app);
  installValidation(app);
  installSerialization(app);
  // JSON is the only body format: a text/plain or form body is what a cross-site form can send.
  app.removeAllContentTypeParsers();
  const json = app.getDefaultJsonParser('error', 'error');
  // An empty body labelled JSON (RPA tools send one with every POST/PUT/DELETE) is no body:
  // bodiless routes accept it, and a route that needs a body refuses it in its schema (400).
  // Bytes that are not UTF-8 are refused (400), not turned into U+FFFD and stored as if sent.
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, body, done) => {
    let text: string;
    try { text = utf8.decode(body as Buffer); } catch { return done(badRequest('invalid_input', 'the body is not valid UTF-8'), undefined); }
    if (text.trim() === '') return done(null, undefined);
    return json(request, text, done);
  });

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.0.3',
      info: { title: 'Kotsu API', version: API_VERSION, description: 'Kotsu (コツ) intranet tips wiki' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'kotsu_sid' } } },
      security: [{ session: [] }],
    },
  });
  await app.register(fastifyCookie);
  // Before auth: its headers must be on the 401/403 answers auth throws, and it registers every route's rule.
  await app.register(securityPlugin, { ctx });
  installQueryStringCheck(app);
  await app.register(authPlugin, { ctx, trustedProxy });

  const ping = db.prepare('SELECT 1');
  app.get('/api/health', {
    config: { access: 'public' },
    schema: { tags: ['system'], response: { 200: { type: 'object', properties: { status: { type: 'string' } } } } },
  }, async () => {
    ping.get();
    return { status: 'ok' };
  });
  app.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () => app.swagger());

  for (const routes of [userRoutes, sessionRoutes, accountRoutes, postRoutes, tagRoutes, viewRoutes, popularityRoutes, searchRoutes, awardRoutes, impactRoutes, moderationRoutes, auditRoutes, adminRoutes, notificationRoutes, authoringRoutes, pageRoutes, socialRoutes]) {
    await app.register(routes, { ctx });
  }
  await registerWebApp(app, config.webRoot);
  return app;
}
