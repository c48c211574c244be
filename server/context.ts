import type { Config } from './config';
import type { Database } from './db/database';
import { createAuditStore } from './audit/store';
import { createAuthoringStores } from './authoring/stores';
import { createSocialStores } from './social/stores';
import { createReportStore } from './moderation/store';
import { createTagAdminStore } from './moderation/tag-store';
import { createNotificationStore } from './notifications/store';
import { createAwardStore } from './awards/store';
import { createImpactStore } from './impact/store';
import { createMarkdownRenderer } from './markdown/pool';
import { createPostEvents } from './posts/events';
import { createPostStore } from './posts/store';
import { createSessionStore } from './sessions/store';
import { createPostPageReader } from './posts/page';
import { createPageStore } from './pages/store';
import { createReadCache } from './db/read-cache';
import { createTagStore } from './tags/store';
import { createUserStore } from './users/store';
import { createViewStore } from './views/store';
import { createPopularityStore } from './popularity/store';
import { createSearchEngine } from './search/engine';

export type Clock = () => Date;

/** Everything a request handler may use, owned by one app instance (no module-level state). */
export function createContext(db: Database, config: Config, now: Clock = () => new Date()) {
  return {
    db,
    config,
    now,
    audit: createAuditStore(db, now),
    reports: createReportStore(db),
    tagAdmin: createTagAdminStore(db),
    notifications: createNotificationStore(db),
    users: createUserStore(db),
    sessions: createSessionStore(db, { maxAge: config.sessionMaxAge, idle: config.sessionIdle }),
    tags: createTagStore(db),
    posts: createPostStore(db),
    postPages: createPostPageReader(db),
    pageMarks: createPageStore(db),
    readCache: createReadCache(db),
    postEvents: createPostEvents(),
    views: createViewStore(db, now),
    popularity: createPopularityStore(db),
    search: createSearchEngine(db),
    awards: createAwardStore(db),
    impact: createImpactStore(db),
    // Threads start on first use (or on app ready, see app.ts) and close with the app.
    markdown: createMarkdownRenderer({ size: config.renderWorkers, timeoutMs: config.renderTimeoutMs }),
    ...createAuthoringStores(db),
    ...createSocialStores(db, config, now),
  };
}

export type Context = ReturnType<typeof createContext>;
