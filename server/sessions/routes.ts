import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { FastifyReply } from 'fastify';
import type { Context } from '../context';
import { SESSION_COOKIE, currentUser } from '../http/auth';
import { HttpError, forbidden } from '../http/errors';
import { errors } from '../http/schemas';
import { verifyPassword } from '../users/password';
import { Me, presentMe } from '../users/presenter';
import { Password, Username } from '../users/schemas';

const LoginBody = Type.Object({ username: Username, password: Password }, { additionalProperties: false });

export const sessionRoutes: FastifyPluginAsyncTypebox<{ ctx: Context }> = async (app, { ctx }) => {
  const cookieOptions = {
    path: '/', httpOnly: true, sameSite: 'lax' as const,
    secure: ctx.config.publicUrl.protocol === 'https:', maxAge: ctx.config.sessionMaxAge,
  };
  const clear = (reply: FastifyReply) => reply.clearCookie(SESSION_COOKIE, { path: '/' });

  app.post('/api/session', {
    config: { access: 'public' },
    schema: { tags: ['accounts'], summary: 'Log in', body: LoginBody,
      response: { 200: Type.Object({ user: Me }), ...errors(400, 401, 403, 429) } },
  }, async (request, reply) => {
    if (ctx.config.authMode !== 'local') throw forbidden('log in through the intranet sign-on');
    const { username, password } = request.body;
    const user = ctx.users.byUsername(username);
    const ok = await verifyPassword(password, user?.password_hash ?? null);
    if (!user || !ok) {
      request.log.warn({ username: username.slice(0, 64), ip: request.ip }, 'login failed');
      throw new HttpError(401, 'unauthenticated', 'ユーザー名またはパスワードが違います / wrong username or password');
    }
    if (user.suspended) throw forbidden('このアカウントは停止されています / this account is suspended');
    // A fresh id on every login; any session the browser already had is ended.
    const old = request.cookies[SESSION_COOKIE];
    if (old) ctx.sessions.destroy(old);
    const token = ctx.sessions.create(user.id, ctx.now());
    request.log.info({ userId: user.id, ip: request.ip }, 'login succeeded');
    reply.setCookie(SESSION_COOKIE, token, cookieOptions);
    return { user: presentMe(user) };
  });

  app.delete('/api/session', {
    config: { access: 'public', allowSuspended: true },
    schema: { tags: ['accounts'], summary: 'Log out', response: { 204: Type.Null() } },
  }, async (request, reply) => {
    const token = request.cookies[SESSION_COOKIE];
    if (token) ctx.sessions.destroy(token);
    clear(reply);
    return reply.status(204).send(null);
  });

  app.get('/api/me', {
    schema: { tags: ['accounts'], summary: 'The signed-in user', response: { 200: Me, ...errors(401, 403) } },
  }, async (request) => presentMe(currentUser(request)));
};
