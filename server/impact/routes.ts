import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Context } from '../context';
import { currentUser } from '../http/auth';
import { errors, IdParams } from '../http/schemas';
import { toCsv, type Cell } from './csv';
import { AdoptBody, Impact, ImpactCsvQuery, ImpactQuery, PostAdoptions } from './schemas';
import { adopt, impactReport, postAdoptions, withdrawAdoption } from './service';

const hours = (minutes: number) => Math.round((minutes / 60) * 10) / 10;
const NO_DEPARTMENT = '（所属未設定）';
const CSV_ROWS = 1000;

export const impactRoutes: FastifyPluginAsyncTypebox<{ ctx: Context }> = async (app, { ctx }) => {
  app.post('/api/posts/:id/adoptions', {
    schema: { tags: ['impact'], summary: 'Report that you put a tip to use (使ってみた); a second report replaces the first',
      description: 'Send `usesPerMonth` (回/月) and `minutesSavedPerUse` (分/回); the server stores both and derives '
        + '`minutesSavedPerMonth` = uses × minutes. The older body `{minutesSavedPerMonth, note?}` is still accepted and '
        + 'stored as given, with the uses unknown (null). Departments are the adopter\'s at the time of the report.',
      params: IdParams, body: AdoptBody, response: { 201: PostAdoptions, ...errors(400, 401, 403, 404, 415) } },
  }, async (request, reply) => {
    const user = currentUser(request);
    return reply.status(201).send(adopt(ctx, user, request.params.id, request.body));
  });

  app.get('/api/posts/:id/adoptions', {
    schema: { tags: ['impact'], summary: 'Adoptions of a tip: totals, your own report and the latest ones',
      params: IdParams, response: { 200: PostAdoptions, ...errors(400, 401, 404) } },
  }, async (request) => postAdoptions(ctx, currentUser(request), request.params.id));

  app.delete('/api/posts/:id/adoptions', {
    schema: { tags: ['impact'], summary: 'Withdraw your adoption report', params: IdParams,
      response: { 204: Type.Null(), ...errors(400, 401, 404) } },
  }, async (request, reply) => {
    withdrawAdoption(ctx, currentUser(request), request.params.id);
    return reply.status(204).send(null);
  });

  app.get('/api/impact', {
    schema: { tags: ['impact'], summary: 'Adoptions and minutes saved per month, by department and top tips',
      description: 'period=month|year are rolling (last 30/365 days), all is all time, fy is one fiscal year (年度, '
        + '1 April–31 March, Japan time) given by `fy` (the calendar year it starts in; default the current one). '
        + 'Adoptions count by the day they were first reported; departments are the adopter\'s at report time.',
      querystring: ImpactQuery, response: { 200: Impact, ...errors(400, 401) } },
  }, async (request) => {
    const { period = 'all', limit = 10, fy } = request.query;
    return impactReport(ctx, currentUser(request), period, limit, fy);
  });

  app.get('/api/impact.csv', {
    schema: { tags: ['impact'], summary: 'The impact report as CSV for Excel (UTF-8 with BOM)',
      querystring: ImpactCsvQuery,
      response: { 200: { description: 'text/csv; charset=utf-8', type: 'string' }, ...errors(400, 401) } },
  }, async (request, reply) => {
    const { period = 'all', table = 'departments', fy } = request.query;
    const report = impactReport(ctx, currentUser(request), period, table === 'posts' ? CSV_ROWS : 1, fy);
    let header: string[];
    let rows: Cell[][];
    if (table === 'departments') {
      header = ['報告者の所属（報告時）', '使ってみた報告（件）', '削減時間（分/月）', '削減時間（時間/月）'];
      rows = report.byDepartment.map((d) => [d.department || NO_DEPARTMENT, d.adoptions, d.minutesSavedPerMonth, hours(d.minutesSavedPerMonth)]);
    } else {
      const base = ctx.config.publicUrl.origin;
      header = ['順位', 'タイトル', '投稿者', '投稿者の所属', '使ってみた報告（件）', '削減時間（分/月）', '削減時間（時間/月）', '投稿者の見積もり（分/回）', '受賞', 'URL'];
      rows = report.topPosts.map((t, i) => [
        i + 1, t.post.title, t.post.author.displayName, t.post.author.department || NO_DEPARTMENT, t.adoptions,
        t.minutesSavedPerMonth, hours(t.minutesSavedPerMonth), t.minutesSavedPerUse,
        t.post.awards.map((a) => `${a.roundTitle} ${a.prize}`).join(' / '), `${base}/tips/${t.post.id}`,
      ]);
    }
    const day = ctx.now().toISOString().slice(0, 10);
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="kotsu-impact-${table}-${report.fiscalYear !== null ? `fy${report.fiscalYear}` : period}-${day}.csv"`)
      .header('cache-control', 'no-store')
      .send(toCsv(header, rows));
  });
};
