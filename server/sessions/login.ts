import type { Context } from '../context';
import { verifyPassword } from '../users/password';
import type { UserRow } from '../users/store';

export type LoginResult =
  | { kind: 'ok'; user: UserRow; token: string }
  | { kind: 'wrong'; known: boolean }
  | { kind: 'suspended'; user: UserRow }
  /** The password was right when the check started, but the account changed while it ran. */
  | { kind: 'changed'; userId: number };

/**
 * Checks a password and starts a session, losing every race cleanly: the scrypt check takes
 * tens of milliseconds, and while it runs the password may be reset or changed, or the account
 * suspended or deleted. After the hash the account is read again, and the session is created in
 * the same transaction only if the row still holds the very hash that was checked and is not
 * suspended. Any later change ends the session through the usual `destroyAllFor`.
 */
export async function checkLogin(ctx: Context, username: string, password: string): Promise<LoginResult> {
  const user = ctx.users.byUsername(username);
  // Unknown names cost the same scrypt time as known ones, so timing does not reveal accounts.
  const ok = await verifyPassword(password, user?.password_hash ?? null, ctx.config.scryptCost);
  if (!user || !ok) return { kind: 'wrong', known: user !== undefined };
  return ctx.db.transaction((): LoginResult => {
    const now = ctx.users.byId(user.id);
    if (!now || now.password_hash !== user.password_hash) return { kind: 'changed', userId: user.id };
    if (now.suspended) return { kind: 'suspended', user: now };
    return { kind: 'ok', user: now, token: ctx.sessions.create(now.id, ctx.now()) };
  })();
}
