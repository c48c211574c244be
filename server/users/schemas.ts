import { Type } from '@sinclair/typebox';
import { PASSWORD_MAX } from './password';
import { Role } from './presenter';

/** Shape only; the full rule (NFC, no compatibility characters) is parseLoginName in identity.ts. */
export const Username = Type.String({ minLength: 1, maxLength: 64, pattern: '^[\\p{L}\\p{M}\\p{N}._@-]+$' });
export const Password = Type.String({ minLength: 1, maxLength: PASSWORD_MAX });
export const DisplayName = Type.String({ minLength: 1, maxLength: 100 });
export const Department = Type.String({ maxLength: 100 });

export const SetupBody = Type.Object({
  username: Username, password: Password, displayName: DisplayName, department: Type.Optional(Department),
}, { additionalProperties: false });

export const CreateUserBody = Type.Object({
  username: Username, password: Password, displayName: DisplayName,
  department: Type.Optional(Department), role: Type.Optional(Role),
}, { additionalProperties: false });

export const PeopleQuery = Type.Object({
  q: Type.String({ minLength: 1, maxLength: 64, description: 'part of a display name (佐藤, 花子, 佐藤花子) or a login name; a leading @ is ignored' }),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 20, default: 8 })),
}, { additionalProperties: false });

export const ListUsersQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 100 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 20 })),
  cursor: Type.Optional(Type.String({ maxLength: 200 })),
}, { additionalProperties: false });

export const AuthMode = Type.Union([Type.Literal('local'), Type.Literal('proxy')]);
/** GET /api/setup: whether first-run setup is still needed, and how people sign in. */
export const SetupStatus = Type.Object({ needed: Type.Boolean(), authMode: AuthMode });
