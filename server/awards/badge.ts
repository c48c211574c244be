import { Type, type Static } from '@sinclair/typebox';

/**
 * The award badge a winning tip carries on the post object and every summary. Kept apart from
 * the rest of the awards schemas, which import post summaries: posts import this file.
 */
export const AwardBadge = Type.Object({
  roundId: Type.Integer(),
  roundTitle: Type.String(),
  prize: Type.String(),
});

export type AwardBadgeT = Static<typeof AwardBadge>;
