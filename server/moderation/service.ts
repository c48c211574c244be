import type { Context } from '../context';
import { conflict, notFound } from '../http/errors';
import { getReadable, setPostStatus } from '../posts/service';
import type { PostRow } from '../posts/store';
import { checkText, requireNonBlank } from '../shared/text';
import type { UserRow } from '../users/store';
import type { CreateReportInput, ResolveInput } from './schemas';
import type { ReportReason, ReportRow } from './store';

/** What the author reads when a report, resolved without a note, hid their tip. */
const DEFAULT_HIDE_REASON: Record<ReportReason, string> = {
  spam: 'スパムとして報告されました',
  incorrect: '内容の誤りが報告されました',
  outdated: '情報が古いと報告されました',
  inappropriate: '不適切な内容として報告されました',
  other: '報告により確認中です',
};

/** A member reports a published tip; one open report per member per tip. */
export function createReport(ctx: Context, reporter: UserRow, postId: number, input: CreateReportInput): ReportRow {
  const post = getReadable(ctx, reporter, postId);
  if (post.status !== 'published') throw conflict('tip_already_hidden', 'this tip is already hidden');
  const comment = (input.comment ?? '').trim();
  checkText('comment', comment, { multiline: true });
  if (ctx.reports.openIdOf(postId, reporter.id) !== undefined) {
    throw conflict('report_exists', 'you already have an open report on this tip');
  }
  try {
    const id = ctx.reports.insert({ postId, reporterId: reporter.id, reason: input.reason, comment }, ctx.now());
    return ctx.reports.byId(id)!;
  } catch (err) {
    // The partial unique index is the last word when two requests race.
    if ((err as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') {
      throw conflict('report_exists', 'you already have an open report on this tip');
    }
    throw err;
  }
}

/**
 * Closes every open report on a tip with one decision and tells each reporter (but not the
 * moderator themself) that it was looked at. Call inside the decision's transaction.
 */
function closeReports(ctx: Context, moderator: UserRow, post: PostRow, resolution: 'dismiss' | 'hide', note: string | null): number[] {
  const open = ctx.reports.openForPost(post.id);
  ctx.reports.resolve(open.map((r) => r.id), { resolution, note, resolvedBy: moderator.id }, ctx.now());
  for (const reporter of new Set(open.map((r) => r.reporter_id))) {
    if (reporter === moderator.id) continue;
    ctx.notifications.add({
      userId: reporter, kind: resolution === 'hide' ? 'report.accepted' : 'report.dismissed', actorId: moderator.id,
      targetType: 'post', targetId: post.id, targetTitle: post.title,
    }, ctx.now());
  }
  return open.map((r) => r.id);
}

function tellAuthor(ctx: Context, actor: UserRow, post: PostRow, kind: 'post.hidden' | 'post.restored', text: string) {
  if (post.author_id === actor.id) return;
  ctx.notifications.add({
    userId: post.author_id, kind, actorId: actor.id, targetType: 'post', targetId: post.id, targetTitle: post.title, text,
  }, ctx.now());
}

function hideInTransaction(ctx: Context, moderator: UserRow, post: PostRow, reason: string): { post: PostRow; reportIds: number[] } {
  const hidden = setPostStatus(ctx, post.id, 'hidden', reason);
  const reportIds = closeReports(ctx, moderator, hidden, 'hide', reason);
  tellAuthor(ctx, moderator, hidden, 'post.hidden', reason);
  return { post: hidden, reportIds };
}

/** Hides a published tip at once from every listing; its open reports are answered by it. */
export function hidePost(ctx: Context, moderator: UserRow, postId: number, rawReason: string): PostRow {
  // A draft is not there for a moderator: 404 as for a missing tip, never "not published".
  const post = getReadable(ctx, moderator, postId);
  if (post.status !== 'published') throw conflict('tip_not_published', 'only a published tip can be hidden');
  requireNonBlank('reason', rawReason);
  const reason = rawReason.trim();
  return ctx.db.transaction(() => {
    const result = hideInTransaction(ctx, moderator, post, reason);
    ctx.audit.write({
      actorId: moderator.id, action: 'post.hide', targetType: 'post', targetId: post.id,
      detail: { title: post.title, authorId: post.author_id, reason, reportIds: result.reportIds,
        before: { status: post.status }, after: { status: 'hidden' } },
    });
    return result.post;
  })();
}

/** Brings a hidden tip back with everything it had: views, likes, tags and its place in search. */
export function restorePost(ctx: Context, moderator: UserRow, postId: number): PostRow {
  const post = getReadable(ctx, moderator, postId);
  if (post.status !== 'hidden') throw conflict('tip_not_hidden', 'only a hidden tip can be restored');
  return ctx.db.transaction(() => {
    const restored = setPostStatus(ctx, post.id, 'published', null);
    tellAuthor(ctx, moderator, restored, 'post.restored', '');
    ctx.audit.write({
      actorId: moderator.id, action: 'post.restore', targetType: 'post', targetId: post.id,
      detail: { title: post.title, authorId: post.author_id, before: { status: 'hidden', reason: post.hidden_reason },
        after: { status: 'published' } },
    });
    return restored;
  })();
}

/**
 * A decision on a report is a decision on its tip: every open report on that tip is resolved
 * with it, so the queue never shows a tip that has already been dealt with.
 */
export function resolveReport(ctx: Context, moderator: UserRow, reportId: number, input: ResolveInput): ReportRow {
  const report = ctx.reports.byId(reportId);
  if (!report) throw notFound('report_not_found', 'report not found');
  if (report.status !== 'open') throw conflict('report_resolved', 'this report is already resolved');
  const note = input.note?.trim() || null;
  if (note !== null) checkText('note', note, { multiline: true });
  const post = ctx.posts.byId(report.post_id)!;
  ctx.db.transaction(() => {
    let after = post.status;
    let reportIds: number[];
    if (input.action === 'hide' && post.status === 'published') {
      const result = hideInTransaction(ctx, moderator, post, note ?? DEFAULT_HIDE_REASON[report.reason]);
      reportIds = result.reportIds;
      after = result.post.status;
    } else {
      reportIds = closeReports(ctx, moderator, post, input.action, note);
    }
    ctx.audit.write({
      actorId: moderator.id, action: 'report.resolve', targetType: 'report', targetId: report.id,
      detail: { postId: post.id, title: post.title, resolution: input.action, note, reason: report.reason, reportIds,
        before: { status: post.status }, after: { status: after } },
    });
  })();
  return ctx.reports.byId(reportId)!;
}
