import { Type, type Static } from '@sinclair/typebox';
import { Password } from '../users/schemas';

export const ChangePasswordBody = Type.Object({
  currentPassword: Password,
  newPassword: Password,
}, { additionalProperties: false });

export type ChangePasswordInput = Static<typeof ChangePasswordBody>;
