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

/** Hands the browser a session already created (inside the transaction that checked the account). */
export function setSessionCookie(ctx: Context, reply: FastifyReply, token: string): void {
  reply.setCookie(SESSION_COOKIE, token, sessionCookieOptions(ctx));
}

export function clearSessionCookie(ctx: Context, reply: FastifyReply): void {
  const { maxAge: _unused, ...options } = sessionCookieOptions(ctx);
  reply.clearCookie(SESSION_COOKIE, options);
}
