import type { Context } from '../context';
import { badRequest, conflict, forbidden } from '../http/errors';
import { checkText, requireNonBlank } from '../shared/text';
import { parseLoginName } from './identity';
import { hashPassword, passwordProblem } from './password';
import type { Role, UserRow } from './store';

export interface NewAccount {
  username: string;
  password: string;
  displayName: string;
  department?: string;
  role?: Role;
}

/** In proxy mode the administrators are exactly the accounts KOTSU_ADMINS names. */
export const adminsFromEnv = () =>
  conflict('admins_from_env', 'in proxy mode administrators are set by KOTSU_ADMINS only');

/** Creates a local account after checking the name is free and the password acceptable. */
export async function createAccount(
  ctx: Context, input: NewAccount, opts: { firstAdmin?: boolean; actorId?: number } = {},
): Promise<UserRow> {
  if (ctx.config.authMode !== 'local') throw forbidden('sso_only', 'accounts come from the intranet sign-on in proxy mode');
  const login = parseLoginName(input.username);
  if (!login.ok) throw badRequest(login.reason, `username: ${login.message}`);
  const username = login.name;
  requireNonBlank('displayName', input.displayName);
  checkText('department', input.department ?? '');
  const problem = passwordProblem(input.password, username);
  if (problem) throw badRequest(problem.reason, problem.message, problem.params);
  if (ctx.users.byUsername(username)) throw conflict('username_taken', 'username taken');
  const passwordHash = await hashPassword(input.password, ctx.config.scryptCost);
  // Checked again after the await: two set-up requests racing must not both succeed.
  return ctx.db.transaction(() => {
    if (opts.firstAdmin && ctx.users.count() > 0) throw conflict('setup_done', 'setup is already done');
    if (ctx.users.byUsername(username)) throw conflict('username_taken', 'username taken');
    const user = ctx.users.insert({
      username,
      passwordHash,
      displayName: input.displayName.trim(),
      department: input.department ?? '', // normalized where it is stored (users/department.ts)
      role: opts.firstAdmin ? 'admin' : input.role ?? 'member',
    });
    // An administrator creating an account is audited in the same transaction as the account.
    // The first-run set-up is on the record too: who became the first administrator, and when.
    if (opts.firstAdmin) {
      ctx.audit.write({ actorId: user.id, action: 'setup.admin', targetType: 'user', targetId: user.id,
        detail: { username: user.username } });
    }
    if (opts.actorId !== undefined) {
      ctx.audit.write({ actorId: opts.actorId, action: 'user.create', targetType: 'user', targetId: user.id,
        detail: { username: user.username, role: user.role } });
    }
    return user;
  })();
}
