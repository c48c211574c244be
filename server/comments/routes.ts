import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Context } from '../context';
import { currentUser } from '../http/auth';
import { byId, paginate } from '../http/cursor';
import { errors, IdParams, Page } from '../http/schemas';
import { getReadable } from '../posts/service';
import { presentComment } from './presenter';
import { Comment, CommentBody, CommentListQuery, HideCommentBody, NewCommentBody } from './schemas';
import { addComment, deleteComment, editComment, setCommentStatus } from './service';

export const commentRoutes: FastifyPluginAsyncTypebox<{ ctx: Context }> = async (app, { ctx }) => {
  app.get('/api/posts/:id/comments', {
    schema: { tags: ['comments'], summary: 'Comments on a tip, oldest first', params: IdParams, querystring: CommentListQuery,
      response: { 200: Page(Comment), ...errors(400, 401, 403, 404) } },
  }, async (request) => {
    const user = currentUser(request);
    getReadable(ctx, user, request.params.id);
    const { limit = 100, cursor } = request.query;
    const staff = user.role === 'moderator' || user.role === 'admin';
    return paginate({ cursor, limit }, byId,
      (after, take) => ctx.comments.list(request.params.id, { id: user.id, staff }, (after?.[0] as number | undefined) ?? null, take),
      (rows) => rows.map(presentComment));
  });

  app.post('/api/posts/:id/comments', {
    schema: { tags: ['comments'], summary: 'Comment on a published tip (Markdown), or reply to a comment (`parentId`); the tip\'s author, the answered comment\'s author and @mentioned people are notified',
      params: IdParams, body: NewCommentBody, response: { 201: Comment, ...errors(400, 401, 403, 404, 409, 413, 415, 503) } },
  }, async (request, reply) => {
    const c = await addComment(ctx, currentUser(request), request.params.id, request.body.body, request.body.parentId);
    return reply.status(201).send(presentComment(c));
  });

  app.patch('/api/comments/:id', {
    schema: { tags: ['comments'], summary: 'Edit my comment', params: IdParams, body: CommentBody,
      response: { 200: Comment, ...errors(400, 401, 403, 404, 413, 415, 503) } },
  }, async (request) => presentComment(await editComment(ctx, currentUser(request), request.params.id, request.body.body)));

  app.delete('/api/comments/:id', {
    schema: { tags: ['comments'], summary: 'Delete my comment (an administrator may delete any, audited)', params: IdParams,
      response: { 204: Type.Null(), ...errors(400, 401, 403, 404) } },
  }, async (request, reply) => {
    deleteComment(ctx, currentUser(request), request.params.id);
    return reply.status(204).send(null);
  });

  app.post('/api/comments/:id/hide', {
    config: { access: 'moderator' },
    schema: { tags: ['comments', 'moderation'], summary: 'Hide a comment (moderator; audited, its author is notified)',
      params: IdParams, body: HideCommentBody, response: { 200: Comment, ...errors(400, 401, 403, 404, 415) } },
  }, async (request) => presentComment(setCommentStatus(ctx, currentUser(request), request.params.id, true, request.body.reason)));

  app.post('/api/comments/:id/restore', {
    config: { access: 'moderator' },
    schema: { tags: ['comments', 'moderation'], summary: 'Show a hidden comment again (moderator; audited)',
      params: IdParams, response: { 200: Comment, ...errors(400, 401, 403, 404) } },
  }, async (request) => presentComment(setCommentStatus(ctx, currentUser(request), request.params.id, false, null)));
};
