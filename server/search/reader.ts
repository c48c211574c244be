import type { Config } from '../config';
import type { Clock } from '../context';
import type { Database } from '../db/database';
import { createAwardStore } from '../awards/store';
import { createCommentStore } from '../comments/store';
import { createPopularityStore } from '../popularity/store';
import { createPostStore } from '../posts/store';
import { createRevisionStore } from '../revisions/store';
import { createTagStore } from '../tags/store';
import { createUserStore } from '../users/store';
import { createSearchEngine } from './engine';

/**
 * What a search reads of the app: the engine and the stores that present a hit (service.ts,
 * presenter.ts), nothing that renders, mails, diffs or starts threads. A search thread (worker.ts)
 * builds only this, not the whole context (context.ts): each thread is a V8 isolate of its own,
 * and the whole context loaded markdown-it, highlight.js's languages and nodemailer into every
 * one of them (docs/search.md, Serving: memory). The app's Context has all of these, so it is a
 * SearchReader too.
 */
export function createSearchReader(db: Database, config: Config, now: Clock) {
  return {
    db,
    config,
    now,
    search: createSearchEngine(db),
    tags: createTagStore(db),
    users: createUserStore(db),
    posts: createPostStore(db),
    popularity: createPopularityStore(db),
    awards: createAwardStore(db),
    comments: createCommentStore(db),
    revisions: createRevisionStore(db),
  };
}

export type SearchReader = ReturnType<typeof createSearchReader>;
