import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Context } from '../context';
import { currentUser } from '../http/auth';
import { errors, IdParams } from '../http/schemas';
import { CreateTemplateBody, Template, UpdateTemplateBody } from './schemas';
import { createTemplate, deleteTemplate, presentTemplate, updateTemplate } from './service';

export const templateRoutes: FastifyPluginAsyncTypebox<{ ctx: Context }> = async (app, { ctx }) => {
  app.get('/api/templates', {
    schema: { tags: ['templates'], summary: 'Tip templates offered when starting a new tip, in picker order',
      response: { 200: Type.Object({ items: Type.Array(Template) }), ...errors(401, 403) } },
  }, async () => ({ items: ctx.templates.all().map(presentTemplate) }));

  app.post('/api/templates', {
    config: { access: 'admin' },
    schema: { tags: ['templates'], summary: 'Add a template (admin; audited)', body: CreateTemplateBody,
      response: { 201: Template, ...errors(400, 401, 403, 409, 413, 415) } },
  }, async (request, reply) => reply.status(201).send(presentTemplate(createTemplate(ctx, currentUser(request), request.body))));

  app.patch('/api/templates/:id', {
    config: { access: 'admin' },
    schema: { tags: ['templates'], summary: 'Change a template (admin; audited)', params: IdParams, body: UpdateTemplateBody,
      response: { 200: Template, ...errors(400, 401, 403, 404, 409, 413, 415) } },
  }, async (request) => presentTemplate(updateTemplate(ctx, currentUser(request), request.params.id, request.body)));

  app.delete('/api/templates/:id', {
    config: { access: 'admin' },
    schema: { tags: ['templates'], summary: 'Remove a template (admin; audited)', params: IdParams,
      response: { 204: Type.Null(), ...errors(400, 401, 403, 404) } },
  }, async (request, reply) => {
    deleteTemplate(ctx, currentUser(request), request.params.id);
    return reply.status(204).send(null);
  });
};
