import type { Context } from '../context';
import { badRequest, forbidden } from '../http/errors';
import { hashPassword, passwordProblem, verifyPassword } from '../users/password';
import type { UserRow } from '../users/store';
import type { ChangePasswordInput } from './schemas';

export type PasswordCheck = 'ok' | 'wrong-current';

/**
 * Checks the current password, then stores the new hash and ends every session of the user in
 * one transaction: whoever else held a session (a shared PC, a stolen cookie) is signed out.
 * The caller starts a fresh session for the browser that made the change.
 */
export async function changePassword(ctx: Context, user: UserRow, input: ChangePasswordInput): Promise<PasswordCheck> {
  if (ctx.config.authMode !== 'local' || user.password_hash === null) {
    throw forbidden('sso_only', 'passwords are managed by the intranet sign-on');
  }
  if (!(await verifyPassword(input.currentPassword, user.password_hash, ctx.config.scryptCost))) return 'wrong-current';
  const problem = passwordProblem(input.newPassword, user.username);
  if (problem) throw badRequest(problem.reason, problem.message, problem.params);
  if (input.newPassword === input.currentPassword) throw badRequest('password_same', 'the new password must differ from the current one');
  const hash = await hashPassword(input.newPassword, ctx.config.scryptCost);
  ctx.db.transaction(() => {
    ctx.users.setPassword(user.id, hash);
    ctx.sessions.destroyAllFor(user.id);
  })();
  return 'ok';
}
