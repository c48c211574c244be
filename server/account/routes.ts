import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Context } from '../context';
import { currentUser } from '../http/auth';
import { forbidden } from '../http/errors';
import { errors } from '../http/schemas';
import { clearSessionCookie, startSession } from '../sessions/cookie';
import { ChangePasswordBody } from './schemas';
import { changePassword } from './service';

/** The signed-in member's own account: password change and signing out everywhere. */
export const accountRoutes: FastifyPluginAsyncTypebox<{ ctx: Context }> = async (app, { ctx }) => {
  // Shares its counter with login: a stolen session cannot guess the password faster than a login could.
  const lock = app.accountLock;

  app.put('/api/me/password', {
    config: { access: 'member' },
    schema: { tags: ['accounts'], summary: 'Change my password (local mode); ends every other session',
      body: ChangePasswordBody, response: { 204: Type.Null(), ...errors(400, 401, 403, 415, 429) } },
  }, async (request, reply) => {
    const user = currentUser(request);
    await lock.check(request, reply, user.username);
    if (await changePassword(ctx, user, request.body) === 'wrong-current') {
      await lock.fail(request, user.username);
      request.log.warn({ userId: user.id, ip: request.ip }, 'password change refused: wrong current password');
      throw forbidden('password_wrong', 'the current password is wrong');
    }
    startSession(ctx, reply, user.id);
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
