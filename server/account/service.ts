import type { Context } from '../context';
import { badRequest, forbidden } from '../http/errors';
import { hashPassword, passwordProblem, verifyPassword } from '../users/password';
import type { UserRow } from '../users/store';
import type { ChangePasswordInput } from './schemas';

export type PasswordCheck = { kind: 'ok'; token: string } | { kind: 'wrong-current' } | { kind: 'changed' };

/**
 * Checks the current password, then stores the new hash and ends every session of the user in
 * one transaction: whoever else held a session (a shared PC, a stolen cookie) is signed out.
 * The same transaction starts the fresh session the caller hands to the browser that made the
 * change, after reading the account again: if an administrator reset the password or suspended
 * the account while the two slow hashes ran, nothing is written and no session is made.
 */
export async function changePassword(ctx: Context, user: UserRow, input: ChangePasswordInput): Promise<PasswordCheck> {
  if (ctx.config.authMode !== 'local' || user.password_hash === null) {
    throw forbidden('sso_only', 'passwords are managed by the intranet sign-on');
  }
  if (!(await verifyPassword(input.currentPassword, user.password_hash, ctx.config.scryptCost))) return { kind: 'wrong-current' };
  const problem = passwordProblem(input.newPassword, user.username);
  if (problem) throw badRequest(problem.reason, problem.message, problem.params);
  if (input.newPassword === input.currentPassword) throw badRequest('password_same', 'the new password must differ from the current one');
  const hash = await hashPassword(input.newPassword, ctx.config.scryptCost);
  return ctx.db.transaction((): PasswordCheck => {
    const now = ctx.users.byId(user.id);
    if (!now || now.suspended || now.password_hash !== user.password_hash) return { kind: 'changed' };
    ctx.users.setPassword(user.id, hash);
    ctx.sessions.destroyAllFor(user.id);
    return { kind: 'ok', token: ctx.sessions.create(user.id, ctx.now()) };
  })();
}
