import { Type, type Static } from '@sinclair/typebox';
import { AwardBadge } from '../awards/badge';
import { Cursor, Limit } from '../http/schemas';
import { EditBaseFields } from '../revisions/edit-base';
import { MinutesSavedPerUse } from '../impact/minutes';
import { PublicUser } from '../users/presenter';

export const TITLE_MAX = 200;
export const BODY_MAX = 100_000;

const Title = Type.String({ minLength: 1, maxLength: TITLE_MAX });
const Body = Type.String({ maxLength: BODY_MAX });
const Tags = Type.Array(Type.String({ minLength: 1, maxLength: 40 }), { maxItems: 10 });

export const PostStatus = Type.Union([Type.Literal('published'), Type.Literal('hidden'), Type.Literal('draft')]);

const summaryFields = {
  id: Type.Integer(),
  title: Type.String(),
  tags: Type.Array(Type.String()),
  author: PublicUser,
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
  viewCount: Type.Integer(),
  likeCount: Type.Integer(),
  likedByMe: Type.Boolean(),
  viewerCount: Type.Integer(), bookmarkCount: Type.Integer(), bookmarkedByMe: Type.Boolean(), // popularity
  status: PostStatus,
  commentCount: Type.Optional(Type.Integer()), // authoring: visible comments
  awards: Type.Array(AwardBadge),
};

export const PostSummary = Type.Object(summaryFields);

export const Post = Type.Object({
  ...summaryFields,
  body: Type.String(),
  html: Type.String(),
  minutesSavedPerUse: Type.Union([Type.Integer(), Type.Null()]),
  hiddenReason: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  revision: Type.Optional(Type.Integer({ description: 'latest revision number; send it back as baseRevision when saving' })),
  confirmedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()], { description: 'last confirmed as still valid (確認済み) without an edit' }),
  reviewDueAt: Type.String({ format: 'date-time', description: 'from then on the tip shows a notice asking readers to check it: KOTSU_STALE_AFTER_DAYS after its last edit or confirmation' }),
});

const DraftOrPublished = Type.Optional(Type.Union([Type.Literal('published'), Type.Literal('draft')], { description: 'draft: visible only to its author until published' }));
const MinutesSaved = Type.Optional(Type.Union([MinutesSavedPerUse, Type.Null()]));
export const CreatePostBody = Type.Object({ title: Title, body: Body, tags: Tags, minutesSavedPerUse: MinutesSaved, status: DraftOrPublished }, { additionalProperties: false });
export const UpdatePostBody = Type.Object({
  title: Type.Optional(Title), body: Type.Optional(Body), tags: Type.Optional(Tags), minutesSavedPerUse: MinutesSaved, ...EditBaseFields,
}, { additionalProperties: false, minProperties: 1 });

export const ListPostsQuery = Type.Object({
  sort: Type.Optional(Type.Union([Type.Literal('new'), Type.Literal('popular'), Type.Literal('trending')], { default: 'new' })),
  tag: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  author: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  limit: Type.Optional(Limit),
  cursor: Type.Optional(Cursor),
}, { additionalProperties: false });

export const PreviewBody = Type.Object({ body: Body }, { additionalProperties: false });

export type PostSummaryT = Static<typeof PostSummary>;
export type PostT = Static<typeof Post>;
export type CreatePostInput = Static<typeof CreatePostBody>;
export type UpdatePostInput = Static<typeof UpdatePostBody>;
