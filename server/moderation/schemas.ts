import { Type, type Static } from '@sinclair/typebox';
import { Cursor, Limit } from '../http/schemas';
import { PostSummary } from '../posts/schemas';
import { PublicUser } from '../users/presenter';

export const ReportReason = Type.Union([
  Type.Literal('spam'), Type.Literal('incorrect'), Type.Literal('outdated'), Type.Literal('inappropriate'), Type.Literal('other'),
]);
export const Resolution = Type.Union([Type.Literal('dismiss'), Type.Literal('hide')]);
export const ReportStatus = Type.Union([Type.Literal('open'), Type.Literal('resolved')]);

export const NOTE_MAX = 1000;
export const COMMENT_MAX = 2000;
export const HIDE_REASON_MAX = 1000;

export const CreateReportBody = Type.Object({
  reason: ReportReason,
  comment: Type.Optional(Type.String({ maxLength: COMMENT_MAX })),
}, { additionalProperties: false });

export const ReportReceipt = Type.Object({ id: Type.Integer(), status: ReportStatus, createdAt: Type.String({ format: 'date-time' }) });

const reportFields = {
  id: Type.Integer(),
  /** null to the reported tip's author: reporters stay anonymous to authors, moderators included. */
  reporter: Type.Union([PublicUser, Type.Null()]),
  reason: ReportReason,
  comment: Type.String(),
  status: ReportStatus,
  createdAt: Type.String({ format: 'date-time' }),
  resolvedBy: Type.Optional(Type.Union([PublicUser, Type.Null()])),
  resolution: Type.Optional(Type.Union([Resolution, Type.Null()])),
  note: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  resolvedAt: Type.Optional(Type.Union([Type.String({ format: 'date-time' }), Type.Null()])),
};

/** A report without its tip: inside a queue group, whose tip is given once. */
export const ReportInGroup = Type.Object(reportFields);
export const Report = Type.Object({ ...reportFields, post: PostSummary });

export const ListReportsQuery = Type.Object({
  status: Type.Optional(Type.Union([Type.Literal('open'), Type.Literal('resolved')], { default: 'open' })),
  postId: Type.Optional(Type.Integer({ minimum: 1 })),
  limit: Type.Optional(Limit),
  cursor: Type.Optional(Cursor),
}, { additionalProperties: false });

export const MyReportsQuery = Type.Object({
  postId: Type.Optional(Type.Integer({ minimum: 1 })),
  limit: Type.Optional(Limit),
  cursor: Type.Optional(Cursor),
}, { additionalProperties: false });

export const QueueGroup = Type.Object({
  post: PostSummary,
  openCount: Type.Integer(),
  reasons: Type.Array(Type.Object({ reason: ReportReason, count: Type.Integer() })),
  firstReportedAt: Type.String({ format: 'date-time' }),
  lastReportedAt: Type.String({ format: 'date-time' }),
  reports: Type.Array(ReportInGroup),
  /** The moderator looking is the tip's author: they are warned before deciding on their own tip. */
  ownTip: Type.Boolean(),
});

export const QueuePage = Type.Object({
  items: Type.Array(QueueGroup),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
  openReports: Type.Integer(),
  openPosts: Type.Integer(),
});

export const ResolveBody = Type.Object({
  action: Resolution,
  note: Type.Optional(Type.String({ maxLength: NOTE_MAX })),
}, { additionalProperties: false });

export const HideBody = Type.Object({
  reason: Type.String({ minLength: 1, maxLength: HIDE_REASON_MAX }),
}, { additionalProperties: false });

export const MergeTagsBody = Type.Object({
  from: Type.Array(Type.String({ minLength: 1, maxLength: 40 }), { minItems: 1, maxItems: 50 }),
  into: Type.String({ minLength: 1, maxLength: 40 }),
}, { additionalProperties: false });

export const RenameTagBody = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 40 }),
}, { additionalProperties: false });

export const TagNameParams = Type.Object({ name: Type.String({ minLength: 1, maxLength: 100 }) });

export type CreateReportInput = Static<typeof CreateReportBody>;
export type ResolveInput = Static<typeof ResolveBody>;
export type ReportT = Static<typeof Report>;
export type ReportInGroupT = Static<typeof ReportInGroup>;
export type QueueGroupT = Static<typeof QueueGroup>;
