import type { Context } from '../context';
import { badRequest, forbidden, notFound } from '../http/errors';
import { renderMarkdown } from '../markdown/render';
import { recordRevision } from '../revisions/record';
import { checkText, requireNonBlank } from '../shared/text';
import { cleanTags } from '../tags/normalize';
import type { UserRow } from '../users/store';
import type { CreatePostInput, UpdatePostInput } from './schemas';
import type { PostRow, PostStatus } from './store';

const isStaff = (u: UserRow | null) => u?.role === 'moderator' || u?.role === 'admin';

/** Who may read a tip: everyone while published; its author and moderators while hidden; only its author while a draft. */
export function canRead(viewer: UserRow | null, post: Pick<PostRow, 'status' | 'author_id'>): boolean {
  return post.status === 'published' || (viewer !== null && (viewer.id === post.author_id || (isStaff(viewer) && post.status !== 'draft')));
}

/** A tip row already read, if this viewer may read it; otherwise 404, so hidden tips do not reveal they exist. */
export function readable<T extends Pick<PostRow, 'status' | 'author_id'>>(viewer: UserRow | null, post: T | undefined): T {
  if (!post || !canRead(viewer, post)) throw notFound('tip_not_found', 'tip not found');
  return post;
}

/** The tip if this viewer may read it; otherwise 404. */
export function getReadable(ctx: Context, viewer: UserRow | null, id: number): PostRow {
  return readable(viewer, ctx.posts.byId(id));
}

function checkFields(input: UpdatePostInput): string[] | undefined {
  if (input.title !== undefined) requireNonBlank('title', input.title);
  if (input.body !== undefined) checkText('body', input.body, { multiline: true });
  if (input.tags === undefined) return undefined;
  const cleaned = cleanTags(input.tags);
  if ('problem' in cleaned) throw badRequest(cleaned.reason, cleaned.problem, cleaned.params);
  return cleaned.tags;
}

/**
 * The body's HTML, rendered off the event loop (ctx.markdown) for a route to hand to createPost
 * or updatePost: a long hostile body then holds up its own request only. The checks that need
 * no write run first, so a refused save is not rendered; the service runs them again after the
 * await, in the same synchronous step as its transaction (nothing is awaited inside one).
 * Undefined when an edit leaves the body as it is.
 */
export async function renderPostBody(ctx: Context, user: UserRow, input: UpdatePostInput, editId?: number): Promise<string | undefined> {
  if (input.body === undefined) return undefined;
  checkFields(input);
  if (editId !== undefined) checkEditor(user, getReadable(ctx, user, editId));
  // A long body's search index text is computed in the render thread too (search/body-index.ts).
  return ctx.markdown.render(input.body, { index: true });
}

/** Who may edit a tip: its author, a moderator or an administrator (the one rule; revisions/conflict.ts asks it too). */
export function mayEdit(user: UserRow, post: Pick<PostRow, 'author_id'>): boolean {
  return post.author_id === user.id || isStaff(user);
}

function checkEditor(editor: UserRow, post: PostRow): void {
  if (!mayEdit(editor, post)) throw forbidden('edit_not_allowed', 'only the author or a moderator may edit this tip');
}

/** `rendered`: the HTML of `input.body` from renderPostBody; scripts leave it out and render here. */
export function createPost(ctx: Context, author: UserRow, input: CreatePostInput, rendered?: string): PostRow {
  const tags = checkFields(input) ?? [];
  const html = rendered ?? renderMarkdown(input.body);
  return ctx.db.transaction(() => {
    const id = ctx.posts.insert({ authorId: author.id, title: input.title, body: input.body, html, status: input.status }, ctx.now().toISOString());
    ctx.tags.setPostTags(id, tags);
    if (input.minutesSavedPerUse !== undefined) ctx.posts.setMinutesSavedPerUse(id, input.minutesSavedPerUse);
    const post = ctx.posts.byId(id)!;
    recordRevision(ctx, post, author.id);
    // A draft is heard of when it is published (drafts/service.ts), not before.
    if (post.status !== 'draft') ctx.postEvents.emit({ kind: 'created', post });
    return post;
  })();
}

/** `rendered`: the HTML of `input.body` from renderPostBody; without it the body renders here. */
export function updatePost(ctx: Context, editor: UserRow, id: number, input: UpdatePostInput, rendered?: string): PostRow {
  const current = getReadable(ctx, editor, id);
  checkEditor(editor, current);
  const tags = checkFields(input);
  const title = input.title ?? current.title;
  const body = input.body ?? current.body;
  const html = input.body === undefined ? current.html : rendered ?? renderMarkdown(body);
  return ctx.db.transaction(() => {
    ctx.posts.update({ id, title, body, html }, ctx.now().toISOString());
    if (tags) ctx.tags.setPostTags(id, tags);
    if (input.minutesSavedPerUse !== undefined) ctx.posts.setMinutesSavedPerUse(id, input.minutesSavedPerUse);
    const post = ctx.posts.byId(id)!;
    recordRevision(ctx, post, editor.id);
    if (post.status !== 'draft') ctx.postEvents.emit({ kind: 'updated', post, actorId: editor.id });
    // A moderator's edit of someone else's tip is never silent: the author hears who changed it.
    if (editor.id !== post.author_id) {
      ctx.notifications.add({
        userId: post.author_id, kind: 'post.edited', actorId: editor.id,
        targetType: 'post', targetId: post.id, targetTitle: post.title, text: '',
      }, ctx.now());
    }
    return post;
  })();
}

export function deletePost(ctx: Context, actor: UserRow, id: number): void {
  const post = getReadable(ctx, actor, id);
  const own = post.author_id === actor.id;
  if (!own && actor.role !== 'admin') throw forbidden('delete_not_allowed', 'only the author or an administrator may delete this tip');
  ctx.db.transaction(() => {
    ctx.postEvents.emit({ kind: 'deleted', post });
    ctx.posts.remove(id);
    if (!own) {
      ctx.audit.write({
        actorId: actor.id, action: 'post.delete', targetType: 'post', targetId: id,
        detail: { title: post.title, authorId: post.author_id },
      });
    }
  })();
}

/**
 * Hides or restores a tip, with its listeners, in one transaction (tag counts follow in triggers).
 * The caller writes the audit entry inside the same transaction by passing `audit`.
 */
export function setPostStatus(ctx: Context, id: number, status: PostStatus, reason: string | null, audit?: () => void): PostRow {
  return ctx.db.transaction(() => {
    ctx.posts.setStatus(id, status, status === 'hidden' ? reason : null);
    const post = ctx.posts.byId(id)!;
    ctx.postEvents.emit({ kind: status === 'hidden' ? 'hidden' : 'restored', post });
    audit?.();
    return post;
  })();
}
