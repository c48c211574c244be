import type { Context } from '../context';
import { presentPost } from '../posts/presenter';
import type { PostT } from '../posts/schemas';
import { getReadable, mayEdit } from '../posts/service';
import type { UserRow } from '../users/store';

/** What an editor says they started from; either is enough to detect a stale save. */
export interface EditBase {
  baseRevision?: number;
  baseUpdatedAt?: string;
}

export interface EditConflictT {
  error: 'conflict';
  reason: 'edit_conflict';
  message: string;
  currentRevision: number;
  current: PostT;
}

/**
 * The 409 answer when the tip changed since the editor's base, carrying the current version so
 * the editor can compare and merge by hand; null when the save may go ahead. Runs in the same
 * synchronous step as the save that follows it, so no other write can come in between.
 */
export function staleEdit(ctx: Context, user: UserRow, postId: number, base: EditBase): EditConflictT | null {
  if (base.baseRevision === undefined && base.baseUpdatedAt === undefined) return null;
  const post = getReadable(ctx, user, postId);
  // Someone who may not edit gets the usual 403 from the save, not a copy of the tip.
  if (!mayEdit(user, post)) return null;
  const currentRevision = ctx.revisions.latestNumber(postId);
  const staleRevision = base.baseRevision !== undefined && base.baseRevision !== currentRevision;
  const staleTime = base.baseUpdatedAt !== undefined && Date.parse(base.baseUpdatedAt) !== Date.parse(post.updated_at);
  if (!staleRevision && !staleTime) return null;
  return {
    error: 'conflict',
    reason: 'edit_conflict',
    message: 'this tip changed since you started editing; compare with the latest version and merge',
    currentRevision,
    current: presentPost(ctx, post, user),
  };
}
