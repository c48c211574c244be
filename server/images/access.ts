import { canSeeComment } from '../comments/service';
import type { Context } from '../context';
import { canRead } from '../posts/service';
import type { UserRow } from '../users/store';
import type { ImagePlace } from './store';

/**
 * Whether a member may see an uploaded image: they uploaded its bytes, or they may read at
 * least one place that names it (image_refs, kept by the triggers of migration 0030), judged
 * by the same rules as that place's own routes: a tip or one of its revisions by canRead;
 * a comment by canRead of its tip and canSeeComment; requests and templates are open to
 * every member. An image named only by a draft, a hidden tip or a hidden comment is thus
 * seen by exactly those who see that content; to anyone else it does not exist.
 */
export function canSeeImage(ctx: Context, viewer: UserRow, hash: string): boolean {
  if (ctx.images.isHolder(hash, viewer.id)) return true;
  return ctx.images.places(hash).some((place) => seesPlace(viewer, place));
}

function seesPlace(viewer: UserRow, p: ImagePlace): boolean {
  switch (p.source) {
    case 'request':
    case 'template':
      return true;
    case 'post':
    case 'revision':
      return p.postStatus !== null && canRead(viewer, { status: p.postStatus, author_id: p.postAuthorId! });
    case 'comment':
      return p.postStatus !== null && p.commentStatus !== null &&
        canRead(viewer, { status: p.postStatus, author_id: p.postAuthorId! }) &&
        canSeeComment(viewer, { status: p.commentStatus, author_id: p.commentAuthorId! });
    default:
      return false;
  }
}
