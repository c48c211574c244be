import { Readable } from 'node:stream';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Context } from '../context';
import { currentUser } from '../http/auth';
import { paginate } from '../http/cursor';
import { errors, IdParams, Page } from '../http/schemas';
import { presentPost } from '../posts/presenter';
import { Post } from '../posts/schemas';
import { getReadable } from '../posts/service';
import { staleEdit } from './conflict';
import { presentRevision, presentRevisionSummary } from './presenter';
import {
  DiffQuery, EditConflict, RestoreBody, Revision, RevisionDiff, type RevisionDiffT, RevisionListQuery, RevisionParams, RevisionSummary,
} from './schemas';
import { diffRevisions, getRevision, renderRevisionBody, restoreRevision } from './service';

export const revisionRoutes: FastifyPluginAsyncTypebox<{ ctx: Context }> = async (app, { ctx }) => {
  app.get('/api/posts/:id/revisions', {
    schema: { tags: ['revisions'], summary: 'Revisions of a tip, newest first (anyone who may read the tip)',
      params: IdParams, querystring: RevisionListQuery,
      response: { 200: Page(RevisionSummary), ...errors(400, 401, 403, 404) } },
  }, async (request) => {
    const user = currentUser(request);
    getReadable(ctx, user, request.params.id);
    const { limit = 20, cursor } = request.query;
    return paginate({ cursor, limit }, { shape: ['number'], key: (r: { number: number }) => [r.number] },
      (before, take) => ctx.revisions.list(request.params.id, (before?.[0] as number | undefined) ?? null, take),
      (rows) => rows.map(presentRevisionSummary));
  });

  app.get('/api/posts/:id/revisions/:number', {
    schema: { tags: ['revisions'], summary: 'One revision with its body', params: RevisionParams,
      response: { 200: Revision, ...errors(400, 401, 403, 404) } },
  }, async (request) => presentRevision(getRevision(ctx, currentUser(request), request.params.id, request.params.number)));

  app.get('/api/posts/:id/diff', {
    schema: { tags: ['revisions'], summary: 'Compare two revisions: title and body word by word, tags added and removed',
      params: IdParams, querystring: DiffQuery, response: { 200: RevisionDiff, ...errors(400, 401, 403, 404, 503) } },
  }, async (request, reply) => {
    const { from, to, context = 3 } = request.query;
    const d = await diffRevisions(ctx, currentUser(request), request.params.id, { from, to, context });
    // The diff arrives as JSON text (serialized in its thread for long bodies): the two summaries
    // are put in front of its fields, and the schema's serializer is not run over it, hence the cast.
    // Sent as two chunks: a diff of several MB is not copied again to join them.
    const head = Buffer.from(`{"from":${JSON.stringify(presentRevisionSummary(d.from))},"to":${JSON.stringify(presentRevisionSummary(d.to))},`);
    const body = Readable.from([head, d.diff.subarray(1)], { objectMode: false });
    return reply.type('application/json; charset=utf-8').header('content-length', head.length + d.diff.length - 1)
      .send(body as unknown as RevisionDiffT);
  });

  app.post('/api/posts/:id/revisions/:number/restore', {
    schema: { tags: ['revisions'], summary: 'Make an old revision current again, as a new revision (author, moderator or admin)',
      params: RevisionParams, body: RestoreBody,
      response: { 200: Post, 409: EditConflict, ...errors(400, 401, 403, 404, 413, 415, 503) } },
  }, async (request, reply) => {
    const user = currentUser(request);
    const { id, number } = request.params;
    const html = await renderRevisionBody(ctx, user, id, number);
    const stale = staleEdit(ctx, user, id, request.body);
    if (stale) return reply.status(409).send(stale);
    return presentPost(ctx, restoreRevision(ctx, user, id, number, html), user);
  });
};
