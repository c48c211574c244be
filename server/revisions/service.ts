import type { Context } from '../context';
import { badRequest, notFound } from '../http/errors';
import { getReadable, renderPostBody, updatePost } from '../posts/service';
import type { PostRow } from '../posts/store';
import type { UserRow } from '../users/store';
import type { ContentDiff } from './diff';
import { revisionContent } from './record';
import type { RevisionContent, RevisionRow } from './store';

export function getRevision(ctx: Context, viewer: UserRow, postId: number, number: number): RevisionRow {
  getReadable(ctx, viewer, postId);
  const rev = ctx.revisions.byNumber(postId, number);
  if (!rev) throw notFound('revision_not_found', 'revision not found');
  return rev;
}

export interface RevisionDiffResult extends ContentDiff { from: RevisionRow; to: RevisionRow }

/** Compares two revisions of a tip; by default the latest with the one before it. */
export async function diffRevisions(ctx: Context, viewer: UserRow, postId: number,
  q: { from?: number; to?: number; context: number },
  diff: (before: RevisionContent, after: RevisionContent, context: number) => Promise<ContentDiff>): Promise<RevisionDiffResult> {
  getReadable(ctx, viewer, postId);
  const to = q.to === undefined ? ctx.revisions.latest(postId) : ctx.revisions.byNumber(postId, q.to);
  if (!to) throw notFound('revision_not_found', 'revision not found');
  let from: RevisionRow | undefined;
  if (q.from !== undefined) {
    from = ctx.revisions.byNumber(postId, q.from);
  } else {
    // The first revision is compared with an empty tip.
    from = ctx.revisions.previous(postId, to.number) ??
      { ...to, number: 0, title: '', tags: '[]', body: '', restored_from: null };
  }
  if (!from) throw notFound('revision_not_found', 'revision not found');
  if (from.number === to.number) throw badRequest('revisions_same', 'from and to must be different revisions');
  // Computed off the event loop for long bodies, with a time limit (diff-pool.ts).
  return { ...(await diff(revisionContent(from), revisionContent(to), q.context)), from, to };
}

/**
 * The revision's body rendered off the event loop, for the route to hand to restoreRevision (a
 * revision never changes). Undefined when there is no such revision: the restore answers that.
 */
export async function renderRevisionBody(ctx: Context, editor: UserRow, postId: number, number: number): Promise<string | undefined> {
  const rev = ctx.revisions.byNumber(postId, number);
  return rev ? renderPostBody(ctx, editor, { body: rev.body }, postId) : undefined;
}

/**
 * Makes an old revision the tip's content again, as a new revision: history is never rewritten.
 * Goes through updatePost, so rendering, tags, listeners and permissions are those of any edit.
 */
export function restoreRevision(ctx: Context, editor: UserRow, postId: number, number: number, rendered?: string): PostRow {
  const rev = getRevision(ctx, editor, postId, number);
  const content = revisionContent(rev);
  return ctx.db.transaction(() => {
    const before = ctx.revisions.latestNumber(postId);
    const post = updatePost(ctx, editor, postId, content, rendered);
    const after = ctx.revisions.latestNumber(postId);
    if (after !== before) ctx.revisions.markRestored(postId, after, number);
    return post;
  })();
}
