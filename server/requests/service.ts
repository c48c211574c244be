import type { Context } from '../context';
import { badRequest, conflict, forbidden, notFound } from '../http/errors';
import { getReadable } from '../posts/service';
import { checkText, requireNonBlank } from '../shared/text';
import type { UserRow } from '../users/store';
import type { RequestRow } from './store';

const isStaff = (u: UserRow) => u.role === 'moderator' || u.role === 'admin';

export function getRequest(ctx: Context, id: number): RequestRow {
  const r = ctx.requests.byId(id);
  if (!r) throw notFound('request_not_found', 'request not found');
  return r;
}

function requireRequester(r: RequestRow, user: UserRow): void {
  if (r.requester_id !== user.id) throw forbidden('requester_only', 'only the requester may do this');
}

function checkFields(input: { title?: string; body?: string }): void {
  if (input.title !== undefined) requireNonBlank('title', input.title);
  if (input.body !== undefined) checkText('body', input.body, { multiline: true });
}

function checkUpdate(ctx: Context, user: UserRow, id: number, input: { title?: string; body?: string }): RequestRow {
  const r = getRequest(ctx, id);
  requireRequester(r, user);
  checkFields(input);
  return r;
}

/*
 * Writes of a body: the checks, then the body rendered off the event loop (ctx.markdown, so a long
 * hostile body holds up its own request only), then the checks again after the await, in the same
 * synchronous step as the write.
 */

export async function createRequest(ctx: Context, requester: UserRow, input: { title: string; body?: string }): Promise<RequestRow> {
  const body = input.body ?? '';
  checkFields({ title: input.title, body });
  const html = await ctx.markdown.render(body);
  const id = ctx.requests.insert({ requesterId: requester.id, title: input.title, body, html }, ctx.now().toISOString());
  return ctx.requests.byId(id)!;
}

export async function updateRequest(ctx: Context, user: UserRow, id: number, input: { title?: string; body?: string }): Promise<RequestRow> {
  checkUpdate(ctx, user, id, input);
  const rendered = input.body === undefined ? undefined : await ctx.markdown.render(input.body);
  const r = checkUpdate(ctx, user, id, input);
  ctx.requests.update({ id, title: input.title ?? r.title, body: input.body ?? r.body, html: rendered ?? r.html },
    ctx.now().toISOString());
  return ctx.requests.byId(id)!;
}

/** The requester withdraws a request; a moderator may remove one, which is audited. */
export function deleteRequest(ctx: Context, user: UserRow, id: number): void {
  const r = getRequest(ctx, id);
  const own = r.requester_id === user.id;
  if (!own && !isStaff(user)) throw forbidden('request_delete_not_allowed', 'only the requester or a moderator may delete this');
  ctx.db.transaction(() => {
    ctx.requests.remove(id);
    if (!own) {
      ctx.audit.write({ actorId: user.id, action: 'request.delete', targetType: 'request', targetId: id,
        detail: { title: r.title, requesterId: r.requester_id } });
    }
  })();
}

/** 私も知りたい. The requester's own wish is the request itself, so they do not vote on it. */
export function setVote(ctx: Context, user: UserRow, id: number, on: boolean): { voteCount: number; votedByMe: boolean } {
  const r = getRequest(ctx, id);
  if (on && r.requester_id === user.id) throw forbidden('own_request_vote', 'you cannot vote on your own request');
  if (on && r.status === 'solved') throw conflict('request_solved', 'this request is already solved');
  const voteCount = ctx.db.transaction(() => ctx.requests.setVote(id, user.id, on, ctx.now().toISOString()))();
  return { voteCount, votedByMe: on };
}

/** Links a published tip as an answer; the requester is told in the app. */
export function addAnswer(ctx: Context, user: UserRow, id: number, postId: number): RequestRow {
  const r = getRequest(ctx, id);
  const post = getReadable(ctx, user, postId);
  if (post.status !== 'published') throw badRequest('answer_not_published', 'only a published tip can answer a request');
  ctx.db.transaction(() => {
    if (!ctx.requests.link(id, postId, user.id, ctx.now().toISOString())) {
      throw conflict('answer_exists', 'this tip already answers the request');
    }
    if (r.requester_id !== user.id) {
      ctx.notifications.add({
        userId: r.requester_id, kind: 'request.answered', actorId: user.id,
        targetType: 'request', targetId: id, targetTitle: r.title, text: post.title, subjectType: 'post', subjectId: post.id,
      }, ctx.now());
    }
  })();
  return ctx.requests.byId(id)!;
}

/** Whoever linked an answer, the requester or a moderator may unlink it. */
export function removeAnswer(ctx: Context, user: UserRow, id: number, postId: number): RequestRow {
  const r = getRequest(ctx, id);
  const a = ctx.requests.answer(id, postId);
  if (!a) throw notFound('answer_not_found', 'answer not found');
  if (a.linked_by !== user.id && r.requester_id !== user.id && !isStaff(user)) throw forbidden('answer_not_allowed');
  ctx.db.transaction(() => {
    ctx.requests.unlink(id, postId);
    if (r.solved_post_id === postId) ctx.requests.reopen(id);
  })();
  return ctx.requests.byId(id)!;
}

export function solveRequest(ctx: Context, user: UserRow, id: number, postId: number | undefined): RequestRow {
  const r = getRequest(ctx, id);
  requireRequester(r, user);
  if (postId !== undefined && !ctx.requests.answers(id).some((a) => a.post_id === postId)) {
    throw badRequest('answer_required', 'postId: must be one of the request\'s answers');
  }
  ctx.requests.solve(id, postId ?? null, ctx.now().toISOString());
  return ctx.requests.byId(id)!;
}

export function reopenRequest(ctx: Context, user: UserRow, id: number): RequestRow {
  const r = getRequest(ctx, id);
  requireRequester(r, user);
  ctx.requests.reopen(id);
  return ctx.requests.byId(id)!;
}
