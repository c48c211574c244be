/**
 * The search engine of one app instance: the FTS5 index (store.ts), the in-memory suggester
 * (suggest.ts), the in-memory title index of suggestions (titles.ts) and the tag list for
 * suggestions, all kept in step with tip writes.
 */
import type { Database } from '../db/database';
import type { PostEvent, PostEvents } from '../posts/events';
import { createIndexMaintenance, type MaintenanceOptions } from './maintenance';
import { normalize } from './normalize';
import { createPreparedBodies, indexedBody, type PreparedBodies } from './body-index';
import { createSearchStore, SUGGEST_CAP, type IndexedDoc, type SourceRow } from './store';
import { createSuggester } from './suggest';
import { createTitleIndex } from './titles';
import { indexedTitle, katakanaWords } from './tokenize';
import { foldSpellings, spellingDigest } from './spellings';

/**
 * Bump when normalize.ts or tokenize.ts change what is indexed: the index is rebuilt at start-up.
 * 2: spelling keys (spellings.ts) appended to every column.
 * 3: a spacing sound mark after a kana letter composes with it (ハ゜ソコン = パソコン, normalize.ts).
 * 4: characters that show nothing (zero-width space, soft hyphen, BOM …) are dropped (normalize.ts).
 */
export const PIPELINE_VERSION = '4';
/** What the index was built with: the pipeline and the dictionary's spelling keys (rebuilt when either changes). */
export const pipelineStamp = (): string => `${PIPELINE_VERSION}:${spellingDigest()}`;

/** Title and tags as search_fts and search_titles hold them: tokens, then spelling keys. */
export function foldedTitle(row: { title: string; tags: string }): { title: string; tags: string } {
  const t = indexedTitle(row);
  return { title: foldSpellings(t.title), tags: foldSpellings(t.tags) };
}

/** The katakana words of a tip's title and tags as written: the typo vocabulary's katakana (suggest.ts). */
const titleKatakana = (row: { title: string; tags: string }): string[] => katakanaWords(`${row.title} ${row.tags}`);

export function indexedDoc(row: Pick<SourceRow, 'title' | 'html' | 'tags'>, prepared?: PreparedBodies): IndexedDoc {
  return {
    ...foldedTitle(row), body: prepared ? prepared.take(row.html) : indexedBody(row.html),
    katakana: titleKatakana(row),
  };
}

export type Progress = (done: number, total: number) => void;

export interface SearchEngineOptions {
  rebuildIfStale?: boolean;
  rankCap?: number;
  denseWalk?: number;
  /** Background merging of the index (maintenance.ts); on by default for a database file. */
  maintenance?: Partial<MaintenanceOptions>;
}

export function createSearchEngine(db: Database, opts: SearchEngineOptions = {}) {
  const store = createSearchStore(db, { rankCap: opts.rankCap, denseWalk: opts.denseWalk });
  const maintenance = createIndexMaintenance(db, { enabled: !db.readonly && !db.memory, ...opts.maintenance });
  const suggester = createSuggester({ words: store.latinWords, katakana: store.katakanaWords, fresh: store.freshWords, version: store.dataVersion, docs: store.docsOf });
  const titles = createTitleIndex({ all: store.titleDocs, one: store.suggestDoc }, { cap: SUGGEST_CAP });
  let tagCache: { name: string; count: number; norm: string }[] | null = null;
  const followed = new WeakSet<PostEvents>();
  /** Index text of long bodies, computed by the render threads before the write (markdown/pool.ts). */
  const prepared = createPreparedBodies();

  /** Brings one tip's index entry in line with its row: indexed while published, absent otherwise. */
  function sync(id: number) {
    const row = store.source(id);
    if (row && row.status === 'published') store.put(id, indexedDoc(row, prepared));
    else store.remove(id);
    maintenance.changed();
    suggester.touch(id);
    titles.touch(id);
    tagCache = null;
  }

  function onPostEvent(e: PostEvent) {
    if (e.kind === 'deleted') {
      store.remove(e.post.id);
      maintenance.changed();
      suggester.touch(e.post.id);
      titles.touch(e.post.id);
      tagCache = null;
    } else {
      sync(e.post.id);
    }
  }

  /** Empties and refills the index from the published tips, in batches of one transaction each. */
  function rebuild(progress?: Progress): number {
    const total = store.publishedCount();
    db.transaction(() => store.clear())();
    let done = 0;
    let after = 0;
    const seen = new Set<string>();
    const batch = db.transaction((rows: SourceRow[]) => {
      for (const row of rows) store.put(row.id, indexedDoc(row), seen);
    });
    for (;;) {
      const rows = store.publishedAfter(after, 500);
      if (rows.length === 0) break;
      batch(rows);
      done += rows.length;
      after = rows[rows.length - 1].id;
      progress?.(done, total);
    }
    db.transaction(() => {
      store.optimize();
      store.setMeta('pipeline', pipelineStamp());
      store.setMeta('vocab', '1');
      store.setMeta('titles', '1');
      store.setMeta('katakana', '1');
    })();
    suggester.reset();
    titles.reset();
    tagCache = null;
    return done;
  }

  // An index built by another pipeline version (or never built: first start after the
  // migration) is rebuilt before the app serves anything.
  if (opts.rebuildIfStale !== false && !db.readonly && store.meta('pipeline') !== pipelineStamp()) rebuild();
  // The list of indexed Latin words (prefix completion) came after the index: fill it once.
  if (opts.rebuildIfStale !== false && !db.readonly && store.meta('vocab') !== '1') {
    db.transaction(() => {
      store.fillWords();
      store.setMeta('vocab', '1');
    })();
  }

  // Whatever an earlier run left unmerged (a crash mid-campaign, changes below the threshold).
  maintenance.startSoon();

  /** Each published tip's title and tags, in batches of one transaction each (the fills below). */
  function eachPublishedTitle(put: (row: Pick<SourceRow, 'id' | 'title' | 'tags'>) => void) {
    const batch = db.transaction((rows: Pick<SourceRow, 'id' | 'title' | 'tags'>[]) => { for (const r of rows) put(r); });
    for (let after = 0; ;) {
      const rows = store.publishedTitlesAfter(after, 1000);
      if (rows.length === 0) break;
      batch(rows);
      after = rows[rows.length - 1].id;
    }
  }

  // The titles-only index came after the full-text index (migration 0010): fill it once from the
  // tips (titles and tags only: about a second at 100,000 tips).
  if (opts.rebuildIfStale !== false && !db.readonly && store.meta('titles') !== '1') {
    eachPublishedTitle((r) => store.putTitle(r.id, foldedTitle(r)));
    db.transaction(() => {
      store.optimizeTitles(); // the full-text index is as it was: not rewritten here
      store.setMeta('titles', '1');
    })();
  }

  // The katakana words of titles and tags (typo targets, suggest.ts) came after the word list:
  // record them once from the tips (titles and tags only) instead of rebuilding the index.
  if (opts.rebuildIfStale !== false && !db.readonly && store.meta('katakana') !== '1') {
    const seen = new Set<string>();
    eachPublishedTitle((r) => store.addKatakana(titleKatakana(r), seen));
    store.setMeta('katakana', '1');
  }

  return {
    store,
    maintenance,
    suggester,
    titles,
    rebuild,
    prepared,
    /** Brings one tip's entry in line with its row (its HTML rendered again: markdown/rerender.ts). */
    reindex: sync,
    /** Keeps the index in step with tips; listeners run inside each write's transaction. */
    follow(events: PostEvents) {
      if (followed.has(events)) return;
      followed.add(events);
      events.on(onPostEvent);
    },
    /** Tags of published tips with their counts and normalized names, cached until the next write. */
    tags() {
      tagCache ??= store.tagCounts().map((t) => ({ ...t, norm: normalize(t.name) }));
      return tagCache;
    },
  };
}

export type SearchEngine = ReturnType<typeof createSearchEngine>;
