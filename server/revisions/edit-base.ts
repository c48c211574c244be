import { Type } from '@sinclair/typebox';

/**
 * What an editor says they started from, accepted by every save of a tip; either field is
 * enough for a stale save to get 409. Its own module because posts/schemas.ts imports it.
 */
export const EditBaseFields = {
  baseRevision: Type.Optional(Type.Integer({ minimum: 0, description: 'the revision the edit started from; 409 if the tip has a newer one' })),
  baseUpdatedAt: Type.Optional(Type.String({ format: 'date-time', description: 'the tip\'s updatedAt when the edit started; 409 if it changed' })),
};
