import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Context } from '../context';
import { currentUser } from '../http/auth';
import { paginate } from '../http/cursor';
import { errors, IdParams, Page } from '../http/schemas';
import { getReadable } from '../posts/service';
import { presentRequestDetail, presentRequests } from './presenter';
import {
  AnswerBody, AnswerParams, CreateRequestBody, ListRequestsQuery, RequestRef, SolveBody, TipRequest, TipRequestDetail,
  UpdateRequestBody, VoteState,
} from './schemas';
import {
  addAnswer, createRequest, deleteRequest, getRequest, removeAnswer, reopenRequest, setVote, solveRequest, updateRequest,
} from './service';
import { requestSortKey } from './store';

export const requestRoutes: FastifyPluginAsyncTypebox<{ ctx: Context }> = async (app, { ctx }) => {
  const detail = (id: number, user: Parameters<typeof presentRequests>[2]) => presentRequestDetail(ctx, getRequest(ctx, id), user);

  app.post('/api/requests', {
    schema: { tags: ['requests'], summary: 'Ask for a tip that does not exist yet (教えて)', body: CreateRequestBody,
      response: { 201: TipRequestDetail, ...errors(400, 401, 403, 413, 415, 503) } },
  }, async (request, reply) => {
    const user = currentUser(request);
    const r = await createRequest(ctx, user, request.body);
    return reply.status(201).send(presentRequestDetail(ctx, r, user));
  });

  app.get('/api/requests', {
    schema: { tags: ['requests'], summary: 'Tip requests; by default the open ones, most wanted first',
      querystring: ListRequestsQuery, response: { 200: Page(TipRequest), ...errors(400, 401, 403) } },
  }, async (request) => {
    const user = currentUser(request);
    const { status = 'open', sort = 'votes', limit = 20, cursor } = request.query;
    return paginate({ cursor, limit }, requestSortKey(sort),
      (after, take) => ctx.requests.list({ status: status === 'all' ? null : status, sort, after, limit: take }),
      (rows) => presentRequests(ctx, rows, user));
  });

  app.get('/api/requests/:id', {
    schema: { tags: ['requests'], summary: 'A request with the tips that answer it', params: IdParams,
      response: { 200: TipRequestDetail, ...errors(400, 401, 403, 404) } },
  }, async (request) => detail(request.params.id, currentUser(request)));

  app.patch('/api/requests/:id', {
    schema: { tags: ['requests'], summary: 'Edit my request', params: IdParams, body: UpdateRequestBody,
      response: { 200: TipRequestDetail, ...errors(400, 401, 403, 404, 413, 415, 503) } },
  }, async (request) => {
    const user = currentUser(request);
    return presentRequestDetail(ctx, await updateRequest(ctx, user, request.params.id, request.body), user);
  });

  app.delete('/api/requests/:id', {
    schema: { tags: ['requests'], summary: 'Withdraw my request (a moderator may remove any, audited)', params: IdParams,
      response: { 204: Type.Null(), ...errors(400, 401, 403, 404) } },
  }, async (request, reply) => {
    deleteRequest(ctx, currentUser(request), request.params.id);
    return reply.status(204).send(null);
  });

  for (const method of ['PUT', 'DELETE'] as const) {
    app.route({
      method, url: '/api/requests/:id/vote',
      schema: { tags: ['requests'], summary: method === 'PUT' ? '私も知りたい (idempotent; not on my own request)' : 'Take back my vote',
        params: IdParams, response: { 200: VoteState, ...errors(400, 401, 403, 404, 409) } },
      handler: async (request) => setVote(ctx, currentUser(request), request.params.id, method === 'PUT'),
    });
  }

  app.post('/api/requests/:id/answers', {
    schema: { tags: ['requests'], summary: 'Answer with a published tip (link it); the requester is notified',
      params: IdParams, body: AnswerBody, response: { 201: TipRequestDetail, ...errors(400, 401, 403, 404, 409, 415) } },
  }, async (request, reply) => {
    const user = currentUser(request);
    const r = addAnswer(ctx, user, request.params.id, request.body.postId);
    return reply.status(201).send(presentRequestDetail(ctx, r, user));
  });

  app.delete('/api/requests/:id/answers/:postId', {
    schema: { tags: ['requests'], summary: 'Unlink an answer (who linked it, the requester or a moderator)', params: AnswerParams,
      response: { 200: TipRequestDetail, ...errors(400, 401, 403, 404) } },
  }, async (request) => {
    const user = currentUser(request);
    return presentRequestDetail(ctx, removeAnswer(ctx, user, request.params.id, request.params.postId), user);
  });

  app.post('/api/requests/:id/solve', {
    schema: { tags: ['requests'], summary: 'Mark my request solved, optionally naming the answer that solved it',
      params: IdParams, body: SolveBody, response: { 200: TipRequestDetail, ...errors(400, 401, 403, 404, 415) } },
  }, async (request) => {
    const user = currentUser(request);
    return presentRequestDetail(ctx, solveRequest(ctx, user, request.params.id, request.body.postId), user);
  });

  app.post('/api/requests/:id/reopen', {
    schema: { tags: ['requests'], summary: 'Open my solved request again', params: IdParams,
      response: { 200: TipRequestDetail, ...errors(400, 401, 403, 404) } },
  }, async (request) => {
    const user = currentUser(request);
    return presentRequestDetail(ctx, reopenRequest(ctx, user, request.params.id), user);
  });

  app.get('/api/posts/:id/requests', {
    schema: { tags: ['requests'], summary: 'The requests a tip answers', params: IdParams,
      response: { 200: Type.Object({ items: Type.Array(RequestRef) }), ...errors(400, 401, 403, 404) } },
  }, async (request) => {
    getReadable(ctx, currentUser(request), request.params.id);
    return { items: ctx.requests.answeredBy(request.params.id) };
  });
};
