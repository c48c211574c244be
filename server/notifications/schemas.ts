import { Type, type Static } from '@sinclair/typebox';
import { Cursor, Limit } from '../http/schemas';
import { PublicUser } from '../users/presenter';

export const Notification = Type.Object({
  id: Type.Integer(),
  kind: Type.String({ description: 'post.hidden, post.restored, report.accepted, report.dismissed, …' }),
  actor: Type.Union([PublicUser, Type.Null()]),
  target: Type.Object({
    type: Type.String({ description: 'post, comment, …' }),
    id: Type.Union([Type.Integer(), Type.Null()]),
    title: Type.String(),
  }),
  text: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
  read: Type.Boolean(),
});

export const NotificationPage = Type.Object({
  items: Type.Array(Notification),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
  unreadCount: Type.Integer(),
});

export const ListNotificationsQuery = Type.Object({
  unread: Type.Optional(Type.Boolean({ description: 'only unread ones' })),
  limit: Type.Optional(Limit),
  cursor: Type.Optional(Cursor),
}, { additionalProperties: false });

export const MarkReadBody = Type.Object({
  ids: Type.Optional(Type.Array(Type.Integer({ minimum: 1 }), { minItems: 1, maxItems: 100 })),
  all: Type.Optional(Type.Literal(true)),
}, { additionalProperties: false, minProperties: 1, maxProperties: 1 });

export type NotificationT = Static<typeof Notification>;
