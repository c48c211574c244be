import type { Context } from '../context';
import { mentionedUsernames } from '../markdown/mentions';
import type { PostEvents } from '../posts/events';
import { canRead } from '../posts/service';
import type { PostRow } from '../posts/store';
import type { MentionSource } from './store';

/** More names than this in one text are not told (a list of everyone is not a mention). */
export const MENTIONS_MAX = 20;

export interface MentionSite {
  source: MentionSource;
  sourceId: number;
  /** The rendered HTML of the tip or comment (only the renderer marks mentions). */
  html: string;
  /** Who wrote it: never told of their own mention. */
  actorId: number;
  post: Pick<PostRow, 'id' | 'title' | 'status' | 'author_id'>;
  text?: string;
  /** People told of this action in another way already (the tip's author of a new comment, …). */
  skip?: ReadonlySet<number>;
}

/**
 * Tells each person mentioned, who can read the tip and was not told of this tip or comment
 * before, with a `mention.post` / `mention.comment` notification. Call inside the write's
 * transaction. Returns the ids of the people told.
 */
export function notifyMentions(ctx: Context, site: MentionSite): number[] {
  const now = ctx.now();
  const told: number[] = [];
  for (const username of mentionedUsernames(site.html).slice(0, MENTIONS_MAX)) {
    const user = ctx.users.byUsername(username);
    if (!user || user.id === site.actorId || site.skip?.has(user.id) || !canRead(user, site.post)) continue;
    if (!ctx.mentions.record(site.source, site.sourceId, user.id, now.toISOString())) continue;
    ctx.notifications.add({
      userId: user.id, kind: `mention.${site.source}`, actorId: site.actorId,
      targetType: 'post', targetId: site.post.id, targetTitle: site.post.title, text: site.text ?? '',
      // A comment's mention names the comment it quotes, so the notification and its queued mail
      // follow the comment being hidden or deleted (notifications/visibility.ts, mail/service.ts).
      ...(site.source === 'comment' ? { subjectType: 'comment' as const, subjectId: site.sourceId } : {}),
    }, now);
    told.push(user.id);
  }
  return told;
}

/** Mentions in a tip are told when it is published, and new ones when it is edited while published, as the editor's. */
export function mentionsInTips(ctx: Context, events: PostEvents): void {
  events.on(({ kind, post, actorId }) => {
    if (kind === 'deleted') ctx.mentions.forget('post', post.id);
    if ((kind === 'created' || kind === 'updated') && post.status === 'published') {
      // Names added by a moderator's edit are the moderator's mentions, not the author's; the
      // author is told of that edit by post.edited, never of a name in her own tip.
      notifyMentions(ctx, { source: 'post', sourceId: post.id, html: post.html, actorId: actorId ?? post.author_id,
        post, skip: new Set([post.author_id]) });
    }
  });
}
