import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Context } from '../context';
import { SESSION_COOKIE, currentUser } from '../http/auth';
import { forbidden, unauthenticated } from '../http/errors';
import { errors } from '../http/schemas';
import { loginAddressLimit } from '../security/limits';
import { Me, presentMe } from '../users/presenter';
import { AuthMode, Password, Username } from '../users/schemas';
import { clearSessionCookie, setSessionCookie } from './cookie';
import { checkLogin, type LoginResult } from './login';

const LoginBody = Type.Object({ username: Username, password: Password }, { additionalProperties: false });

/** What the web app's shell needs to start, in one request. */
export const SessionState = Type.Object({
  /** The signed-in user, or null. */
  user: Type.Union([Me, Type.Null()]),
  authMode: AuthMode,
  /** First-run setup is still needed (no user yet, local accounts). */
  setupNeeded: Type.Boolean(),
  /** The user's unread notifications (0 when signed out). */
  unreadNotifications: Type.Integer(),
});

export const sessionRoutes: FastifyPluginAsyncTypebox<{ ctx: Context }> = async (app, { ctx }) => {
  const lock = app.accountLock;

  app.post('/api/session', {
    // Every attempt from one address counts here; failed passwords per account count in `lock`.
    config: { access: 'public', rateLimit: loginAddressLimit(ctx.config) },
    schema: { tags: ['accounts'], summary: 'Log in', body: LoginBody,
      response: { 200: Type.Object({ user: Me }), ...errors(400, 401, 403, 429) } },
  }, async (request, reply) => {
    if (ctx.config.authMode !== 'local') throw forbidden('sso_only', 'log in through the intranet sign-on');
    const { username, password } = request.body;
    const attempt = lock.begin(request, reply, username);
    let failed = true; // a check that throws counts as a failure
    let result: LoginResult;
    try {
      result = await checkLogin(ctx, username, password);
      failed = result.kind === 'wrong';
    } finally {
      attempt.end(failed);
    }
    if (result.kind === 'wrong') {
      // The name is logged to spot guessing; the password never is.
      request.log.warn({ username: username.slice(0, 64), known: result.known, ip: request.ip }, 'login failed');
      throw unauthenticated('login_failed', 'wrong username or password');
    }
    if (result.kind === 'changed') {
      request.log.warn({ userId: result.userId, ip: request.ip }, 'login refused: account changed during the password check');
      throw unauthenticated('login_changed', 'the account changed while signing in; please log in again');
    }
    if (result.kind === 'suspended') {
      request.log.warn({ userId: result.user.id, ip: request.ip }, 'login refused: account suspended');
      throw forbidden('account_suspended', 'this account is suspended');
    }
    const { user, token } = result;
    // A fresh id on every login; any session the browser already had is ended, so an id
    // planted before login (session fixation) is never promoted.
    const old = request.cookies[SESSION_COOKIE];
    if (old) ctx.sessions.destroy(old);
    setSessionCookie(ctx, reply, token);
    request.log.info({ userId: user.id, ip: request.ip }, 'login succeeded');
    return { user: presentMe(user) };
  });

  app.delete('/api/session', {
    config: { access: 'public', allowSuspended: true },
    schema: { tags: ['accounts'], summary: 'Log out', response: { 204: Type.Null() } },
  }, async (request, reply) => {
    const token = request.cookies[SESSION_COOKIE];
    if (token) ctx.sessions.destroy(token);
    clearSessionCookie(ctx, reply);
    return reply.status(204).send(null);
  });

  app.get('/api/session', {
    config: { access: 'public' },
    schema: { tags: ['accounts'], summary: 'Who is signed in, how people sign in, whether setup is needed, unread notifications: what the web app starts with',
      response: { 200: SessionState, ...errors(403) } },
  }, async (request) => {
    const user = request.user;
    // As on every other route: a suspended account is refused, not shown as signed out.
    if (user?.suspended) throw forbidden('account_suspended', 'this account is suspended');
    return {
      user: user ? presentMe(user) : null,
      authMode: ctx.config.authMode,
      setupNeeded: !user && ctx.config.authMode === 'local' && ctx.users.count() === 0,
      unreadNotifications: user ? ctx.notifications.unreadCount(user.id) : 0,
    };
  });

  app.get('/api/me', {
    schema: { tags: ['accounts'], summary: 'The signed-in user', response: { 200: Me, ...errors(401, 403) } },
  }, async (request) => presentMe(currentUser(request)));
};
