/** Shapes the API answers with, derived from the server's route schemas (server/api-types.ts). */
export type { AwardBadge, Me, Post, PostStatus, PostSummary, PublicUser, Role, TagCount } from '../../../server/api-types';
