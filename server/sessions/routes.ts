import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Context } from '../context';
import { SESSION_COOKIE, currentUser } from '../http/auth';
import { forbidden, unauthenticated } from '../http/errors';
import { errors } from '../http/schemas';
import { loginAddressLimit } from '../security/limits';
import { verifyPassword } from '../users/password';
import { Me, presentMe } from '../users/presenter';
import { Password, Username } from '../users/schemas';
import { clearSessionCookie, startSession } from './cookie';

const LoginBody = Type.Object({ username: Username, password: Password }, { additionalProperties: false });

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
    await lock.check(request, reply, username);
    const user = ctx.users.byUsername(username);
    // Unknown names cost the same scrypt time as known ones, so timing does not reveal accounts.
    const ok = await verifyPassword(password, user?.password_hash ?? null, ctx.config.scryptCost);
    if (!user || !ok) {
      await lock.fail(request, username);
      // The name is logged to spot guessing; the password never is.
      request.log.warn({ username: username.slice(0, 64), known: user !== undefined, ip: request.ip }, 'login failed');
      throw unauthenticated('login_failed', 'wrong username or password');
    }
    if (user.suspended) {
      request.log.warn({ userId: user.id, ip: request.ip }, 'login refused: account suspended');
      throw forbidden('account_suspended', 'this account is suspended');
    }
    // A fresh id on every login; any session the browser already had is ended, so an id
    // planted before login (session fixation) is never promoted.
    const old = request.cookies[SESSION_COOKIE];
    if (old) ctx.sessions.destroy(old);
    startSession(ctx, reply, user.id);
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

  app.get('/api/me', {
    schema: { tags: ['accounts'], summary: 'The signed-in user', response: { 200: Me, ...errors(401, 403) } },
  }, async (request) => presentMe(currentUser(request)));
};
