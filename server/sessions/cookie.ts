import type { FastifyReply } from 'fastify';
import type { Context } from '../context';
import { SESSION_COOKIE } from '../http/auth';

/** HttpOnly, SameSite=Lax, and Secure whenever staff reach the app over https. */
export function sessionCookieOptions(ctx: Context) {
  return {
    path: '/', httpOnly: true, sameSite: 'lax' as const,
    secure: ctx.config.publicUrl.protocol === 'https:', maxAge: ctx.config.sessionMaxAge,
  };
}

/** Starts a session with a fresh random id and hands its cookie to the browser. */
export function startSession(ctx: Context, reply: FastifyReply, userId: number): void {
  const token = ctx.sessions.create(userId, ctx.now());
  reply.setCookie(SESSION_COOKIE, token, sessionCookieOptions(ctx));
}

export function clearSessionCookie(ctx: Context, reply: FastifyReply): void {
  const { maxAge: _unused, ...options } = sessionCookieOptions(ctx);
  reply.clearCookie(SESSION_COOKIE, options);
}
