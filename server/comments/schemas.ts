import { Type, type Static } from '@sinclair/typebox';
import { Cursor } from '../http/schemas';
import { PublicUser } from '../users/presenter';

export const COMMENT_MAX = 10_000;

export const Comment = Type.Object({
  id: Type.Integer(),
  postId: Type.Integer(),
  parentId: Type.Union([Type.Integer(), Type.Null()], { description: 'the top-level comment this reply answers; null for a top-level comment' }),
  author: PublicUser,
  body: Type.String(),
  html: Type.String({ description: 'the safe rendering of body (same renderer as tips)' }),
  status: Type.Union([Type.Literal('visible'), Type.Literal('hidden')]),
  hiddenReason: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
  edited: Type.Boolean(),
});

export const CommentBody = Type.Object({
  body: Type.String({ minLength: 1, maxLength: COMMENT_MAX }),
}, { additionalProperties: false });

/** A new comment: a reply names the comment it answers (a reply to a reply joins the same thread). */
export const NewCommentBody = Type.Object({
  body: Type.String({ minLength: 1, maxLength: COMMENT_MAX }),
  parentId: Type.Optional(Type.Integer({ minimum: 1 })),
}, { additionalProperties: false });

export const HideCommentBody = Type.Object({
  reason: Type.String({ minLength: 1, maxLength: 500 }),
}, { additionalProperties: false });

export const CommentListQuery = Type.Object({
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 100 })),
  cursor: Type.Optional(Cursor),
}, { additionalProperties: false });

export type CommentT = Static<typeof Comment>;
