import type { Context } from '../context';
import type { PostRow } from '../posts/store';
import type { RevisionContent, RevisionRow } from './store';

/** While a tip is a draft, its author's saves this close together are one revision (autosave). */
export const AUTOSAVE_WINDOW_MS = 10 * 60 * 1000;

export function revisionContent(r: Pick<RevisionRow, 'title' | 'tags' | 'body'>): RevisionContent {
  return { title: r.title, tags: JSON.parse(r.tags) as string[], body: r.body };
}

const same = (a: RevisionContent, b: RevisionContent) =>
  a.title === b.title && a.body === b.body && JSON.stringify(a.tags) === JSON.stringify(b.tags);

/**
 * Keeps the tip as it is now as its newest revision. Call inside the transaction of the save
 * (createPost/updatePost do), after the tip and its tags are written. A save that changes
 * nothing keeps no revision.
 */
export function recordRevision(ctx: Context, post: PostRow, editorId: number): void {
  const content: RevisionContent = {
    title: post.title, tags: ctx.tags.namesFor([post.id]).get(post.id) ?? [], body: post.body,
  };
  const last = ctx.revisions.latest(post.id);
  if (last && same(revisionContent(last), content)) return;
  const now = ctx.now();
  // An autosave folds into the draft's latest revision and keeps its number: history counts
  // versions people kept, so a tip drafted with 40 autosaves still starts at version 1.
  if (last && post.status === 'draft' && last.editor_id === editorId &&
    now.getTime() - Date.parse(last.created_at) < AUTOSAVE_WINDOW_MS) {
    ctx.revisions.replace(last.id, last.number, content, now.toISOString());
    return;
  }
  const number = (last?.number ?? 0) + 1;
  ctx.revisions.insert(post.id, number, editorId, content, now.toISOString());
}
