import type { Post } from '../data/types';

/**
 * The tip page owns the tip it shows; its parts (reactions, moderation, freshness, impact) never
 * keep a changed copy of their own, which the page's next drawing would put back. A part that
 * changed the tip fires `kotsu-post-changed` with it as the server returned it, and the page
 * draws every part again from that.
 */
export interface PostChangedDetail {
  post: Post;
}

export function firePostChanged(from: HTMLElement, post: Post): void {
  from.dispatchEvent(new CustomEvent<PostChangedDetail>('kotsu-post-changed', { detail: { post }, bubbles: true, composed: true }));
}

declare global {
  interface HTMLElementEventMap {
    'kotsu-post-changed': CustomEvent<PostChangedDetail>;
  }
}
