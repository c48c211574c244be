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
import { createDiffPool } from './revisions/diff-pool';
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
import { createSearchPool } from './search/pool';
import { warmLexicon } from './search/lexicon';
import { warmSpellings } from './search/spellings';
import { warmLoanwords } from './search/loanwords';
import { warmTransliteration } from './search/transliterate';
import { forgetDeletedTips } from './notifications/visibility';

export type Clock = () => Date;

/**
 * Everything a request handler may use, owned by one app instance (no module-level state), with
 * its domain wiring done here rather than where routes register: the listeners that keep derived
 * data in step with tips (search index and suggestions, view windows) and the worker pools. A
 * script that writes tips through a context (seed-demo, import) therefore keeps them in step
 * exactly as the HTTP app does. Whoever creates a context calls `close()` when done (it flushes
 * buffered views and stops the threads; the database stays open: it belongs to the caller).
 */
export function createContext(db: Database, config: Config, now: Clock = () => new Date()) {
  const ctx = createStores(db, config, now);
  ctx.search.follow(ctx.postEvents);
  ctx.postEvents.on(({ kind, post }) => { if (kind === 'deleted') ctx.views.windows.removePost(post.id); });
  forgetDeletedTips(ctx, ctx.postEvents);
  // Full searches run in threads on a database file (an in-memory one cannot be shared with a
  // thread), never from a read-only connection (a search thread's own context).
  const searchPool = config.searchWorkers > 0 && config.dbPath !== ':memory:' && !db.readonly
    ? createSearchPool(config.dbPath, config.searchWorkers, undefined, { timeoutMs: config.searchTimeoutMs }) : null;
  return {
    ...ctx,
    searchPool,
    /**
     * Before the first request: the typo vocabulary and the suggestions' title index (about a
     * second at 100,000 tips), and, on a database file, the threads.
     */
    warm() {
      // The dictionary's table (search/lexicon.ts), the typo vocabulary and the title index, before the first request.
      warmLexicon();
      warmSpellings(true); // this thread indexes tips: the matcher of spellings.ts too
      warmLoanwords();
      warmTransliteration();
      ctx.search.suggester.warm();
      ctx.search.titles.warm();
      if (config.dbPath !== ':memory:') { ctx.markdown.warm(); ctx.diffs.warm(); }
      searchPool?.warm();
    },
    async close() {
      // Waiting views are written on a clean shutdown; only a crash can lose them.
      if (!db.readonly) ctx.views.flush();
      ctx.search.maintenance.stop();
      await Promise.all([ctx.markdown.close(), ctx.diffs.close(), searchPool?.close()]);
    },
  };
}

function createStores(db: Database, config: Config, now: Clock) {
  const search = createSearchEngine(db);
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
    search,
    awards: createAwardStore(db),
    impact: createImpactStore(db),
    // Threads start on first use (or on warm()) and close with the context.
    // A long tip body's index text comes from its render thread (search/body-index.ts).
    markdown: createMarkdownRenderer({ size: config.renderWorkers, timeoutMs: config.renderTimeoutMs, indexed: (html, text) => search.prepared.put(html, text) }),
    // Long revision diffs: one thread, the render time limit (KOTSU_RENDER_WORKERS=0: inline).
    diffs: createDiffPool({ size: config.renderWorkers > 0 ? 1 : 0, timeoutMs: config.renderTimeoutMs }),
    ...createAuthoringStores(db),
    ...createSocialStores(db, config, now),
  };
}

export type Context = ReturnType<typeof createContext>;
