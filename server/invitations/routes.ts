import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Context } from '../context';
import { currentUser } from '../http/auth';
import { errors } from '../http/schemas';
import { toCsv } from '../impact/csv';
import { Password } from '../users/schemas';
import { acceptInvitation, issueInvitations, lookupInvitation } from './service';

const Token = Type.String({ minLength: 1, maxLength: 100, description: 'from the link (after #); it is never in a URL the server sees' });
export const Issued = Type.Object({
  userId: Type.Integer(), username: Type.String(), displayName: Type.String(), department: Type.String(),
  url: Type.String({ description: 'the one-time sign-up link; shown only in this answer' }),
  expiresAt: Type.String({ format: 'date-time' }), mailed: Type.Boolean(),
});
export const IssueBody = Type.Object({
  userIds: Type.Optional(Type.Array(Type.Integer({ minimum: 1 }), { minItems: 1, maxItems: 20000 })),
  allWithoutPassword: Type.Optional(Type.Boolean({ description: 'every account imported without a password and not suspended' })),
  mail: Type.Optional(Type.Boolean({ description: 'also send each link by mail where an address is known (KOTSU_SMTP_URL set)' })),
  email: Type.Optional(Type.String({ maxLength: 254, description: 'an address for a single invitation' })),
}, { additionalProperties: false });
export const InvitationInfo = Type.Object({ username: Type.String(), displayName: Type.String(), expiresAt: Type.String({ format: 'date-time' }) });
const IssueQuery = Type.Object({ format: Type.Optional(Type.Union([Type.Literal('json'), Type.Literal('csv')], { default: 'json' })) }, { additionalProperties: false });

export const invitationRoutes: FastifyPluginAsyncTypebox<{ ctx: Context }> = async (app, { ctx }) => {
  app.post('/api/admin/invitations', {
    config: { access: 'admin' },
    schema: { tags: ['users'], summary: 'Issue one-time sign-up links (14 days) for staff imported without a password; ?format=csv gives them as an Excel-safe CSV for a mail merge',
      querystring: IssueQuery, body: IssueBody,
      response: { 201: Type.Union([Type.Object({ items: Type.Array(Issued) }), Type.String({ description: 'text/csv' })]), ...errors(400, 401, 403, 404, 409) } },
  }, async (request, reply) => {
    const issued = issueInvitations(ctx, currentUser(request), request.body).map((i) => ({
      userId: i.user.id, username: i.user.username, displayName: i.user.display_name, department: i.user.department,
      url: i.url, expiresAt: i.expiresAt, mailed: i.mailed,
    }));
    if (request.query.format !== 'csv') return reply.status(201).send({ items: issued });
    const csv = toCsv(['ユーザー名', '氏名', '所属', '招待リンク', '有効期限', 'メール送信'],
      issued.map((i) => [i.username, i.displayName, i.department, i.url, i.expiresAt, i.mailed ? '済' : '']));
    return reply.status(201).type('text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="kotsu-invitations.csv"')
      .serializer((p: unknown) => p as string).send(csv as unknown as string);
  });

  app.post('/api/invitations/lookup', {
    config: { access: 'public' },
    schema: { tags: ['users'], summary: 'Who an invitation link is for, if it still works (404 otherwise, whatever the reason)',
      body: Type.Object({ token: Token }, { additionalProperties: false }),
      response: { 200: InvitationInfo, ...errors(400, 404) } },
  }, async (request) => {
    const { user, expiresAt } = lookupInvitation(ctx, request.body.token);
    return { username: user.username, displayName: user.display_name, expiresAt };
  });

  app.post('/api/invitations/accept', {
    config: { access: 'public' },
    schema: { tags: ['users'], summary: 'Set one’s own password with an invitation link; the link is then used up',
      body: Type.Object({ token: Token, password: Password }, { additionalProperties: false }),
      response: { 200: Type.Object({ username: Type.String() }), ...errors(400, 404) } },
  }, async (request) => ({ username: (await acceptInvitation(ctx, request.body.token, request.body.password)).username }));
};
