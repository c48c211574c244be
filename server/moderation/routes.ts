import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Context } from '../context';
import { currentUser } from '../http/auth';
import { byId, paginate, type PageKey } from '../http/cursor';
import { errors, IdParams, Page, PageQuery } from '../http/schemas';
import { presentPost } from '../posts/presenter';
import { Post } from '../posts/schemas';
import { TagCount } from '../tags/schemas';
import { presentQueue, presentReports } from './presenter';
import {
  CreateReportBody, HideBody, ListReportsQuery, MergeTagsBody, MyReportsQuery, QueuePage, RenameTagBody, Report,
  ReportReceipt, ResolveBody, TagNameParams,
} from './schemas';
import { createReport, hidePost, resolveReport, restorePost } from './service';
import { mergeTags, renameTag } from './tags';

/** The moderation queue: most open reports first, then the tip's oldest open report. */
const QUEUE_ORDER: PageKey<{ open_count: number; first_id: number }> = { shape: ['number', 'number'], key: (g) => [g.open_count, g.first_id] };

export const moderationRoutes: FastifyPluginAsyncTypebox<{ ctx: Context }> = async (app, { ctx }) => {
  app.post('/api/posts/:id/reports', {
    config: { access: 'member' },
    schema: { tags: ['moderation'], summary: 'Report a tip to the moderators (one open report per member per tip)',
      params: IdParams, body: CreateReportBody, response: { 201: ReportReceipt, ...errors(400, 401, 403, 404, 409, 415) } },
  }, async (request, reply) => {
    const report = createReport(ctx, currentUser(request), request.params.id, request.body);
    return reply.status(201).send({ id: report.id, status: report.status, createdAt: report.created_at });
  });

  app.get('/api/me/reports', {
    config: { access: 'member' },
    schema: { tags: ['moderation'], summary: 'Reports I made and what became of them', querystring: MyReportsQuery,
      response: { 200: Page(Report), ...errors(400, 401, 403) } },
  }, async (request) => {
    const user = currentUser(request);
    const { postId, limit = 20, cursor } = request.query;
    return paginate({ cursor, limit }, byId,
      (after, take) => ctx.reports.byReporter({ reporterId: user.id, postId: postId ?? null, after: (after?.[0] as number) ?? null, limit: take }),
      // A reporter sees the decision, not the moderator's private note.
      (rows) => presentReports(ctx, rows, user).map((r) => ({ ...r, note: null, resolvedBy: null })));
  });

  app.get('/api/moderation/reports', {
    config: { access: 'moderator' },
    schema: { tags: ['moderation'], summary: 'Reports, newest first: open ones, or resolved ones with their decision',
      querystring: ListReportsQuery, response: { 200: Page(Report), ...errors(400, 401, 403) } },
  }, async (request) => {
    const user = currentUser(request);
    const { status = 'open', postId, limit = 20, cursor } = request.query;
    return paginate({ cursor, limit }, byId,
      (after, take) => ctx.reports.list({ status, postId: postId ?? null, after: (after?.[0] as number) ?? null, limit: take }),
      (rows) => presentReports(ctx, rows, user));
  });

  app.get('/api/moderation/queue', {
    config: { access: 'moderator' },
    schema: { tags: ['moderation'], summary: 'Open reports grouped by tip, most reported first, with counts by reason',
      querystring: PageQuery, response: { 200: QueuePage, ...errors(400, 401, 403) } },
  }, async (request) => {
    const user = currentUser(request);
    const { limit = 20, cursor } = request.query;
    const page = paginate({ cursor, limit }, QUEUE_ORDER, (after, take) => ctx.reports.queue(after, take), (groups) => presentQueue(ctx, groups, user));
    const counts = ctx.reports.counts();
    return {
      ...page,
      openReports: counts.open,
      openPosts: counts.posts,
    };
  });

  app.post('/api/moderation/reports/:id/resolve', {
    config: { access: 'moderator' },
    schema: { tags: ['moderation'], summary: 'Dismiss a report, or hide its tip; every open report on the tip is resolved with it',
      params: IdParams, body: ResolveBody, response: { 200: Report, ...errors(400, 401, 403, 404, 409, 415) } },
  }, async (request) => {
    const user = currentUser(request);
    const report = resolveReport(ctx, user, request.params.id, request.body);
    return presentReports(ctx, [report], user)[0];
  });

  app.post('/api/posts/:id/hide', {
    config: { access: 'moderator' },
    schema: { tags: ['moderation'], summary: 'Hide a tip from every listing; its author is told why',
      params: IdParams, body: HideBody, response: { 200: Post, ...errors(400, 401, 403, 404, 409, 415) } },
  }, async (request) => {
    const user = currentUser(request);
    return presentPost(ctx, hidePost(ctx, user, request.params.id, request.body.reason), user);
  });

  app.post('/api/posts/:id/restore', {
    config: { access: 'moderator' },
    schema: { tags: ['moderation'], summary: 'Publish a hidden tip again, with its views, likes and tags',
      params: IdParams, response: { 200: Post, ...errors(400, 401, 403, 404, 409) } },
  }, async (request) => {
    const user = currentUser(request);
    return presentPost(ctx, restorePost(ctx, user, request.params.id), user);
  });

  app.post('/api/tags/merge', {
    config: { access: 'moderator' },
    schema: { tags: ['tags'], summary: 'Merge tags: every tip tagged `from` is tagged `into`',
      body: MergeTagsBody, response: { 200: TagCount, ...errors(400, 401, 403, 404, 415) } },
  }, async (request) => mergeTags(ctx, currentUser(request), request.body));

  app.patch('/api/tags/:name', {
    config: { access: 'moderator' },
    schema: { tags: ['tags'], summary: 'Rename a tag (409 if the new name is another tag: merge instead)',
      params: TagNameParams, body: RenameTagBody, response: { 200: TagCount, ...errors(400, 401, 403, 404, 409, 415) } },
  }, async (request) => renameTag(ctx, currentUser(request), request.params.name, request.body.name));
};
