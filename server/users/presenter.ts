import { Type, type Static } from '@sinclair/typebox';
import type { UserRow } from './store';

export const Role = Type.Union([Type.Literal('member'), Type.Literal('moderator'), Type.Literal('admin')]);

/** The author block on tips: what everyone may see about a person. */
export const PublicUser = Type.Object({
  id: Type.Integer(),
  username: Type.String(),
  displayName: Type.String(),
  department: Type.String(),
});

export const Me = Type.Object({
  id: Type.Integer(),
  username: Type.String(),
  displayName: Type.String(),
  department: Type.String(),
  role: Role,
});

export const AdminUser = Type.Object({
  id: Type.Integer(),
  username: Type.String(),
  displayName: Type.String(),
  department: Type.String(),
  role: Role,
  suspended: Type.Boolean(),
  createdAt: Type.String(),
  roleSource: Type.Union([Type.Literal('KOTSU_ADMINS'), Type.Literal('app')], {
    description: 'KOTSU_ADMINS: an administrator because the proxy-mode setting names them (changed only there); app: set in Kotsu',
  }),
  /** Local sign-in: false for staff imported without a password (they can be sent an invitation). */
  hasPassword: Type.Optional(Type.Boolean()),
});

export const presentPublicUser = (u: Pick<UserRow, 'id' | 'username' | 'display_name' | 'department'>):
  Static<typeof PublicUser> => ({
  id: u.id, username: u.username, displayName: u.display_name, department: u.department,
});

export const presentMe = (u: UserRow): Static<typeof Me> => ({ ...presentPublicUser(u), role: u.role });

export const presentAdminUser = (u: UserRow, source: 'KOTSU_ADMINS' | 'app'): Static<typeof AdminUser> => ({
  ...presentMe(u), suspended: u.suspended === 1, createdAt: u.created_at, roleSource: source, hasPassword: u.password_hash !== null,
});
