import type { Context } from '../context';
import { plainExcerpt } from '../shared/plain-text';
import { badRequest, conflict, forbidden, notFound } from '../http/errors';
import { notifyMentions } from '../mentions/service';
import { getReadable } from '../posts/service';
import type { PostRow } from '../posts/store';
import { checkText, isBlank, requireNonBlank } from '../shared/text';
import type { UserRow } from '../users/store';
import type { CommentRow } from './store';

const isStaff = (u: UserRow) => u.role === 'moderator' || u.role === 'admin';

// By code points, so an emoji at the cut is not split into half a surrogate pair (audit detail, CSV).
const excerpt = (body: string) => [...body.replace(/\s+/g, ' ').trim()].slice(0, 100).join('');

function checkBody(body: string): void {
  checkText('body', body, { multiline: true });
  if (isBlank(body)) throw badRequest('blank_field', 'body: must not be blank', { field: 'body' });
}

/** Who may see a comment on a tip they may read: everyone while it is visible; its author and staff while hidden. */
export function canSeeComment(viewer: UserRow, c: Pick<CommentRow, 'status' | 'author_id'>): boolean {
  return c.status !== 'hidden' || c.author_id === viewer.id || isStaff(viewer);
}

/** The comment if this viewer may see it: its tip must be readable (canRead), and the comment itself (canSeeComment). */
export function getComment(ctx: Context, viewer: UserRow, id: number): CommentRow {
  const c = ctx.comments.byId(id);
  if (!c) throw notFound('comment_not_found', 'comment not found');
  getReadable(ctx, viewer, c.post_id);
  if (!canSeeComment(viewer, c)) throw notFound('comment_not_found', 'comment not found');
  return c;
}

/**
 * The top-level comment a reply answers: a reply to a reply joins its thread (one level only).
 * It must be on the same tip and one this author can see.
 */
function threadOf(ctx: Context, author: UserRow, postId: number, parentId: number | undefined): CommentRow | null {
  if (parentId === undefined) return null;
  let parent = ctx.comments.byId(parentId);
  if (parent && parent.parent_id !== null) parent = ctx.comments.byId(parent.parent_id);
  if (!parent || parent.post_id !== postId) throw badRequest('comment_parent_invalid', 'parentId: no such comment on this tip');
  return getComment(ctx, author, parent.id);
}

function checkAdd(ctx: Context, author: UserRow, postId: number, body: string, parentId?: number): { post: PostRow; parent: CommentRow | null } {
  const post = getReadable(ctx, author, postId);
  if (post.status !== 'published') throw conflict('comment_needs_published', 'only published tips take comments');
  checkBody(body);
  return { post, parent: threadOf(ctx, author, postId, parentId) };
}

function checkEdit(ctx: Context, editor: UserRow, id: number, body: string): void {
  const c = getComment(ctx, editor, id);
  if (c.author_id !== editor.id) throw forbidden('comment_edit_not_allowed', 'only the author may edit a comment');
  checkBody(body);
}

/*
 * Writes of a body: the checks, then the body rendered off the event loop (ctx.markdown, so a long
 * hostile comment holds up its own request only), then the checks again after the await, in the
 * same synchronous step as the write.
 */

/**
 * Comments go on published tips only. Who hears of it in the app, once each: the author of the
 * comment answered (a reply), else the tip's author; and the people @mentioned who can read the tip.
 */
export async function addComment(ctx: Context, author: UserRow, postId: number, body: string, parentId?: number): Promise<CommentRow> {
  checkAdd(ctx, author, postId, body, parentId);
  const html = await ctx.markdown.render(body);
  const { post, parent } = checkAdd(ctx, author, postId, body, parentId);
  return ctx.db.transaction(() => {
    const id = ctx.comments.insert({ postId, parentId: parent?.id ?? null, authorId: author.id, body, html }, ctx.now().toISOString());
    const told = new Set<number>();
    const tell = (userId: number, kind: string) => {
      if (userId === author.id || told.has(userId)) return;
      told.add(userId);
      ctx.notifications.add({
        userId, kind, actorId: author.id, targetType: 'post', targetId: post.id, targetTitle: post.title, text: plainExcerpt(html),
        subjectType: 'comment', subjectId: id,
      }, ctx.now());
    };
    if (parent) tell(parent.author_id, 'comment.replied');
    tell(post.author_id, 'comment.created');
    notifyMentions(ctx, { source: 'comment', sourceId: id, html, actorId: author.id, post, text: plainExcerpt(html), skip: told });
    return ctx.comments.byId(id)!;
  })();
}

export async function editComment(ctx: Context, editor: UserRow, id: number, body: string): Promise<CommentRow> {
  checkEdit(ctx, editor, id, body);
  const html = await ctx.markdown.render(body);
  checkEdit(ctx, editor, id, body);
  return ctx.db.transaction(() => {
    ctx.comments.update(id, body, html, ctx.now().toISOString());
    const c = ctx.comments.byId(id)!;
    // Someone newly named in an edit is told; those told before are not told again.
    if (c.status === 'visible') {
      notifyMentions(ctx, { source: 'comment', sourceId: id, html, actorId: editor.id, post: ctx.posts.byId(c.post_id)!, text: plainExcerpt(html) });
    }
    return c;
  })();
}

/** Its author deletes a comment; an administrator may too, which is audited. */
export function deleteComment(ctx: Context, actor: UserRow, id: number): void {
  const c = getComment(ctx, actor, id);
  const own = c.author_id === actor.id;
  if (!own && actor.role !== 'admin') throw forbidden('comment_delete_not_allowed', 'only the author may delete a comment');
  ctx.db.transaction(() => {
    ctx.comments.remove(id);
    ctx.mentions.forget('comment', id);
    // A deleted comment, like a hidden one, no longer shows in the notifications that quoted it
    // (those naming it are withheld when read; mentions written before they named it are blanked here).
    ctx.notifications.clearCommentQuotes(c.id, c.post_id, c.author_id, plainExcerpt(c.html));
    if (!own) {
      ctx.audit.write({ actorId: actor.id, action: 'comment.delete', targetType: 'comment', targetId: id,
        detail: { postId: c.post_id, authorId: c.author_id, excerpt: excerpt(c.body) } });
    }
  })();
}

/** Moderators hide or show a comment again; each is audited and the comment's author is told. */
export function setCommentStatus(ctx: Context, moderator: UserRow, id: number, hide: boolean, reason: string | null): CommentRow {
  const c = getComment(ctx, moderator, id);
  if (reason !== null) requireNonBlank('reason', reason);
  if ((c.status === 'hidden') === hide) return c;
  return ctx.db.transaction(() => {
    ctx.comments.setStatus(id, hide ? 'hidden' : 'visible', hide ? reason : null);
    // A hidden comment no longer shows in the notification that quoted it.
    if (hide) ctx.notifications.clearCommentQuotes(c.id, c.post_id, c.author_id, plainExcerpt(c.html));
    ctx.audit.write({ actorId: moderator.id, action: hide ? 'comment.hide' : 'comment.restore', targetType: 'comment',
      targetId: id, detail: { postId: c.post_id, authorId: c.author_id, ...(hide ? { reason } : {}) } });
    if (c.author_id !== moderator.id) {
      const post = ctx.posts.byId(c.post_id)!;
      ctx.notifications.add({
        userId: c.author_id, kind: hide ? 'comment.hidden' : 'comment.restored', actorId: moderator.id,
        targetType: 'post', targetId: c.post_id, targetTitle: post.title, text: hide ? reason ?? '' : '',
      }, ctx.now());
    }
    return ctx.comments.byId(id)!;
  })();
}
