import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Context } from '../context';
import { currentUser } from '../http/auth';
import { byId, paginate } from '../http/cursor';
import { errors, IdParams, Page, PageQuery } from '../http/schemas';
import { getReadable } from '../posts/service';
import { presentPublicUser } from '../users/presenter';
import { presentNominations, presentPostNominations, presentResults, presentRound, presentScore } from './presenter';
import {
  CreateRoundBody, Nomination, NominationParams, NominationsQuery, NominateBody, PhaseBody, PostNomination,
  ProgressResponse, PublishBody, Results, Round, ScoreBody, ScoreResult, Showcase, ShowcaseQuery, UpdateRoundBody,
} from './schemas';
import {
  changePhase, createRound, getNomination, getRound, nominate, progressReport, publishRound, scoreNomination, seesHiddenNominations,
  updateRound, withdrawNomination,
} from './service';
import { showcase } from './showcase';

const TAGS = ['awards'];

export const awardRoutes: FastifyPluginAsyncTypebox<{ ctx: Context }> = async (app, { ctx }) => {
  app.post('/api/awards', {
    config: { access: 'admin' },
    schema: { tags: TAGS, summary: 'Open a DX award round (admin)', body: CreateRoundBody,
      response: { 201: Round, ...errors(400, 401, 403, 415) } },
  }, async (request, reply) => {
    const user = currentUser(request);
    return reply.status(201).send(presentRound(ctx, createRound(ctx, user, request.body), user));
  });

  app.get('/api/awards', {
    schema: { tags: TAGS, summary: 'Award rounds, newest first', querystring: PageQuery,
      response: { 200: Page(Round), ...errors(400, 401) } },
  }, async (request) => {
    const user = currentUser(request);
    const { limit = 20, cursor } = request.query;
    return paginate({ cursor, limit }, byId,
      (after, take) => ctx.awards.listRounds(after ? Number(after[0]) : null, take),
      (rows) => rows.map((r) => presentRound(ctx, r, user)));
  });

  app.get('/api/awards/:id', {
    schema: { tags: TAGS, summary: 'One award round', params: IdParams, response: { 200: Round, ...errors(400, 401, 404) } },
  }, async (request) => presentRound(ctx, getRound(ctx, request.params.id), currentUser(request)));

  app.patch('/api/awards/:id', {
    config: { access: 'admin' },
    schema: { tags: TAGS, summary: 'Change a round (admin): title until published; categories, criteria, jury while nominating',
      params: IdParams, body: UpdateRoundBody, response: { 200: Round, ...errors(400, 401, 403, 404, 409, 415) } },
  }, async (request) => {
    const user = currentUser(request);
    return presentRound(ctx, updateRound(ctx, user, request.params.id, request.body), user);
  });

  app.post('/api/awards/:id/phase', {
    config: { access: 'admin' },
    schema: { tags: TAGS, summary: 'Move a round one phase forward (admin): nominating → scoring → closed',
      params: IdParams, body: PhaseBody, response: { 200: Round, ...errors(400, 401, 403, 404, 409, 415) } },
  }, async (request) => {
    const user = currentUser(request);
    return presentRound(ctx, changePhase(ctx, user, request.params.id, request.body.phase), user);
  });

  app.post('/api/awards/:id/nominations', {
    schema: { tags: TAGS, summary: 'Nominate a tip (any member, while nominating; once per tip per round)',
      params: IdParams, body: NominateBody, response: { 201: Nomination, ...errors(400, 401, 404, 409, 415) } },
  }, async (request, reply) => {
    const user = currentUser(request);
    const round = getRound(ctx, request.params.id);
    const n = nominate(ctx, user, round.id, request.body);
    return reply.status(201).send(presentNominations(ctx, round, [n], user)[0]);
  });

  app.get('/api/awards/:id/nominations', {
    schema: { tags: TAGS, summary: 'Nominations of a round, in the order they came in',
      params: IdParams, querystring: NominationsQuery, response: { 200: Page(Nomination), ...errors(400, 401, 404) } },
  }, async (request) => {
    const user = currentUser(request);
    const round = getRound(ctx, request.params.id);
    const { category, limit = 20, cursor } = request.query;
    return paginate({ cursor, limit }, byId, (after, take) => ctx.awards.listNominations({
      roundId: round.id, category: category ?? null, after: after ? Number(after[0]) : null, limit: take,
      withHidden: seesHiddenNominations(user),
    }), (rows) => presentNominations(ctx, round, rows, user));
  });

  app.get('/api/awards/:id/nominations/:nid', {
    schema: { tags: TAGS, summary: 'One nomination', params: NominationParams,
      response: { 200: Nomination, ...errors(400, 401, 404) } },
  }, async (request) => {
    const user = currentUser(request);
    const round = getRound(ctx, request.params.id);
    const n = getNomination(ctx, user, round, request.params.nid);
    return presentNominations(ctx, round, [n], user)[0];
  });

  app.delete('/api/awards/:id/nominations/:nid', {
    schema: { tags: TAGS, summary: 'Withdraw a nomination (its nominator or an admin, while nominating)',
      params: NominationParams, response: { 204: Type.Null(), ...errors(400, 401, 403, 404, 409) } },
  }, async (request, reply) => {
    withdrawNomination(ctx, currentUser(request), request.params.id, request.params.nid);
    return reply.status(204).send(null);
  });

  app.put('/api/awards/:id/nominations/:nid/score', {
    schema: { tags: TAGS, summary: 'Score a nomination 1–5 on every criterion (judges, while scoring; a second PUT replaces)',
      params: NominationParams, body: ScoreBody, response: { 200: ScoreResult, ...errors(400, 401, 403, 404, 409, 415) } },
  }, async (request) => {
    const user = currentUser(request);
    const n = scoreNomination(ctx, user, request.params.id, request.params.nid, request.body);
    const score = presentScore(ctx.awards.scoreOf(n.id, user.id)!);
    return { nominationId: n.id, judge: presentPublicUser(user), ...score };
  });

  app.get('/api/awards/:id/progress', {
    schema: { tags: TAGS, summary: 'Scoring progress: yours if you judge, and every judge\'s for administrators',
      params: IdParams, response: { 200: ProgressResponse, ...errors(400, 401, 404) } },
  }, async (request) => progressReport(ctx, currentUser(request), getRound(ctx, request.params.id)));

  app.get('/api/awards/:id/results', {
    schema: { tags: TAGS, summary: 'Nominations ranked by weighted mean score (jury and admins; everyone once published)',
      params: IdParams, response: { 200: Results, ...errors(400, 401, 403, 404) } },
  }, async (request) => presentResults(ctx, getRound(ctx, request.params.id), currentUser(request)));

  app.post('/api/awards/:id/publish', {
    config: { access: 'admin' },
    schema: { tags: TAGS, summary: 'Publish the winners with their prizes (admin, from closed)',
      params: IdParams, body: PublishBody, response: { 200: Round, ...errors(400, 401, 403, 404, 409, 415) } },
  }, async (request) => {
    const user = currentUser(request);
    return presentRound(ctx, publishRound(ctx, user, request.params.id, request.body), user);
  });

  app.get('/api/showcase', {
    schema: { tags: TAGS, summary: 'Published winners by round, with department and effect', querystring: ShowcaseQuery,
      response: { 200: Showcase, ...errors(400, 401) } },
  }, async (request) => ({ items: showcase(ctx, currentUser(request), request.query.roundId ?? null) }));

  app.get('/api/posts/:id/nominations', {
    schema: { tags: TAGS, summary: 'A tip\'s nominations across rounds (for the tip page)', params: IdParams,
      response: { 200: Type.Object({ items: Type.Array(PostNomination) }), ...errors(400, 401, 404) } },
  }, async (request) => {
    const post = getReadable(ctx, currentUser(request), request.params.id);
    return { items: presentPostNominations(ctx, ctx.awards.nominationsOfPost(post.id)) };
  });
};
