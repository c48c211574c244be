import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Context } from '../context';
import { byId, paginate } from '../http/cursor';
import { conflict, notFound } from '../http/errors';
import { errors, Page } from '../http/schemas';
import { presentAdmin } from './admins';
import { AdminUser, Me, presentMe, presentPublicUser, PublicUser } from './presenter';
import { findPeople } from './people';
import { CreateUserBody, ListUsersQuery, PeopleQuery, SetupBody, SetupStatus } from './schemas';
import { createAccount } from './service';

export const userRoutes: FastifyPluginAsyncTypebox<{ ctx: Context }> = async (app, { ctx }) => {
  app.get('/api/setup', {
    config: { access: 'public' },
    schema: { tags: ['accounts'], summary: 'Whether first-run setup is still needed',
      response: { 200: SetupStatus } },
  }, async () => ({ needed: ctx.users.count() === 0 && ctx.config.authMode === 'local', authMode: ctx.config.authMode }));

  app.post('/api/setup', {
    config: { access: 'public' },
    schema: { tags: ['accounts'], summary: 'Create the first administrator', body: SetupBody,
      response: { 201: Me, ...errors(400, 409) } },
  }, async (request, reply) => {
    if (ctx.users.count() > 0) throw conflict('setup_done', 'setup is already done');
    const user = await createAccount(ctx, request.body, { firstAdmin: true });
    request.log.info({ userId: user.id }, 'first administrator created');
    return reply.status(201).send(presentMe(user));
  });

  app.post('/api/users', {
    config: { access: 'admin' },
    schema: { tags: ['users'], summary: 'Create an account (local mode)', body: CreateUserBody,
      response: { 201: AdminUser, ...errors(400, 401, 403, 409) } },
  }, async (request, reply) => {
    const user = await createAccount(ctx, request.body, { actorId: request.user!.id });
    return reply.status(201).send(presentAdmin(ctx, user));
  });

  app.get('/api/users', {
    config: { access: 'admin' },
    schema: { tags: ['users'], summary: 'List users', querystring: ListUsersQuery,
      response: { 200: Page(AdminUser), ...errors(400, 401, 403) } },
  }, async (request) => {
    const { q, limit = 20, cursor } = request.query;
    return paginate({ cursor, limit }, byId,
      (after, take) => ctx.users.list(q?.trim() || null, (after?.[0] as number) ?? null, take),
      (rows) => rows.map((u) => presentAdmin(ctx, u)));
  });

  app.get('/api/people', {
    schema: { tags: ['users'], summary: 'Find members by display name or login name (e.g. to mention them: @ then the login name)',
      querystring: PeopleQuery, response: { 200: Type.Object({ items: Type.Array(PublicUser) }), ...errors(400, 401) } },
  }, async (request) => ({ items: findPeople(ctx.users.active(), request.query.q, request.query.limit ?? 8).map(presentPublicUser) }));

  app.get('/api/profiles/:username', {
    schema: { tags: ['users'], summary: 'Public profile of a staff member',
      params: Type.Object({ username: Type.String({ minLength: 1, maxLength: 64 }) }),
      response: { 200: PublicUser, ...errors(401, 404) } },
  }, async (request) => {
    const user = ctx.users.byUsername(request.params.username);
    if (!user) throw notFound('user_not_found', 'user not found');
    return presentPublicUser(user);
  });
};
