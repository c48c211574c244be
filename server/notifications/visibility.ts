import type { Context } from '../context';
import type { PostEvents } from '../posts/events';
import { canSeeComment } from '../comments/service';
import { canRead } from '../posts/service';
import type { UserRow } from '../users/store';
import type { NotificationRow } from './store';

/**
 * A notification keeps the words it was written with (a tip's title, a comment's excerpt) while
 * its reader may still see that content. When the content is hidden from its reader (a hidden tip
 * or comment) or deleted, the quoted title and text are withheld here; a hidden one's are shown
 * again once it is restored. The same rules as the content's own routes: canRead for a tip, and
 * a hidden comment only for its author and staff. One exception: what is told only to a tip's
 * author about her own tip (hidden, restored, edited by a moderator, commented on) keeps its title
 * and the moderator's words once she deletes it; a deleted comment's words are withheld there too.
 */
export function withheldWhereUnseen(ctx: Context, reader: UserRow, rows: NotificationRow[]): NotificationRow[] {
  const { seesTip, seesComment } = contentSeenBy(ctx, reader);
  return rows.map((r) => {
    let title = r.target_title;
    let text = r.text;
    if (r.target_type === 'post' && r.target_id !== null && !seesTip(r.target_id)
      && !(TO_THE_AUTHOR.has(r.kind) && !ctx.posts.byId(r.target_id))) {
      title = '';
      text = '';
    }
    if (r.subject_type === 'comment' && r.subject_id !== null && !seesComment(r.subject_id)) text = '';
    if (r.subject_type === 'post' && r.subject_id !== null && !seesTip(r.subject_id)) text = '';
    // A batch of followed tips names no tip by id: it quotes the titles (the newest one and the
    // others in `text`), so any quoted title of a tip this reader may not see withholds them
    // (deleted tips: forgetDeletedTips blanks them when they are deleted).
    if (r.kind === 'follow.posts' && r.target_type !== 'post' && quotesUnseenTip(ctx, reader, r)) {
      title = '';
      text = '';
    }
    return title === r.target_title && text === r.text ? r : { ...r, target_title: title, text };
  });
}

/** Kinds told only to a tip's author, about her own tip. */
const TO_THE_AUTHOR = new Set(['post.hidden', 'post.restored', 'post.edited', 'comment.created']);

function quotesUnseenTip(ctx: Context, reader: UserRow, r: NotificationRow): boolean {
  const quoted = `${r.target_title}\n${r.text}`;
  // The list of others is cut at a length with "…": its last title may be only a beginning.
  const cut = r.text.endsWith('…') ? r.text.slice(r.text.lastIndexOf('、') + 1, -1) : '';
  return ctx.notifications.quotedUnpublishedTips(quoted, cut).some((post) => !canRead(reader, post));
}

/** The quoted titles of a batched follow notification include this one (whole, or the cut-short last one). */
function quotesTitle(r: Pick<NotificationRow, 'target_title' | 'text'>, title: string): boolean {
  if (r.target_title === title || r.text.includes(title)) return true;
  const cut = r.text.endsWith('…') ? r.text.slice(r.text.lastIndexOf('、') + 1, -1) : '';
  return cut !== '' && title.startsWith(cut);
}

/**
 * A batched follow notification names its tips by title only, so a deleted tip's title cannot be
 * recognised there later: when a tip is deleted, the batches written since it was published that
 * quote its title are blanked (the author's own are none: she is never told of her own tips),
 * inside the deleting transaction. Only the notifications written since the tip are looked at.
 */
export function forgetDeletedTips(ctx: Pick<Context, 'notifications'>, events: PostEvents): void {
  events.on(({ kind, post }) => {
    if (kind !== 'deleted') return;
    for (const r of ctx.notifications.followBatchesSince(post.created_at, post.title)) {
      if (quotesTitle(r, post.title)) ctx.notifications.forgetWords(r.id);
    }
  });
}

/**
 * Whether `reader` may see a tip or a comment now (remembered per call site): canRead for a tip,
 * and a hidden comment only for its author and staff; deleted content is not seen by anyone.
 * Also decides whether a queued notice mail still goes out.
 */
export function contentSeenBy(ctx: Context, reader: UserRow) {
  const tipSeen = new Map<number, boolean>();
  const seesTip = (id: number) => {
    if (!tipSeen.has(id)) {
      const post = ctx.posts.byId(id);
      tipSeen.set(id, post !== undefined && canRead(reader, post));
    }
    return tipSeen.get(id)!;
  };
  const seesComment = (id: number) => {
    const c = ctx.comments.byId(id);
    return c !== undefined && seesTip(c.post_id) && canSeeComment(reader, c);
  };
  return { seesTip, seesComment };
}
