import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Context } from '../context';
import { currentUser } from '../http/auth';
import { badRequest } from '../http/errors';
import { errors, IdParams } from '../http/schemas';
import { presentAdmin } from '../users/admins';
import { AdminUser } from '../users/presenter';
import { importStaff } from './import';
import { ImportQuery, ImportRejected, ImportReport, ResetPasswordBody, UpdateUserBody } from './schemas';
import { resetPassword, updateUser } from './service';

const IMPORT_BODY_LIMIT = 5 * 1024 * 1024;

export const adminRoutes: FastifyPluginAsyncTypebox<{ ctx: Context }> = async (app, { ctx }) => {
  // The staff list arrives as the bytes Excel wrote. A cross-site form cannot send text/csv and a
  // cross-site fetch of it needs a CORS preflight that is never granted, so accepting it here (and
  // only here: this plugin is encapsulated) does not open a CSRF path.
  app.addContentTypeParser('text/csv', { parseAs: 'buffer', bodyLimit: IMPORT_BODY_LIMIT }, (_request, body, done) => {
    done(null, body);
  });

  app.patch('/api/users/:id', {
    config: { access: 'admin' },
    schema: { tags: ['users'], summary: 'Change role, suspension, display name or department (audited; suspension ends sessions)',
      params: IdParams, body: UpdateUserBody, response: { 200: AdminUser, ...errors(400, 401, 403, 404, 409, 415) } },
  }, async (request) => presentAdmin(ctx, updateUser(ctx, currentUser(request), request.params.id, request.body)));

  app.put('/api/users/:id/password', {
    config: { access: 'admin' },
    schema: { tags: ['users'], summary: 'Set a new password for a local account (audited; ends its sessions)',
      params: IdParams, body: ResetPasswordBody, response: { 200: AdminUser, ...errors(400, 401, 403, 404, 415) } },
  }, async (request) => presentAdmin(ctx, await resetPassword(ctx, currentUser(request), request.params.id, request.body.password)));

  app.post('/api/users/import', {
    config: { access: 'admin' },
    bodyLimit: IMPORT_BODY_LIMIT,
    schema: {
      tags: ['users'],
      summary: 'Import the staff list (名簿) from CSV: all rows or none',
      description: 'Body: the CSV file as Excel saved it (`Content-Type: text/csv`; UTF-8 with or without BOM, ' +
        'Shift_JIS, or UTF-16 "Unicode text"; `; charset=shift_jis` forces Shift_JIS). The header row names the ' +
        'columns: ユーザー名 (username), 氏名 (displayName), 所属 (department, optional), 権限 (role, optional). ' +
        'Existing users are matched by username and updated; others are created. With any bad row nothing is ' +
        'applied and the answer is 400 with the row-by-row report.',
      querystring: ImportQuery,
      consumes: ['text/csv'],
      // No type: the body is raw bytes, checked by the importer rather than by a JSON schema.
      body: Type.Unsafe<Buffer>({ description: 'the CSV file' }),
      response: { 200: ImportReport, 400: ImportRejected, ...errors(401, 403, 413, 415) },
    },
  }, async (request, reply) => {
    const user = currentUser(request);
    const body: unknown = request.body;
    if (!Buffer.isBuffer(body) || body.length === 0) throw badRequest('csv_body_missing', 'send the CSV file as the body');
    const charset = /charset=([^;]+)/i.exec(request.headers['content-type'] ?? '')?.[1]?.trim().replace(/"/g, '');
    const report = importStaff(ctx, user, body, { charset, dryRun: request.query.dryRun ?? false });
    if (report.summary.error > 0) {
      return reply.status(400).send({
        error: 'bad_request',
        reason: 'csv_row_errors',
        message: `${report.summary.error} rows have errors; nothing was applied`,
        params: { count: report.summary.error },
        ...report,
      });
    }
    return report;
  });
};
