import type { Context } from '../context';
import { isListedAdmin } from './identity';
import { presentAdminUser } from './presenter';
import type { Role, UserRow } from './store';

export interface RoleChange { userId: number; username: string; from: Role; to: Role }

/**
 * Proxy mode: KOTSU_ADMINS is the one source of administrators. At every start, an account
 * KOTSU_ADMINS names becomes an administrator, and an administrator it no longer names becomes
 * a member (moderators and members not named keep their role). Each change is audited, with no
 * actor, in one transaction; the accounts' sessions need no ending (proxy mode has none).
 */
export function syncConfiguredAdmins(ctx: Context): RoleChange[] {
  if (ctx.config.authMode !== 'proxy') return [];
  const rows = ctx.db.prepare("SELECT id, username, role FROM users").all() as { id: number; username: string; role: Role }[];
  const changes: RoleChange[] = [];
  for (const u of rows) {
    const listed = isListedAdmin(ctx.config.admins, u.username);
    if (listed && u.role !== 'admin') changes.push({ userId: u.id, username: u.username, from: u.role, to: 'admin' });
    else if (!listed && u.role === 'admin') changes.push({ userId: u.id, username: u.username, from: 'admin', to: 'member' });
  }
  if (changes.length === 0) return changes;
  ctx.db.transaction(() => {
    for (const c of changes) {
      const user = ctx.users.byId(c.userId)!;
      ctx.users.update(user, { role: c.to });
      ctx.audit.write({
        actorId: null, action: 'user.role', targetType: 'user', targetId: c.userId,
        detail: { username: c.username, before: { role: c.from }, after: { role: c.to }, source: 'KOTSU_ADMINS' },
      });
    }
  })();
  return changes;
}

/** Where an account's role comes from, for the admin page. */
export const roleSource = (ctx: Context, username: string): 'KOTSU_ADMINS' | 'app' =>
  ctx.config.authMode === 'proxy' && isListedAdmin(ctx.config.admins, username) ? 'KOTSU_ADMINS' : 'app';

export const presentAdmin = (ctx: Context, u: UserRow) => presentAdminUser(u, roleSource(ctx, u.username));
