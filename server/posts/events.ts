import type { PostRow } from './store';

export type PostEventKind = 'created' | 'updated' | 'deleted' | 'hidden' | 'restored';

export interface PostEvent {
  kind: PostEventKind;
  /** The tip as it is after the change (before it, for `deleted`). */
  post: PostRow;
  /** Who made the change when it is not the tip's author (a moderator's edit or restore). */
  actorId?: number;
}

export type PostListener = (event: PostEvent) => void;

/**
 * Other domains (search index, suggestions, counters) keep in step with tips by listening here.
 * Listeners run synchronously inside the write's transaction: if one throws, the write rolls back.
 */
export function createPostEvents() {
  const listeners: PostListener[] = [];
  return {
    on(listener: PostListener) { listeners.push(listener); },
    emit(event: PostEvent) { for (const l of listeners) l(event); },
  };
}

export type PostEvents = ReturnType<typeof createPostEvents>;
