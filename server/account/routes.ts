import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Context } from '../context';
import { currentUser } from '../http/auth';
import { conflict, forbidden } from '../http/errors';
import { errors } from '../http/schemas';
import { clearSessionCookie, setSessionCookie } from '../sessions/cookie';
import { ChangePasswordBody } from './schemas';
import { changePassword, type PasswordCheck } from './service';

/** The signed-in member's own account: password change and signing out everywhere. */
export const accountRoutes: FastifyPluginAsyncTypebox<{ ctx: Context }> = async (app, { ctx }) => {
  // Shares its counter with login: a stolen session cannot guess the password faster than a login could.
  const lock = app.accountLock;

  app.put('/api/me/password', {
    config: { access: 'member' },
    schema: { tags: ['accounts'], summary: 'Change my password (local mode); ends every other session',
      body: ChangePasswordBody, response: { 204: Type.Null(), ...errors(400, 401, 403, 409, 415, 429) } },
  }, async (request, reply) => {
    const user = currentUser(request);
    const attempt = lock.begin(request, reply, user.username);
    let failed = true;
    let result: PasswordCheck;
    try {
      result = await changePassword(ctx, user, request.body);
      failed = result.kind === 'wrong-current';
    } finally {
      attempt.end(failed);
    }
    if (result.kind === 'wrong-current') {
      request.log.warn({ userId: user.id, ip: request.ip }, 'password change refused: wrong current password');
      throw forbidden('password_wrong', 'the current password is wrong');
    }
    if (result.kind === 'changed') {
      request.log.warn({ userId: user.id, ip: request.ip }, 'password change refused: account changed meanwhile');
      throw conflict('login_changed', 'the account changed meanwhile; please log in again');
    }
    setSessionCookie(ctx, reply, result.token);
    request.log.info({ userId: user.id, ip: request.ip }, 'password changed; other sessions ended');
    return reply.status(204).send(null);
  });

  app.delete('/api/me/sessions', {
    // Signing out is always allowed, suspended or not.
    config: { access: 'member', allowSuspended: true },
    schema: { tags: ['accounts'], summary: 'Log out everywhere: end every session of mine, this one included',
      response: { 204: Type.Null(), ...errors(401) } },
  }, async (request, reply) => {
    const user = currentUser(request);
    ctx.sessions.destroyAllFor(user.id);
    clearSessionCookie(ctx, reply);
    request.log.info({ userId: user.id, ip: request.ip }, 'logged out everywhere');
    return reply.status(204).send(null);
  });
};
