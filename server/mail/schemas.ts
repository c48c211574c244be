import { Type, type Static } from '@sinclair/typebox';

export const MailSettings = Type.Object({
  available: Type.Boolean({ description: 'whether this Kotsu sends mail at all (KOTSU_SMTP_URL set)' }),
  email: Type.Union([Type.String(), Type.Null()]),
  mentions: Type.Boolean({ description: 'mail for mentions and replies' }),
  digest: Type.Boolean({ description: 'the weekly digest (Mondays 08:00 JST)' }),
});

export const MailSettingsBody = Type.Object({
  email: Type.Union([Type.String({ maxLength: 254, pattern: '^[^\\s@<>(),;:"\\[\\]\\\\]+@[^\\s@<>(),;:"\\[\\]\\\\]+\\.[^\\s@<>(),;:"\\[\\]\\\\]+$' }), Type.Null()]),
  mentions: Type.Boolean(),
  digest: Type.Boolean(),
}, { additionalProperties: false });

export const UnsubscribeBody = Type.Object({ token: Type.String({ minLength: 10, maxLength: 100 }) }, { additionalProperties: false });

export type MailSettingsT = Static<typeof MailSettings>;
