import type { Context } from '../context';
import { badRequest, conflict, forbidden, notFound } from '../http/errors';
import { hashPassword, passwordProblem } from '../users/password';
import { checkText, requireNonBlank } from '../shared/text';
import { isListedAdmin } from '../users/identity';
import { adminsFromEnv } from '../users/service';
import type { UserChanges, UserRow } from '../users/store';
import type { UpdateUserInput } from './schemas';

type Field = 'role' | 'suspended' | 'displayName' | 'department';

function currentValues(u: UserRow): Record<Field, string | boolean> {
  return { role: u.role, suspended: u.suspended === 1, displayName: u.display_name, department: u.department };
}

/** The audit action names what mattered most in the change. */
function actionOf(changed: Partial<Record<Field, unknown>>, after: Record<Field, unknown>): string {
  if ('suspended' in changed) return after.suspended ? 'user.suspend' : 'user.reactivate';
  if ('role' in changed) return 'user.role';
  return 'user.update';
}

/**
 * An administrator changes a user's role, suspension, display name or department. Suspension
 * ends every session of the user in the same transaction. Administrators cannot demote or
 * suspend themselves, so there is always one administrator left who can undo a mistake.
 */
export function updateUser(ctx: Context, actor: UserRow, id: number, input: UpdateUserInput): UserRow {
  const target = ctx.users.byId(id);
  if (!target) throw notFound('user_not_found', 'user not found');
  if (target.id === actor.id && ((input.role !== undefined && input.role !== target.role) || input.suspended === true)) {
    throw forbidden('self_change_refused', 'you cannot change your own role or suspend yourself');
  }
  if (ctx.config.authMode === 'proxy' && input.role !== undefined && input.role !== target.role) {
    // KOTSU_ADMINS is the one source of administrators in proxy mode: neither granted nor taken here.
    if (isListedAdmin(ctx.config.admins, target.username)) {
      throw conflict('env_admin', 'this administrator is listed in KOTSU_ADMINS');
    }
    if (input.role === 'admin') throw adminsFromEnv();
  }
  const changes: UserChanges = {};
  if (input.role !== undefined) changes.role = input.role;
  if (input.suspended !== undefined) changes.suspended = input.suspended;
  if (input.displayName !== undefined) {
    requireNonBlank('displayName', input.displayName);
    changes.displayName = input.displayName.trim();
  }
  if (input.department !== undefined) {
    checkText('department', input.department);
    changes.department = input.department.trim();
  }
  const before = currentValues(target);
  const wanted = { ...before, ...changes } as Record<Field, string | boolean>;
  const changed: Partial<Record<Field, string | boolean>> = {};
  const was: Partial<Record<Field, string | boolean>> = {};
  for (const f of Object.keys(before) as Field[]) {
    if (wanted[f] !== before[f]) { changed[f] = wanted[f]; was[f] = before[f]; }
  }
  if (Object.keys(changed).length === 0) return target;

  return ctx.db.transaction(() => {
    const updated = ctx.users.update(target, changes);
    if (changed.suspended === true) ctx.sessions.destroyAllFor(target.id);
    ctx.audit.write({
      actorId: actor.id, action: actionOf(changed, wanted), targetType: 'user', targetId: target.id,
      detail: { username: target.username, before: was, after: changed },
    });
    return updated;
  })();
}

/**
 * An administrator sets a new password for a local account (a forgotten password, or a user
 * imported from the staff list without one). Every session of the user ends in the same
 * transaction as the change and its audit entry; the password itself is never recorded.
 */
export async function resetPassword(ctx: Context, actor: UserRow, id: number, password: string): Promise<UserRow> {
  if (ctx.config.authMode !== 'local') throw forbidden('sso_only', 'passwords are managed by the intranet sign-on');
  const target = ctx.users.byId(id);
  if (!target) throw notFound('user_not_found', 'user not found');
  const problem = passwordProblem(password, target.username);
  if (problem) throw badRequest(problem.reason, problem.message, problem.params);
  const hash = await hashPassword(password, ctx.config.scryptCost);
  return ctx.db.transaction(() => {
    ctx.users.setPassword(target.id, hash);
    ctx.sessions.destroyAllFor(target.id);
    ctx.audit.write({
      actorId: actor.id, action: 'user.password_reset', targetType: 'user', targetId: target.id,
      detail: { username: target.username },
    });
    return ctx.users.byId(target.id)!;
  })();
}
