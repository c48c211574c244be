import { Type, type Static } from '@sinclair/typebox';
import { Cursor, Limit } from '../http/schemas';
import { PublicUser } from '../users/presenter';

export const FollowState = Type.Object({
  following: Type.Boolean({ description: 'whether I follow it' }),
  followerCount: Type.Integer({ description: 'how many members follow it' }),
});

export const MyFollows = Type.Object({
  tags: Type.Array(Type.Object({ name: Type.String(), count: Type.Integer({ description: 'published tips with the tag' }) })),
  users: Type.Array(PublicUser),
});

export const TagNameParams = Type.Object({ name: Type.String({ minLength: 1, maxLength: 100 }) });
export const UsernameParams = Type.Object({ username: Type.String({ minLength: 1, maxLength: 64 }) });

export const FeedQuery = Type.Object({ limit: Type.Optional(Limit), cursor: Type.Optional(Cursor) }, { additionalProperties: false });

export type FollowStateT = Static<typeof FollowState>;
