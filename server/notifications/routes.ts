import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Context } from '../context';
import { currentUser } from '../http/auth';
import { decodeCursor, pageOf } from '../http/cursor';
import { errors } from '../http/schemas';
import { presentNotification } from './presenter';
import { withheldWhereUnseen } from './visibility';
import { ListNotificationsQuery, MarkReadBody, NotificationPage } from './schemas';

export const notificationRoutes: FastifyPluginAsyncTypebox<{ ctx: Context }> = async (app, { ctx }) => {
  app.get('/api/me/notifications', {
    schema: { tags: ['notifications'], summary: 'My notifications, newest first, with the unread count',
      querystring: ListNotificationsQuery, response: { 200: NotificationPage, ...errors(400, 401, 403) } },
  }, async (request) => {
    const user = currentUser(request);
    const { unread = false, limit = 20, cursor } = request.query;
    const after = decodeCursor(cursor, ['number']);
    const rows = ctx.notifications.list(user.id, { after: (after?.[0] as number) ?? null, limit: limit + 1, unreadOnly: unread });
    const page = pageOf(rows, limit, (r) => [r.id]);
    return { items: withheldWhereUnseen(ctx, user, page.items).map(presentNotification), nextCursor: page.nextCursor, unreadCount: ctx.notifications.unreadCount(user.id) };
  });

  app.post('/api/me/notifications/read', {
    schema: { tags: ['notifications'], summary: 'Mark notifications read: `{ids: [...]}` or `{all: true}`',
      body: MarkReadBody, response: { 200: Type.Object({ unreadCount: Type.Integer() }), ...errors(400, 401, 403, 415) } },
  }, async (request) => {
    const user = currentUser(request);
    ctx.notifications.markRead(user.id, request.body.ids ?? null, ctx.now());
    return { unreadCount: ctx.notifications.unreadCount(user.id) };
  });
};
